import type { IncomingMessage, ServerResponse } from 'node:http'

/** Serves a fetch-style handler (Request → Response, testable without a port) on Node's HTTP server. */
export function toNodeHandler(handler: (request: Request) => Promise<Response>) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value)
      else if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    }
    const protocol = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http'
    const response = await handler(new Request(`${protocol}://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { method: req.method, headers }))
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.end(req.method === 'HEAD' ? undefined : Buffer.from(await response.arrayBuffer()))
  }
}
