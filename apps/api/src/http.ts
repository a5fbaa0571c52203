import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { handleCalendar } from './calendar/calendar.route.ts'
import { handleExport } from './export/export.route.ts'
import { toNodeHandler } from './export/node-adapter.ts'
import { handleReport } from './report/report.route.ts'
import { graphqlRoute } from './graphql-route.ts'
import { staticFiles } from './static-files.ts'
import { responseCache, yoga } from './yoga.ts'
import { readableTarget, requestUrl } from './request-url.ts'

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>

/** HTTP routes besides GraphQL, by path prefix. The built PWA answers everything else. */
const routes: Array<{ prefix: string; handler: Handler }> = [
  { prefix: '/graphql', handler: graphqlRoute(yoga, responseCache) },
  { prefix: '/export', handler: toNodeHandler(handleExport) },
  { prefix: '/rapport', handler: toNodeHandler(handleReport) },
  { prefix: '/rapport.docx', handler: toNodeHandler(handleReport) },
  { prefix: '/calendrier.ics', handler: toNodeHandler(handleCalendar) },
]

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

export const pwaDist = path.resolve(import.meta.dirname, '../../pwa/dist')

/**
 * The whole HTTP surface of Mutualis on one port: GraphQL, other routes, then the PWA. A request
 * that fails unexpectedly gets a 500 and is logged; it never takes the process (and every other
 * request) down with it.
 */
export function createHttpHandler(serveStatic: (req: IncomingMessage, res: ServerResponse) => boolean = staticFiles(pwaDist)): Handler {
  return async (req, res) => {
    try {
      // Fetch's Request, which every route builds, refuses these methods outright.
      if (req.method === 'TRACE' || req.method === 'TRACK') return void res.writeHead(405, { 'content-type': 'text/plain; charset=utf-8', allow: 'GET, HEAD, POST, OPTIONS' }).end('Méthode non prise en charge.\n')
      const refusal = unreadableTarget(req)
      if (refusal) return void res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end(`${refusal}\n`)
      const pathname = requestUrl(req).pathname
      const route = routes.find((candidate) => pathname === candidate.prefix || pathname.startsWith(`${candidate.prefix}/`))
      if (route) return await route.handler(req, res)
      if (!serveStatic(req, res)) return await yoga(req, res)
    } catch (error) {
      console.error(`Requête ${req.method} ${req.url} en échec :`, error)
      if (res.headersSent) res.destroy()
      else res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Erreur interne du serveur ; elle a été consignée.\n')
    }
  }
}
