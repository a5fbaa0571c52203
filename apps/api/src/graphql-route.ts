import type { IncomingMessage, ServerResponse } from 'node:http'
import { sessionCookieName } from './auth/sessions.service.ts'
import { answerCompressor, minCompressedBytes, negotiateEncoding } from './http-compression.ts'
import type { GraphQLParams, ResponseCache } from './plugins/use-response-cache.ts'
import { withBufferedBody } from './request-body.ts'

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>

/**
 * The /graphql route. A read by an anonymous visitor (a mayor looking up their commune) whose
 * answer is in the response cache is answered here, from the cached text, without the cost of
 * yoga's request and response objects: several times cheaper than the smallest answer yoga can
 * give. Everything else, including every request yoga would treat differently (signed in, CSRF
 * header missing, streaming, fresh answer asked for), goes to yoga unchanged.
 */
export function graphqlRoute(yoga: NodeHandler, cache: ResponseCache): NodeHandler {
  return withBufferedBody(async (req, res) => {
    const contentType = cachedAnswerType(req)
    const params = contentType && anonymousReadParams(req)
    const text = params ? await cache.anonymousAnswer(params) : undefined
    if (text === undefined) return yoga(req, res)
    sendAnswer(req, res, text, contentType!)
  })
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
 * CSRF prevention accepts (a JSON POST, or the x-mutualis-csrf header), no `Cache-Control:
 * no-cache`, no extensions (persisted operations are yoga's to resolve).
 */
function anonymousReadParams(req: IncomingMessage): GraphQLParams | undefined {
  const { headers } = req
  if (headers.authorization || headers.cookie?.includes(`${sessionCookieName}=`)) return undefined
  if (/no-cache/i.test(headers['cache-control'] ?? '') || headers['if-none-match']) return undefined
  try {
    if (req.method === 'GET') {
      if (!headers['x-mutualis-csrf']) return undefined
      const search = new URL(req.url ?? '/', 'http://localhost').searchParams
      const query = search.get('query')
      const variables = search.get('variables')
      if (!query || search.has('extensions')) return undefined
      return { query, variables: variables ? JSON.parse(variables) : undefined, operationName: search.get('operationName') }
    }
    const body = (req as { body?: unknown }).body
    if (req.method !== 'POST' || !/^application\/json\b/i.test(headers['content-type'] ?? '') || typeof body !== 'string') return undefined
    const params = JSON.parse(body) as Partial<GraphQLParams> & { extensions?: unknown }
    if (typeof params?.query !== 'string' || params.extensions !== undefined) return undefined
    return { query: params.query, variables: params.variables, operationName: params.operationName }
  } catch {
    return undefined // yoga answers malformed requests with its own errors
  }
}

function sendAnswer(req: IncomingMessage, res: ServerResponse, text: string, contentType: string) {
  const encoding = Buffer.byteLength(text) >= minCompressedBytes ? negotiateEncoding(req.headers['accept-encoding']) : undefined
  const body = encoding ? answerCompressor(text, encoding) : text
  res.writeHead(200, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    vary: 'Accept-Encoding',
    ...(encoding ? { 'content-encoding': encoding } : {}),
  })
  res.end(body)
}
