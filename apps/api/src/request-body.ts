import type { IncomingMessage, ServerResponse } from 'node:http'

/** Largest GraphQL request accepted: far above any real one (a note is ≤ 5,000 characters). */
export const maxRequestBytes = 1024 * 1024

/**
 * Reads a POST body into a string before yoga sees the request. yoga's own reading goes through
 * a web ReadableStream and costs more than answering a cached page; handed the text (as
 * frameworks with a body parser do), it uses it as is. Oversized bodies are refused with 413
 * before they are held in memory.
 */
export function withBufferedBody(handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>) {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') return handler(req, res)
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > maxRequestBytes) return refuseTooLarge(req, res)
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxRequestBytes) {
        req.removeAllListeners('data')
        req.removeAllListeners('end')
        refuseTooLarge(req, res)
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      // An empty body stays absent: yoga then answers its usual « POST body sent invalid JSON ».
      if (size > 0) Object.assign(req, { body: Buffer.concat(chunks, size).toString('utf8') })
      void handler(req, res)
    })
  }
}

function refuseTooLarge(req: IncomingMessage, res: ServerResponse) {
  res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', connection: 'close' })
  res.end(JSON.stringify({ errors: [{ message: `Requête trop volumineuse : ${maxRequestBytes / 1024 / 1024} Mo au plus.`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }))
  req.resume()
}
