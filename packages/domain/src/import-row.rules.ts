// One sheet of a schéma's spreadsheet, read row by row: its header row found, each row's cells read
// by the column rules, every refusal reported with its row, column, value, reason and suggestion.
import type { CommuneMatcher } from './commune-names.rules.ts'
import type { CostKey } from './cost.rules.ts'
import type { ActionStatus, CostKind, Instrument, OfferKind } from './enums.ts'
import { readAnnualCost, readFte } from './import-amount.rules.ts'
import { readCostKey } from './import-cost-key.rules.ts'
import { readImportDate } from './import-date.rules.ts'
import { importColumnLabels, importColumns, readHeaders, type HeaderReading, type ImportColumn } from './import-headers.rules.ts'
import { readInstrument, readOfferKind, type ProviderSide } from './import-kind.rules.ts'
import { readOrganisationName, readParticipants, type ImportOrganisation, type OrganisationRef } from './import-organisations.rules.ts'
import { readStatus } from './import-status.rules.ts'
import { refuse, reportRow, type ImportRefusal, type ImportReportRow } from './import-text.ts'
import { checkRecordedDate, checkText, inputLimits } from './input-limits.rules.ts'

/** A row of a sheet that holds something: its number as the spreadsheet shows it, and its cells. */
export interface SheetRow {
  number: number
  cells: readonly unknown[]
}

export interface SchemaRowContext {
  matcher: CommuneMatcher
  /** The territory's organisations other than its communes and itself. */
  organisations: readonly ImportOrganisation[]
  /** A date du point may not be after it. */
  today: Date
}

/**
 * One action of the sheet, read. Empty offer cells (cost, key, ETP) are null: they state nothing;
 * a cost written « NC » or « à définir » states that it is not known (UNKNOWN).
 */
export interface SchemaRow {
  row: number
  /** The cells as written, by column, for the report. */
  written: Partial<Record<ImportColumn, string>>
  reference: string | null
  domain: string
  offer: string | null
  /** For a row with an offer: the offer's kind, when the row says it. */
  kind: OfferKind | null
  instrument: Instrument | null
  title: string
  status: ActionStatus
  participants: { communes: string[]; territory: boolean; organisations: string[] }
  provider: OrganisationRef | null
  effectiveDate: Date | null
  dueDate: Date | null
  cost: { kind: CostKind; cents: number | null } | null
  costKey: CostKey | null
  fte: number | null
  progress: { text: string; date: Date | null } | null
}

export interface SheetReading {
  /** The header row's number; 0 when no row of the first ten names the « Action » column. */
  headerRow: number
  headers: HeaderReading
  rows: SchemaRow[]
  refusals: ImportReportRow[]
}

/** Where the header is looked for: EPCIs put a title and a date above their tables. */
const headerSearchRows = 10
const referenceMax = 60

/**
 * A cell as text: dates as JJ/MM/AAAA, numbers as written, nothing for an empty cell. The quote
 * Mutualis's exports put before a text starting with = + - or @ (so that no spreadsheet runs it as a
 * formula) is taken off: the text reads back as it was.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : `${String(value.getUTCDate()).padStart(2, '0')}/${String(value.getUTCMonth() + 1).padStart(2, '0')}/${value.getUTCFullYear()}`
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX'
  return String(value).trim().replace(/^'(?=[=+\-@])/, '')
}

function findHeader(sheet: readonly SheetRow[]): { headerRow: number; headers: HeaderReading } {
  let best: { headerRow: number; headers: HeaderReading; found: number } | null = null
  for (const row of sheet.slice(0, headerSearchRows)) {
    const headers = readHeaders(row.cells, { row: row.number })
    const found = Object.keys(headers.columns).length
    if (headers.missing.length === 0 && (!best || found > best.found)) best = { headerRow: row.number, headers, found }
  }
  return best ?? { headerRow: 0, headers: readHeaders(sheet[0]?.cells ?? [], { row: sheet[0]?.number ?? 1 }) }
}

const sideOf = (provider: OrganisationRef | null): ProviderSide | null => (provider === null ? null : provider.kind === 'ORGANISATION' ? 'OTHER' : provider.kind)

/** Reads one row; its refusals go to `refused`, and the row is null when there is any. */
function readRow(number: number, written: Partial<Record<ImportColumn, string>>, cells: (column: ImportColumn) => unknown, domain: string | null, context: SchemaRowContext, refused: ImportReportRow[]): SchemaRow | null {
  const before = refused.length
  const fail = (column: ImportColumn, refusal: Pick<ImportRefusal, 'reason' | 'suggestion'>, value = written[column] ?? '') => refused.push(reportRow(number, importColumnLabels[column], value, refusal))
  const text = (column: ImportColumn, max: number, required: boolean, missing: string) => {
    const value = written[column] ?? ''
    const check = checkText(column, value, max, required)
    if (!check.ok) fail(column, required && !value ? refuse(missing) : refuse(check.reason))
    return value || null
  }
  const reading = <T>(column: ImportColumn, result: ({ ok: true } & T) | ImportRefusal): T | null => (result.ok ? result : (fail(column, result), null))

  const reference = text('reference', referenceMax, false, '')
  const title = text('action', inputLimits.title, true, 'Intitulé de l’action manquant : chaque ligne est une action.')
  const offer = text('offer', inputLimits.name, false, '')
  if (!domain) fail('domain', refuse('Domaine manquant : ni cette ligne ni une ligne au-dessus n’en donne.', [], 'Indiquer le domaine de l’action (Finances, Achats publics…).'))
  else if (domain.length > inputLimits.name) fail('domain', refuse(`Ce champ dépasse ${inputLimits.name} caractères (${domain.length}).`))

  const providerReading = readOrganisationName(written.provider ?? '', context.matcher, context.organisations)
  const provider = providerReading === null ? null : reading('provider', providerReading)
  const kind = reading<{ kind?: OfferKind | null; instrument: Instrument | null }>('kind', offer ? readOfferKind(cells('kind'), sideOf(provider)) : readInstrument(cells('kind')))
  const status = reading('status', readStatus(written.status))

  const participants = readParticipants(written.communes, context.matcher, context.organisations)
  for (const refusal of participants.refused) fail('communes', refusal, refusal.text)

  const effective = reading('effectiveDate', readImportDate(cells('effectiveDate')))
  const due = reading('dueDate', readImportDate(cells('dueDate')))

  const offerOnly = (column: ImportColumn, stated: boolean) => {
    if (stated && !offer) fail(column, refuse(`« ${importColumnLabels[column]} » se rapporte à une offre, et cette ligne n’en nomme aucune.`, [], 'Indiquer l’offre dans la colonne « Offre », ou vider la cellule.'))
  }
  const cost = reading('annualCost', readAnnualCost(cells('annualCost')))
  offerOnly('annualCost', cost !== null && cost.kind !== 'UNKNOWN')
  const costKey = reading('costKey', readCostKey(cells('costKey')))
  offerOnly('costKey', costKey?.key != null)
  const fte = reading('fte', readFte(cells('fte')))
  offerOnly('fte', fte?.fte != null)

  const note = text('progress', inputLimits.note, false, '')
  const pointDate = reading('progressDate', readImportDate(cells('progressDate')))
  const date = pointDate?.date?.start ?? null
  if (date) {
    const check = checkRecordedDate('progressDate', date, context.today)
    if (!check.ok) fail('progressDate', refuse(`${check.reason} Lu : « ${written.progressDate} ».`, [], 'Un point d’avancement se date du jour où il a été fait.'))
    if (!note) fail('progressDate', refuse('Date du point sans point d’avancement.', [], 'Écrire le point d’avancement dans la colonne « Point d’avancement », ou vider la date.'))
  }
  // « Mis en œuvre au 1er octobre 2021 »: the status says more than its label; kept as the point it is.
  const progressText = note ?? (status?.remark ? written.status! : null)

  if (refused.length > before || !title || !domain || !status || !kind) return null
  return {
    row: number, written, reference, domain, offer, title, status: status.status,
    kind: kind.kind ?? null, instrument: kind.instrument,
    participants: { communes: participants.communes, territory: participants.territory, organisations: participants.organisations },
    provider: provider ? stripOk(provider) : null,
    effectiveDate: effective?.date?.start ?? null, dueDate: due?.date?.end ?? null,
    cost: cost && written.annualCost ? { kind: cost.kind, cents: cost.cents } : null,
    costKey: costKey?.key ?? null, fte: fte?.fte ?? null,
    progress: progressText ? { text: progressText, date } : null,
  }
}

const stripOk = ({ ok: _ok, ...ref }: { ok: true } & OrganisationRef): OrganisationRef => ref as OrganisationRef

/**
 * A sheet of the schéma: its header row (the first of its first ten rows that names the « Action »
 * column, with the most known columns), then one action per row. A row with only a « Domaine »
 * heads the rows below it, and a row with no domain takes the one above (merged cells, sections).
 * References repeated in the sheet are refused after their first row.
 */
export function readSchemaSheet(sheet: readonly SheetRow[], context: SchemaRowContext): SheetReading {
  const { headerRow, headers } = findHeader(sheet)
  const reading: SheetReading = { headerRow, headers, rows: [], refusals: [] }
  if (headerRow === 0) return reading
  const found = importColumns.filter((column) => headers.columns[column] !== undefined)
  const references = new Map<string, number>()
  let domain: string | null = null
  for (const { number, cells } of sheet) {
    if (number <= headerRow) continue
    const cell = (column: ImportColumn) => (headers.columns[column] === undefined ? null : cells[headers.columns[column]!])
    const written = Object.fromEntries(found.map((column) => [column, cellText(cell(column))]).filter(([, value]) => value)) as Partial<Record<ImportColumn, string>>
    const filled = Object.keys(written)
    if (filled.length === 0) continue
    if (filled.length === 1 && written.domain) {
      domain = written.domain
      continue
    }
    domain = written.domain ?? domain
    const row = readRow(number, written, cell, domain, context, reading.refusals)
    const reference = written.reference?.toLowerCase()
    if (reference && references.has(reference)) {
      reading.refusals.push(reportRow(number, importColumnLabels.reference, written.reference!, refuse(`La référence « ${written.reference} » est déjà celle de la ligne ${references.get(reference)} : chaque action a la sienne.`, [], 'Donner une autre référence à l’une des deux lignes, ou vider la cellule pour une nouvelle action.')))
      continue
    }
    if (reference) references.set(reference, number)
    if (row) reading.rows.push(row)
  }
  return reading
}
