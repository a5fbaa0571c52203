import type { GraphQLError } from 'graphql'
import { maskError } from '../errors.ts'

/** A failure to answer an HTTP route, with its status and a French sentence for the reader. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** A route's answer in plain text: its failures, in French. */
export function textResponse(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } })
}

const statusByCode: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, VALIDATION: 400, BAD_USER_INPUT: 400 }

/**
 * The HTTP failure a GraphQL error stands for, the one place the routes that read through the
 * schema turn one into the other. The error is first masked as the API masks it (errors.ts): the
 * reader is told what a GraphQL client would be told. A status the error carries wins (a refused
 * request's 400, an unknown token's 401); else its code's; else an error that stopped the request
 * before it ran (a filter value the schema refuses) is the request's fault, 400; anything else,
 * 500 with its sentence. An unexpected error is thrown as it is, for the edge to log and answer.
 */
export function httpErrorOf(error: GraphQLError, { beforeExecution }: { beforeExecution: boolean }): HttpError {
  const masked = maskError(error, 'Unexpected error.', false)
  const extensions = (masked as Partial<GraphQLError>).extensions ?? {}
  if (extensions.unexpected) throw error.originalError ?? error
  const code = typeof extensions.code === 'string' ? extensions.code : ''
  const status = extensions.http?.status ?? statusByCode[code] ?? (beforeExecution ? 400 : 500)
  return new HttpError(status, masked.message)
}
