// The offers of a schéma's spreadsheet: the rows naming one offer (by its name, accents and case
// ignored) give it its kind, cost, clé de répartition and ETP. A cell left empty states nothing; two
// rows stating different values for one offer are a contradiction, refused. « Porteur » is each
// row's action's: the offer takes its first row's, and its actions may have others.
import { costKeyLabel, type CostKey } from './cost.rules.ts'
import type { OfferKind } from './enums.ts'
import { importColumnLabels } from './import-headers.rules.ts'
import type { OrganisationRef } from './import-organisations.rules.ts'
import type { SchemaRow } from './import-row.rules.ts'
import { importKey, refuse, reportRow, type ImportReportRow } from './import-text.ts'

export interface OfferDraft {
  /** The name as its first row writes it. */
  name: string
  /** What rows and stored offers of the same name compare equal on. */
  key: string
  /** Its rows' numbers, in the sheet's order. */
  rows: number[]
  /** Its first row's domain. */
  domain: string
  kind: OfferKind | null
  provider: OrganisationRef | null
  cost: SchemaRow['cost']
  costKey: CostKey | null
  fte: number | null
}

type Stated = 'kind' | 'cost' | 'costKey' | 'fte'
const columns = { kind: 'kind', cost: 'annualCost', costKey: 'costKey', fte: 'fte' } as const
const what: Record<Stated, string> = { kind: 'qu’un type', cost: 'qu’un coût annuel', costKey: 'qu’une clé de répartition', fte: 'qu’un nombre d’ETP' }

/** Whether two values of a field say the same: a key by its parts, a provider by who it is. */
function same(field: Stated, a: OfferDraft[Stated], b: OfferDraft[Stated]): boolean {
  if (field === 'costKey') return costKeyLabel(a as CostKey) === costKeyLabel(b as CostKey)
  if (field === 'cost') return JSON.stringify(a) === JSON.stringify(b)
  return a === b
}

export const offerKeyOf = (name: string) => importKey(name)

/**
 * Gathers the rows of each offer. The first row stating a field gives it; a later row stating
 * another value is refused (its row, column and value, the first row's value as the reason).
 */
export function gatherOffers(rows: readonly SchemaRow[]): { offers: OfferDraft[]; refusals: ImportReportRow[]; refusedRows: Set<number> } {
  const offers = new Map<string, OfferDraft & { from: Partial<Record<Stated, SchemaRow>> }>()
  const refusals: ImportReportRow[] = []
  const refusedRows = new Set<number>()
  for (const row of rows) {
    if (!row.offer) continue
    const key = offerKeyOf(row.offer)
    let offer = offers.get(key)
    if (!offer) {
      offer = { name: row.offer, key, rows: [], domain: row.domain, kind: null, provider: null, cost: null, costKey: null, fte: null, from: {} }
      offers.set(key, offer)
    }
    offer.rows.push(row.row)
    offer.provider ??= row.provider
    for (const field of Object.keys(columns) as Stated[]) {
      const value = row[field]
      if (value === null) continue
      const first = offer.from[field]
      if (!first) {
        Object.assign(offer, { [field]: value })
        offer.from[field] = row
      } else if (!same(field, offer[field], value)) {
        const column = columns[field]
        refusals.push(reportRow(row.row, importColumnLabels[column], row.written[column] ?? '', refuse(
          `L’offre « ${offer.name} » a déjà « ${first.written[column]} » à la ligne ${first.row} : une offre n’a ${what[field]}.`,
          [first.written[column]!],
          'Écrire la même valeur sur chaque ligne de l’offre, ou laisser la cellule vide.',
        )))
        refusedRows.add(row.row)
      }
    }
  }
  return { offers: [...offers.values()].map(({ from: _from, ...offer }) => offer), refusals, refusedRows }
}
