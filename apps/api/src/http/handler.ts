import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { readableTarget, requestUrl } from './request-url.ts'
import type { NodeHandler } from './fetch-handler.ts'
import { routeOf } from './routes.ts'
import { staticFiles } from './static-files.ts'
import { yoga } from './yoga.ts'

/**
 * A request whose address cannot be read as this server's: a target that is not a path (`*`, an
 * absolute URL meant for a proxy) or a Host header no URL can hold. Every route builds its URL
 * from both; refused here once rather than failing in each.
 */
function unreadableTarget(req: IncomingMessage): string | undefined {
  if (!readableTarget(req)) return 'Adresse de requête invalide : un chemin commençant par « / » est attendu.'
  const host = req.headers.host
  if (host !== undefined && host !== '' && !URL.canParse(`http://${host}/`)) return 'En-tête Host invalide.'
  return undefined
}

export const pwaDist = path.resolve(import.meta.dirname, '../../../pwa/dist')

/**
 * The whole HTTP surface of Mutualis on one port: the routes (routes.ts), then the PWA, then yoga.
 * A request that fails unexpectedly gets a 500 and is logged; it never takes the process (and every
 * other request) down with it.
 */
export function createHttpHandler(serveStatic: (req: IncomingMessage, res: ServerResponse) => boolean = staticFiles(pwaDist)): NodeHandler {
  return async (req, res) => {
    try {
      // Fetch's Request, which every route builds, refuses these methods outright.
      if (req.method === 'TRACE' || req.method === 'TRACK') return void res.writeHead(405, { 'content-type': 'text/plain; charset=utf-8', allow: 'GET, HEAD, POST, OPTIONS' }).end('Méthode non prise en charge.\n')
      const refusal = unreadableTarget(req)
      if (refusal) return void res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end(`${refusal}\n`)
      const route = routeOf(requestUrl(req).pathname)
      if (route) return await route(req, res)
      if (!serveStatic(req, res)) return await yoga(req, res)
    } catch (error) {
      console.error(`Requête ${req.method} ${req.url} en échec :`, error)
      if (res.headersSent) res.destroy()
      else res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Erreur interne du serveur ; elle a été consignée.\n')
    }
  }
}
