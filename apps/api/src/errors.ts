import { GraphQLError } from 'graphql'

/** An expected failure the user can act on: returned as a typed result with a stable code. */
export abstract class UserError extends Error {
  abstract readonly code: 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT'
}

export class ValidationError extends UserError {
  readonly code = 'VALIDATION' as const
  constructor(
    message: string,
    readonly field: string | null = null,
  ) {
    super(message)
  }
}

export class NotFoundError extends UserError {
  readonly code = 'NOT_FOUND' as const
}

/** Someone changed the record meanwhile; carries what it is now so the user can decide. */
export class ConflictError<T = unknown> extends UserError {
  readonly code = 'CONFLICT' as const
  constructor(
    message: string,
    readonly current: T,
  ) {
    super(message)
  }
}

export function unauthenticated(message = 'Connectez-vous pour continuer.') {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } })
}

export function forbidden(message = 'Votre compte ne permet pas cette opération.') {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } })
}
