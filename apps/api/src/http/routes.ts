import { handleCalendar } from '../calendar/calendar.route.ts'
import { handleExport } from '../export/export.route.ts'
import { handleTemplate } from '../import/template.route.ts'
import { handleReport } from '../report/report.route.ts'
import { fetchHandler, type NodeHandler } from './fetch-handler.ts'
import { graphqlRoute } from './graphql-route.ts'
import { responseCache } from '../plugins/response-cache.ts'
import { yoga } from './yoga.ts'

/**
 * Every address Mutualis answers besides the app's files. A route answers its path and the paths
 * below it (`/export` answers `/export/actions.csv`); each says itself what it does not know.
 * What no route takes is the built PWA's (GET and HEAD: its files, else the app shell for a
 * client route such as /commune/21166), and what the PWA does not take, yoga's (404).
 */
export const routes: ReadonlyArray<{ path: string; handler: NodeHandler }> = [
  // The GraphQL API and GraphiQL; anonymous reads in the response cache are answered before yoga.
  { path: '/graphql', handler: graphqlRoute(yoga, responseCache) },
  // /export/<liste>.csv and .xlsx: actions, participations, offers, progress-updates, matrix, impact, schema.
  { path: '/export', handler: fetchHandler(handleExport) },
  // The yearly report to the council: printable HTML, and Word.
  { path: '/rapport', handler: fetchHandler(handleReport) },
  { path: '/rapport.docx', handler: fetchHandler(handleReport) },
  // A territory's offer due dates, for a calendar app to subscribe to.
  { path: '/calendrier.ics', handler: fetchHandler(handleCalendar) },
  // The spreadsheet template a territory fills to import its schéma (schema:import).
  { path: '/modele-import.xlsx', handler: fetchHandler(handleTemplate) },
]

/** The route of a path, if one takes it. */
export function routeOf(pathname: string): NodeHandler | undefined {
  return routes.find((route) => pathname === route.path || pathname.startsWith(`${route.path}/`))?.handler
}
