import { costYearCheck } from '@mutualis/domain'
import { territoryRequired } from '../analytics/statistics.service.ts'
import { schema } from '../schema/index.ts'
import { toCsv, type Cell } from './csv.ts'
import { exportLists, matrixDocument, matrixTable } from './export-lists.ts'
import { impactDocument, impactHeader, impactPageSize, impactRows } from './export-offers.ts'
import { HttpError, runQuery } from './internal-graphql.ts'
import { BadParameter, variablesFromParams } from './query-params.ts'
import { toXlsx } from './xlsx.ts'

const listNames = [...Object.keys(exportLists), 'matrix', 'impact']
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
  if (list === 'impact') return { title: 'Impact par commune', header: impactHeader, rows: await impactTable(request, params) }
  const spec = exportLists[list]
  const variables = variablesFromParams(params, schema, spec.filterType)
  return { title: spec.title, header: spec.columns.map(([header]) => header), rows: await allPages(request, spec.document, variables, spec.pageSize, (node) => [spec.columns.map(([, value]) => value(node))]) }
}

async function allPages(request: Request, document: string, variables: Record<string, unknown>, pageSize: number, rowsOf: (node: Record<string, any>) => Cell[][]): Promise<Cell[][]> {
  const rows: Cell[][] = []
  let after: string | null = null
  do {
    const data: Page = await runQuery<Page>(request, document, { ...variables, first: pageSize, after })
    rows.push(...data.page.edges.flatMap(({ node }) => rowsOf(node)))
    after = data.page.pageInfo.hasNextPage ? data.page.pageInfo.endCursor : null
  } while (after)
  return rows
}

/** Commune × offer, for `?year=AAAA` (this year by default) and `?territory=<SIREN>`, required when several are loaded, as for the matrix. */
async function impactTable(request: Request, params: URLSearchParams): Promise<Cell[][]> {
  for (const name of params.keys()) if (name !== 'territory' && name !== 'year') throw new BadParameter(`Paramètre inconnu « ${name} ». Paramètres acceptés : territory, year.`)
  const year = yearParam(params.get('year'))
  const territory = params.get('territory')
  if (!territory) {
    const { territories } = await runQuery<{ territories: unknown[] }>(request, '{ territories { siren } }', {})
    if (territories.length > 1) throw new BadParameter(territoryRequired)
  }
  return allPages(request, impactDocument, { territory, year }, impactPageSize, impactRows)
}

function yearParam(value: string | null): number {
  if (value === null) return new Date().getUTCFullYear()
  if (!/^\d{4}$/.test(value.trim())) throw new BadParameter(`Le paramètre « year » attend une année sur quatre chiffres (AAAA) ; « ${value} » n'en est pas une.`)
  const year = Number(value)
  const check = costYearCheck(year)
  if (!check.ok) throw new BadParameter(check.reason)
  return year
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
