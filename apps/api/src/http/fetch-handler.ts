import type { IncomingMessage, ServerResponse } from 'node:http'
import { compressAnswer, minCompressedBytes, negotiateEncoding } from './compression.ts'

/** A handler as Node's HTTP server calls it. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>

/** Text worth compressing: the yearly report (HTML) and CSV exports. XLSX and DOCX are zip files already. */
const compressible = /^(text\/(html|csv|plain)|application\/json)/

/**
 * Serves a fetch-style handler (Request → Response, testable without a port) on Node's HTTP server,
 * compressing text for clients that accept brotli or gzip (the 31-page report is mostly markup).
 */
export function fetchHandler(handler: (request: Request) => Promise<Response>): NodeHandler {
  return async (req, res) => {
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value)
      else if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    }
    const protocol = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http'
    const response = await handler(new Request(`${protocol}://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { method: req.method, headers }))
    const responseHeaders = Object.fromEntries(response.headers)
    let body: Buffer = Buffer.from(await response.arrayBuffer())
    if (compressible.test(response.headers.get('content-type') ?? '')) {
      responseHeaders.vary = responseHeaders.vary ? `${responseHeaders.vary}, Accept-Encoding` : 'Accept-Encoding'
      const encoding = body.length >= minCompressedBytes ? negotiateEncoding(req.headers['accept-encoding']) : undefined
      if (encoding) {
        // HEAD answers the headers a GET would get, without compressing a body nobody reads.
        if (req.method !== 'HEAD') body = await compressAnswer(body, encoding)
        responseHeaders['content-encoding'] = encoding
        delete responseHeaders['content-length']
      }
    }
    res.writeHead(response.status, responseHeaders)
    res.end(req.method === 'HEAD' ? undefined : body)
  }
}
