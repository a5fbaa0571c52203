// Imports a territory's schéma de mutualisation from its spreadsheet (XLSX, ODS or CSV): read,
// compared with what is stored, reported row by row, and — unless it is a dry run or any row is
// refused — written in one transaction, audited as one import. The command line and the admin
// screen both come here.
import { canAdminister, gatherOffers, readSchemaSheet, type ImportReportRow } from '@mutualis/domain'
import type { SystemActor } from '../audit/audit.service.ts'
import type { Viewer } from '../auth/viewer.ts'
import type { Db } from '../db.ts'
import { forbidden } from '../errors.ts'
import { applyPlan, type ImportProgress } from './import-apply.ts'
import { planImport } from './import-plan.ts'
import { Deadline, ImportFileError, importLimits, type Workbook } from './import-limits.ts'
import { loadTerritoryState } from './import-state.ts'
import { readSpreadsheet } from './read-spreadsheet.ts'

export interface ImportSchemaInput {
  territoryId: string
  bytes: Uint8Array
  fileName: string
  actor: Viewer | SystemActor
  /** Report only: nothing is written. */
  dryRun: boolean
  onProgress?: ImportProgress
}

export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'refused'

export interface ImportReport {
  territory: { siren: string; name: string }
  fileName: string
  format: Workbook['format']
  encoding: Workbook['encoding'] | null
  delimiter: Workbook['delimiter'] | null
  sheet: string | null
  dryRun: boolean
  /** Every row was accepted: the import can be (or was) written. */
  accepted: boolean
  /** The changes were written (a real run, every row accepted). */
  written: boolean
  counts: Record<RowOutcome, number> & { rows: number }
  /** One line per action row, in the sheet's order. */
  rows: Array<{ row: number; reference: string | null; action: string; outcome: RowOutcome; changes: string[] }>
  /** Why rows (or the whole sheet) are refused: row, column, value, reason, suggestion. */
  refusals: ImportReportRow[]
  /** Columns that are not read (unknown headers, a column given twice): a warning, not a refusal. */
  ignoredColumns: ImportReportRow[]
  created: { domains: string[]; offers: string[] }
}

function authorise(actor: Viewer | SystemActor, territoryId: string) {
  if (actor.kind === 'system') return
  if (actor.kind === 'anonymous') throw forbidden('Connectez-vous pour importer un schéma.')
  const permission = canAdminister(actor, territoryId)
  if (!permission.ok) throw forbidden(permission.reason)
}

export async function importSchema(db: Db, input: ImportSchemaInput): Promise<ImportReport> {
  authorise(input.actor, input.territoryId)
  const deadline = new Deadline()
  input.onProgress?.('lecture', 0, 1)
  const [workbook, state] = await Promise.all([readSpreadsheet(input.bytes, deadline), loadTerritoryState(db, input.territoryId)])
  deadline.check()
  const readings = workbook.sheets.map((sheet) => ({ sheet, reading: readSchemaSheet(sheet.rows, state.context) }))
  // The sheet whose header names the most columns of the template: a workbook may keep notes, lists
  // or the template's own « Aide » beside its schéma.
  const known = ({ reading }: (typeof readings)[number]) => (reading.headerRow > 0 ? Object.keys(reading.headers.columns).length : 0)
  const chosen = readings.reduce<(typeof readings)[number] | undefined>((best, candidate) => (!best || known(candidate) > known(best) ? candidate : best), undefined)
  if (!chosen) throw new ImportFileError('Le classeur ne contient aucune feuille.')
  const { sheet, reading } = chosen
  const dataRows = sheet.rows.filter((row) => row.number > reading.headerRow)
  if (sheet.truncated || dataRows.length > importLimits.rows) {
    throw new ImportFileError(`La feuille « ${sheet.name} » compte plus de ${importLimits.rows.toLocaleString('fr-FR')} lignes : importez le schéma en plusieurs fichiers.`)
  }
  input.onProgress?.('lecture', 1, 1)
  const gathered = gatherOffers(reading.rows)
  const accepted = reading.rows.filter((row) => !gathered.refusedRows.has(row.row))
  const plan = planImport(state, accepted, gathered.offers, input.fileName)
  input.onProgress?.('comparaison', accepted.length, accepted.length)
  deadline.check()

  const rowRefusals = [...reading.refusals, ...gathered.refusals, ...plan.refusals]
  const refusals = [...reading.headers.missing, ...rowRefusals].sort((a, b) => a.row - b.row)
  const refusedRows = new Set(rowRefusals.map((refusal) => refusal.row))
  const actionColumn = reading.headers.columns.action
  const rows: ImportReport['rows'] = [
    ...plan.actions.filter((action) => !refusedRows.has(action.row.row)).map(({ row, outcome, changes }) => ({ row: row.row, reference: row.reference, action: row.title, outcome, changes })),
    ...[...refusedRows].map((number) => {
      const cells = sheet.rows.find((row) => row.number === number)?.cells ?? []
      const referenceColumn = reading.headers.columns.reference
      const text = (column: number | undefined) => (column === undefined || cells[column] == null ? '' : String(cells[column]).trim())
      return { row: number, reference: text(referenceColumn) || null, action: text(actionColumn), outcome: 'refused' as const, changes: [] }
    }),
  ].sort((a, b) => a.row - b.row)
  const counts = { rows: rows.length, created: 0, updated: 0, unchanged: 0, refused: 0 }
  for (const row of rows) counts[row.outcome]++
  const report: ImportReport = {
    territory: { siren: state.territory.siren, name: state.territory.name },
    fileName: input.fileName, format: workbook.format, encoding: workbook.encoding ?? null, delimiter: workbook.delimiter ?? null, sheet: sheet.name,
    dryRun: input.dryRun, accepted: refusals.length === 0, written: false, counts, rows, refusals,
    ignoredColumns: [...reading.headers.unknown, ...reading.headers.duplicates],
    created: { domains: plan.domains.map((domain) => domain.name), offers: plan.offers.filter((offer) => offer.create).map((offer) => offer.draft.name) },
  }
  if (!report.accepted || input.dryRun || counts.created + counts.updated === 0) return report
  const summary = { fileName: input.fileName, format: workbook.format, sheet: sheet.name, counts, created: report.created, rows: rows.filter((row) => row.outcome !== 'unchanged') }
  await applyPlan(db, plan, { territoryId: state.territory.id, actor: input.actor, summary, deadline, onProgress: input.onProgress })
  return { ...report, written: true }
}

/** « ligne 12, colonne « Communes » (« Crimolois ») : reason Suggestion » — a refusal as one line of French. */
export function refusalLine(refusal: ImportReportRow): string {
  const where = refusal.row > 0 ? `ligne ${refusal.row}, colonne « ${refusal.column} »` : `colonne « ${refusal.column} »`
  return `${where}${refusal.value ? ` (« ${refusal.value} »)` : ''} : ${refusal.reason}${refusal.suggestion ? ` ${refusal.suggestion}` : ''}`
}
