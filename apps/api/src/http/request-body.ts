import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'

/** Largest GraphQL request accepted: far above any real one (a note is ≤ 5,000 characters). */
export const maxRequestBytes = 1024 * 1024

const jsonContentType = /^application\/json\s*(;|$)/i

/**
 * Reads a POST body before yoga sees the request, refusing oversized ones with 413 before they are
 * held in memory. A JSON object is handed to yoga parsed, as frameworks with a body parser do
 * (yoga then reads it without parsing again, and the /graphql route can look it up in the cache);
 * anything else goes on as a stream of the same bytes, for yoga to answer as usual. Never as a
 * string: @whatwg-node/server runs Object.keys on a framework-parsed body, one entry per character.
 */
export function withBufferedBody(handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>) {
  return (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') return Promise.resolve(handler(req, res))
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > maxRequestBytes) return Promise.resolve(refuseTooLarge(req, res))
    // Settles when the handler has answered, so the caller's catch sees its failures: a rejection
    // nobody awaits stops the whole process on Node 20.
    return new Promise<void>((resolve, reject) => {
      const chunks: Buffer[] = []
      let size = 0
      req.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > maxRequestBytes) {
          req.removeAllListeners('data')
          req.removeAllListeners('end')
          refuseTooLarge(req, res)
          resolve()
          return
        }
        chunks.push(chunk)
      })
      req.on('error', reject)
      req.on('end', () => {
        try {
          // An empty body stays absent: yoga then answers its usual « POST body sent invalid JSON ».
          if (size > 0) Object.assign(req, { body: bodyFor(req, Buffer.concat(chunks, size)) })
          Promise.resolve(handler(req, res)).then(resolve, reject)
        } catch (error) {
          reject(error)
        }
      })
    })
  }
}

function bodyFor(req: IncomingMessage, bytes: Buffer): object {
  if (jsonContentType.test(req.headers['content-type'] ?? '')) {
    try {
      const parsed: unknown = JSON.parse(bytes.toString('utf8'))
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && Object.keys(parsed).length > 0) return parsed
    } catch {
      // yoga answers invalid JSON with its own error, from the bytes
    }
  }
  return Readable.from([bytes])
}

/** The JSON object of a POST body read by withBufferedBody, if it was one. */
export function parsedJsonBody(req: IncomingMessage): Record<string, unknown> | undefined {
  const body = (req as { body?: unknown }).body
  return body !== null && typeof body === 'object' && !(body instanceof Readable) ? (body as Record<string, unknown>) : undefined
}

function refuseTooLarge(req: IncomingMessage, res: ServerResponse) {
  res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', connection: 'close' })
  res.end(JSON.stringify({ errors: [{ message: `Requête trop volumineuse : ${maxRequestBytes / 1024 / 1024} Mo au plus.`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }))
  req.resume()
}
