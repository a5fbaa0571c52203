import { PothosValidationError } from '@pothos/core'
import { GraphQLError } from 'graphql'
import { maskError as yogaMaskError, type MaskError } from 'graphql-yoga'

/** An expected failure the user can act on: returned as a typed result with a stable code. */
export abstract class UserError extends Error {
  abstract readonly code: 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN'
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

/** The account may not do this (a rule of packages/domain said why): a typed answer, for writes that list it. */
export class NotAllowedError extends UserError {
  readonly code = 'FORBIDDEN' as const
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

/** The same for an offer: its own result type carries the offer as it stands now. */
export class OfferConflictError<T = unknown> extends ConflictError<T> {}

export function unauthenticated(message = 'Connectez-vous pour continuer.') {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } })
}

export function forbidden(message = 'Votre compte ne permet pas cette opération.') {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } })
}

/**
 * What a caller is told of an error thrown while answering. Expected failures keep their code and
 * a French sentence: a typed UserError reached outside a result union, and the validation errors
 * Pothos raises for values it cannot read (cursors, global ids). Anything else stays masked as
 * yoga masks it: « Unexpected error. », the detail in the server's log only.
 */
export const maskError: MaskError = (error, message, isDev) => {
  const original = error instanceof GraphQLError ? error.originalError : error
  const located = error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {}
  if (original instanceof UserError) {
    return new GraphQLError(original.message, { ...located, extensions: { code: original.code, ...(original instanceof ValidationError && original.field ? { field: original.field } : {}) } })
  }
  if (original instanceof PothosValidationError) return new GraphQLError(unreadableValue(original.message), { ...located, extensions: { code: 'VALIDATION' } })
  // The resolvers are typed: a query Prisma refuses as malformed holds a value the caller sent (a
  // cursor that decodes to a number where an id is a text, a date that is no date).
  // PostgreSQL holds no U+0000 in text and refuses any query that carries one (SQLite takes it).
  if (original instanceof Error && /invalid byte sequence for encoding "UTF8": 0x00/.test(original.message)) {
    return new GraphQLError('Le caractère nul (U+0000) n’est accepté dans aucun texte de la requête.', { ...located, extensions: { code: 'VALIDATION' } })
  }
  if (original instanceof Error && original.name === 'PrismaClientValidationError') {
    return new GraphQLError('Valeur invalide : un curseur, un identifiant ou un filtre de la requête ne peut pas être lu.', { ...located, extensions: { code: 'VALIDATION' } })
  }
  return yogaMaskError(error, message, isDev)
}

function unreadableValue(detail: string): string {
  if (/cursor/i.test(detail)) return 'Curseur de pagination invalide : renvoyez tel quel le pageInfo.endCursor d’une réponse précédente.'
  const globalId = /^Invalid global ID: (.*)$/s.exec(detail)
  if (globalId) return `Identifiant global invalide : « ${globalId[1].slice(0, 100)} » (les identifiants se lisent dans le champ id des réponses).`
  return `Valeur invalide : ${detail.slice(0, 200)}`
}
