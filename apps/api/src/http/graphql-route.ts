import type { IncomingMessage, ServerResponse } from 'node:http'
import { sessionCookieName } from '../auth/sessions.service.ts'
import type { NodeHandler } from './fetch-handler.ts'
import { answerCompressor, minCompressedBytes, negotiateEncoding } from './compression.ts'
import { cacheHeader, type GraphQLParams, type ResponseCache } from '../plugins/use-response-cache.ts'
import { parsedJsonBody, withBufferedBody } from './request-body.ts'
import { variablesProblem } from '../request-limits.ts'
import { requestUrl } from './request-url.ts'

/**
 * The /graphql route. A read by an anonymous visitor (a mayor looking up their commune) whose
 * answer is in the response cache is answered here, from the cached text, without the cost of
 * yoga's request and response objects: several times cheaper than the smallest answer yoga can
 * give. Everything else, including every request yoga would treat differently (signed in, CSRF
 * header missing, streaming, fresh answer asked for), goes to yoga unchanged. Every answer carries
 * `x-mutualis-cache: hit` (from the cache, here or through yoga) or `miss` (anything else).
 */
export function graphqlRoute(yoga: NodeHandler, cache: ResponseCache): NodeHandler {
  const route = withBufferedBody(async (req, res) => {
    const refusal = malformedVariables(req)
    if (refusal) return sendError(res, 400, refusal)
    const contentType = cachedAnswerType(req)
    const params = contentType && anonymousReadParams(req)
    const text = params ? await cache.anonymousAnswer(params) : undefined
    if (text === undefined) return yoga(req, res)
    sendAnswer(req, res, text, contentType!)
  })
  // Every answer says whether it came from the response cache: `miss` unless sent from it (yoga's say so too).
  return (req, res) => {
    res.setHeader(cacheHeader, 'miss')
    return route(req, res)
  }
}

/**
 * Variables that nothing may walk: nested too deep (the cache key and graphql-js recurse into them),
 * or, in a GET, variables or extensions that are not JSON at all (yoga would answer 500). Refused before the cache or yoga see them.
 */
function malformedVariables(req: IncomingMessage): string | undefined {
  if (req.method === 'GET') {
    const search = requestUrl(req).searchParams
    for (const name of ['variables', 'extensions']) {
      const value = search.get(name)
      if (!value) continue
      try {
        const problem = variablesProblem(JSON.parse(value))
        if (problem) return problem
      } catch {
        return `Paramètre « ${name} » : JSON invalide (un objet JSON est attendu, encodé dans l’adresse).`
      }
    }
    return undefined
  }
  return variablesProblem(parsedJsonBody(req)?.variables)
}

function sendError(res: ServerResponse, status: number, message: string) {
  const body = JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] })
  res.writeHead(status, { 'content-type': jsonType, 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

const jsonType = 'application/json; charset=utf-8'
const graphqlResponseType = 'application/graphql-response+json; charset=utf-8'

/**
 * The content type yoga would answer with, read from Accept in order as yoga reads it, or
 * undefined when yoga would do something else (stream events, show GraphiQL).
 */
function cachedAnswerType(req: IncomingMessage): string | undefined {
  const accept = req.headers.accept
  if (!accept) return jsonType
  for (const mediaType of accept.split(',').map((part) => part.split(';')[0].trim().toLowerCase())) {
    if (mediaType === 'application/graphql-response+json') return graphqlResponseType
    if (mediaType === 'application/json' || mediaType === '*/*') return jsonType
    if (mediaType === 'text/event-stream' || mediaType === 'multipart/mixed' || (mediaType === 'text/html' && req.method === 'GET')) return undefined
  }
  return undefined
}

/**
 * The parameters of an anonymous read the cache may answer: no credentials, a request yoga's
 * CSRF prevention accepts (a JSON POST, or the x-mutualis-csrf header), same origin (yoga answers
 * other sites with CORS headers), no `Cache-Control: no-cache`, and parameters yoga would accept
 * as they are (no extensions: persisted operations are yoga's to resolve).
 */
function anonymousReadParams(req: IncomingMessage): GraphQLParams | undefined {
  const { headers } = req
  if (headers.authorization || headers.cookie?.includes(`${sessionCookieName}=`)) return undefined
  if (/no-cache/i.test(headers['cache-control'] ?? '') || headers['if-none-match']) return undefined
  if (headers.origin && !sameOrigin(headers.origin, headers.host)) return undefined
  try {
    if (req.method === 'GET') {
      if (!headers['x-mutualis-csrf']) return undefined
      const search = requestUrl(req).searchParams
      const variables = search.get('variables')
      if (search.has('extensions')) return undefined
      return checked({ query: search.get('query'), variables: variables ? JSON.parse(variables) : undefined, operationName: search.get('operationName') })
    }
    const body = req.method === 'POST' ? parsedJsonBody(req) : undefined
    if (!body || Object.keys(body).some((key) => !postKeys.has(key))) return undefined
    return checked(body)
  } catch {
    return undefined // yoga answers malformed requests with its own errors
  }
}

const postKeys = new Set(['query', 'variables', 'operationName'])

/** Parameters as yoga accepts them; anything odd (an empty operation name…) is yoga's to answer. */
function checked(params: Record<string, unknown>): GraphQLParams | undefined {
  const { query, variables, operationName } = params
  if (typeof query !== 'string' || !query) return undefined
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined
  if (operationName != null && (typeof operationName !== 'string' || !operationName)) return undefined
  return { query, variables: variables as GraphQLParams['variables'], operationName: operationName as string | null | undefined }
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}

function sendAnswer(req: IncomingMessage, res: ServerResponse, text: string, contentType: string) {
  const encoding = Buffer.byteLength(text) >= minCompressedBytes ? negotiateEncoding(req.headers['accept-encoding']) : undefined
  const body = encoding ? answerCompressor(text, encoding) : text
  res.writeHead(200, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    vary: 'Accept-Encoding',
    [cacheHeader]: 'hit',
    ...(encoding ? { 'content-encoding': encoding } : {}),
  })
  res.end(body)
}
