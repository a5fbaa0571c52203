import type { IncomingMessage } from 'node:http'

/**
 * The path and query of a request, read as written: appended to an origin rather than resolved
 * against it, so that `//x` stays a path instead of naming a host. The edge (handler.ts) answers 400
 * to a target this cannot read before any route asks.
 */
export function requestUrl(req: IncomingMessage): URL {
  return new URL(`http://localhost${req.url ?? '/'}`)
}

export function readableTarget(req: IncomingMessage): boolean {
  return Boolean(req.url?.startsWith('/')) && URL.canParse(`http://localhost${req.url}`)
}
