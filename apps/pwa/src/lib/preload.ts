import { createRequest, formatDocument, makeOperation, type AnyVariables, type Client, type DocumentInput } from '@urql/core'
import { makeFetchBody, makeFetchOptions, makeFetchURL } from '@urql/core/internal'

// Answers asked for while the app starts, by URL; the GraphQL client's fetch takes each one once.
const early = new Map<string, Promise<Response>>()

/**
 * Sends a query at once, while the app still loads its stored cache (queries wait for it, see
 * createMutualisClient): the answer is on its way when the client asks. The request is the one the
 * client will send — graphcache adds the __typename fields, the fetch exchange builds the GET
 * address — so the client's fetch takes this answer instead of asking again (takePreloaded).
 */
export function preloadQuery<Data, Variables extends AnyVariables>(client: Client, query: DocumentInput<Data, Variables>, variables: Variables) {
  const asked = client.createRequestOperation('query', createRequest(query, variables))
  // As graphcache forwards it (prepareForwardedOperation): the same key, the document with __typename.
  const operation = makeOperation('query', { key: asked.key, query: formatDocument(asked.query), variables: asked.variables }, asked.context)
  const body = makeFetchBody(operation)
  const url = makeFetchURL(operation, body)
  const init = makeFetchOptions(operation, body)
  // A POST has no address of its own to be recognised by.
  if (init.method !== 'GET') return
  const answer = fetch(url, init)
  // A failure is the client's to handle when it takes the answer; unhandled until then is not an error.
  answer.catch(() => undefined)
  early.set(url, answer)
}

/** The answer already asked for at this address, once; undefined otherwise. */
export function takePreloaded(input: RequestInfo | URL): Promise<Response> | undefined {
  if (typeof input !== 'string') return undefined
  const answer = early.get(input)
  early.delete(input)
  return answer
}
