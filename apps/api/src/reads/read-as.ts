import { envelop, useEngine, useSchema } from '@envelop/core'
import { execute, GraphQLError, parse, print, specifiedRules, subscribe, validate, type DocumentNode, type ExecutionResult } from 'graphql'
import type { TadaDocumentNode } from '@mutualis/schema/graphql'
import { createContext, type Context } from '../context.ts'
import { executionLimits } from '../plugins/execution-limits.ts'
import { responseCache } from '../plugins/response-cache.ts'
import { variablesProblem } from '../request-limits.ts'
import { schema } from '../schema/index.ts'
import { HttpError, httpErrorOf } from './http-error.ts'

/**
 * The schema under the limits /graphql runs it with, without HTTP: graphql-armor's bounds on a
 * document's shape (checked when it is validated), the complexity estimate (Pothos checks it as the
 * root fields run, with the variables given) and the ceiling on values resolved and time. The
 * documents are ours, but their variables come from the reader's URL.
 */
const getEnveloped = envelop({
  plugins: [useEngine({ parse, validate, specifiedRules, execute, subscribe }), useSchema(schema), ...executionLimits()],
})

/** Our documents do not change while the process runs: each is validated once, its text (the cache's key) printed once. */
const checked = new WeakMap<DocumentNode, string>()

function checkedText(document: DocumentNode): string {
  let text = checked.get(document)
  if (text !== undefined) return text
  const { validate, schema } = getEnveloped()
  const errors = validate(schema, document)
  // A document of ours that the schema or the limits refuse is a mistake in this code, not in the request.
  if (errors.length > 0) throw new AggregateError(errors, `Document interne refusé : ${errors[0].message}`)
  checked.set(document, (text = print(document)))
  return text
}

/** Runs one of our typed documents; the answer's type is the one the document infers. */
export type Reader = <Result, Variables>(document: TadaDocumentNode<Result, Variables>, variables: Variables) => Promise<Result>

/**
 * Reads through the schema on behalf of a request's caller, in this process, with no HTTP round
 * trip. The context is the one a /graphql request from them gets (createContext): the viewer from
 * the same cookie or bearer token, hence the same scopes and filters; its per-request memo and
 * loaders are shared by the reads of this request. Answers come from the response cache as the
 * API's do, in the caller's partition. Every failure is an HttpError (http-error.ts).
 */
export async function readerFor(request: Request): Promise<Reader> {
  const context = await contextFor(request)
  return async <Result, Variables>(document: TadaDocumentNode<Result, Variables>, variables: Variables) => {
    const problem = variablesProblem(variables)
    if (problem) throw new HttpError(400, problem)
    const variableValues = variables as Record<string, unknown>
    const run = async (rootValue?: unknown) => {
      const { execute, schema } = getEnveloped(context)
      return (await execute({ schema, document, rootValue, variableValues, contextValue: context })) as ExecutionResult
    }
    const result = await responseCache.read(request, { query: checkedText(document), variables: variableValues }, run)
    const error = result.errors?.[0]
    if (error) throw httpErrorOf(error, { beforeExecution: result.data === undefined })
    return result.data as Result
  }
}

async function contextFor(request: Request): Promise<Context> {
  try {
    return await createContext({ request })
  } catch (error) {
    if (error instanceof GraphQLError) throw httpErrorOf(error, { beforeExecution: true })
    throw error
  }
}
