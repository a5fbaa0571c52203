import { yoga } from '../http/yoga.ts'

/** A failure to answer an HTTP route, with its status and a French sentence for the reader. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

const statusByCode: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, VALIDATION: 400, GRAPHQL_VALIDATION_FAILED: 400, BAD_USER_INPUT: 400 }

/**
 * Runs a read through the GraphQL API on behalf of the request's caller: the same session cookie or
 * bearer token, hence the same viewer, scopes and filters as the API itself. The route builds the
 * document, never the caller, so the CSRF header is ours to add.
 */
export async function runQuery<T>(request: Request, document: string, variables: Record<string, unknown>): Promise<T> {
  const headers = new Headers({ 'content-type': 'application/json', 'x-mutualis-csrf': '1' })
  for (const name of ['authorization', 'cookie', 'x-forwarded-for', 'x-forwarded-proto']) {
    const value = request.headers.get(name)
    if (value) headers.set(name, value)
  }
  const response = await yoga.fetch(new URL('/graphql', request.url), { method: 'POST', headers, body: JSON.stringify({ query: document, variables }) })
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> }
  const error = body.errors?.[0]
  if (error) throw new HttpError(statusByCode[error.extensions?.code ?? ''] ?? (response.status >= 400 ? response.status : 500), error.message)
  return body.data as T
}
