import { schema } from '../schema/index.ts'
import { toCsv, type Cell } from './csv.ts'
import { exportLists, matrixDocument, matrixTable } from './export-lists.ts'
import { HttpError, runQuery } from './internal-graphql.ts'
import { BadParameter, variablesFromParams } from './query-params.ts'
import { toXlsx } from './xlsx.ts'

const listNames = [...Object.keys(exportLists), 'matrix']
const contentTypes = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }

interface Page {
  page: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: Record<string, unknown> }> }
}

/** Reads the whole list page after page, each page as the API would answer it. */
async function table(request: Request, list: string, params: URLSearchParams): Promise<{ title: string; header: string[]; rows: Cell[][] }> {
  if (list === 'matrix') {
    const data = await runQuery<{ membershipMatrix: Parameters<typeof matrixTable>[0] }>(request, matrixDocument, variablesFromParams(params, schema, null))
    return { title: 'Matrice des adhésions', ...matrixTable(data.membershipMatrix) }
  }
  const spec = exportLists[list]
  const variables = variablesFromParams(params, schema, spec.filterType)
  const rows: Cell[][] = []
  let after: string | null = null
  do {
    const data: Page = await runQuery<Page>(request, spec.document, { ...variables, first: spec.pageSize, after })
    rows.push(...data.page.edges.map(({ node }) => spec.columns.map(([, value]) => value(node))))
    after = data.page.pageInfo.hasNextPage ? data.page.pageInfo.endCursor : null
  } while (after)
  return { title: spec.title, header: spec.columns.map(([header]) => header), rows }
}

/** `/export/<list>.csv` and `/export/<list>.xlsx`, taking the list's GraphQL filter fields as query parameters. */
export async function handleExport(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const match = /^\/export\/([a-z-]+)\.(csv|xlsx)$/.exec(url.pathname)
  try {
    if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, 'Les exports se lisent en GET.')
    if (!match || !listNames.includes(match[1])) {
      throw new HttpError(404, `Export inconnu. Adresses : ${listNames.map((name) => `/export/${name}.csv ou .xlsx`).join(', ')}.`)
    }
    const [, list, format] = match as unknown as [string, string, 'csv' | 'xlsx']
    const { title, header, rows } = await table(request, list, url.searchParams)
    const body = format === 'csv' ? toCsv(header, rows) : await toXlsx(title, header, rows)
    const filename = `mutualis-${list}-${new Date().toISOString().slice(0, 10)}.${format}`
    return new Response(body, {
      headers: {
        'content-type': contentTypes[format],
        'content-disposition': `attachment; filename="${filename}"`,
        // What a list holds depends on who asks: never kept by a shared cache.
        'cache-control': 'private, no-store',
        vary: 'Cookie, Authorization',
      },
    })
  } catch (error) {
    if (error instanceof BadParameter) return textResponse(400, error.message)
    if (error instanceof HttpError) return textResponse(error.status, error.message)
    throw error
  }
}

export function textResponse(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } })
}
