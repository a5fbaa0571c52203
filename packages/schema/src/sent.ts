import { createRequest, formatDocument, type AnyVariables, type DocumentInput } from '@urql/core'
import { makeFetchBody } from '@urql/core/internal'

/** A request as the app's GraphQL client puts it on the wire; `Data` types its answer. */
export interface SentRequest<Data = unknown, Variables extends AnyVariables = AnyVariables> {
  operationName?: string
  query: string
  variables: Variables
  /** Never set: carries the answer's type to whoever sends the request. */
  readonly __data?: Data
}

/**
 * The request the app sends for this document, so tests and the bench ask the API exactly what
 * phones ask. urql's own steps, not a copy of them: graphcache forwards the document through
 * formatDocument (a `__typename` in every selection) and the fetch exchange writes the body with
 * makeFetchBody (stringifyDocument, the operation's name). The app sends a query in the address of a
 * GET when it is short enough, a POST otherwise; the text is the same either way.
 */
export function sentRequest<Data, Variables extends AnyVariables>(document: DocumentInput<Data, Variables>, variables: Variables): SentRequest<Data, Variables> {
  const request = createRequest(document, variables)
  const body = makeFetchBody({ query: formatDocument(request.query), variables: request.variables })
  return { operationName: body.operationName, query: body.query!, variables }
}
