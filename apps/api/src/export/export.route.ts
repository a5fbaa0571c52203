import { costYearCheck } from '@mutualis/domain'
import { graphql } from '@mutualis/schema/graphql'
import { territoryRequired } from '../analytics/statistics.service.ts'
import { allNodes } from '../reads/all-nodes.ts'
import { HttpError, textResponse } from '../reads/http-error.ts'
import { readerFor, type Reader } from '../reads/read-as.ts'
import { schema } from '../schema/index.ts'
import { toCsv, type Cell } from './csv.ts'
import { exportLists, matrixDocument, matrixTable } from './export-lists.ts'
import { impactDocument, impactHeader, impactPageSize, impactRows } from './export-offers.ts'
import { BadParameter, variablesFromParams } from './query-params.ts'
import { templateSheetName, templateWorkbook } from '../import/import-template.ts'
import { schemaHeader, schemaRows } from './export-schema.ts'
import { toXlsx } from './xlsx.ts'

const listNames = [...Object.keys(exportLists), 'matrix', 'impact', 'schema']
const contentTypes = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }

const territoriesDocument = graphql(`query ExportTerritories { territories { siren } }`)

/** Reads the whole list, as the API answers its reader. */
async function table(read: Reader, list: string, params: URLSearchParams): Promise<{ title: string; header: string[]; rows: Cell[][] }> {
  if (list === 'matrix') {
    const { territory } = variablesFromParams(params, schema, null)
    return { title: 'Matrice des adhésions', ...matrixTable(await read(matrixDocument, { territory })) }
  }
  if (list === 'impact') return { title: 'Impact par commune', header: impactHeader, rows: await impactTable(read, params) }
  if (list === 'schema') return { title: templateSheetName, header: schemaHeader, rows: await schemaRows(read, await territoryParam(read, params)) }
  const spec = exportLists[list]
  return { title: spec.title, header: spec.header, rows: await spec.rows(read, variablesFromParams(params, schema, spec.filterType)) }
}

/** `?territory=<SIREN>`, required when several territories are loaded, as for the matrix. */
async function territoryParam(read: Reader, params: URLSearchParams, accepted: string[] = ['territory']): Promise<string | null> {
  for (const name of params.keys()) if (!accepted.includes(name)) throw new BadParameter(`Paramètre inconnu « ${name} ». Paramètres acceptés : ${accepted.join(', ')}.`)
  const territory = params.get('territory')
  if (!territory) {
    const { territories } = await read(territoriesDocument, {})
    if (territories.length > 1) throw new BadParameter(territoryRequired)
  }
  return territory
}

/** Commune × offer, for `?year=AAAA` (this year by default) and `?territory=<SIREN>`. */
async function impactTable(read: Reader, params: URLSearchParams): Promise<Cell[][]> {
  const territory = await territoryParam(read, params, ['territory', 'year'])
  const year = yearParam(params.get('year'))
  const communes = await allNodes(read, impactDocument, { territory, year, first: impactPageSize })
  return communes.flatMap(impactRows)
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
    const { title, header, rows } = await table(await readerFor(request), list, url.searchParams)
    // The schéma is written as the import template, so that it can be edited and imported again.
    const body = format === 'csv' ? toCsv(header, rows) : list === 'schema' ? await templateWorkbook(rows) : await toXlsx(title, header, rows)
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
    if (error instanceof HttpError) return textResponse(error.status, error.message)
    throw error
  }
}
