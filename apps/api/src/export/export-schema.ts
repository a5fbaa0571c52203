// A territory's schéma as the import template (/export/schema.xlsx and .csv): one row per action,
// the template's columns, « Référence » filled in (the action's key when it has none), so that the
// file edited and imported again updates the same actions.
import { importColumnLabels, importColumns, importKindLabels, instrumentLabels, statusLabels } from '@mutualis/domain'
import { graphql, type ResultOf } from '@mutualis/schema/graphql'
import { allNodes } from '../reads/all-nodes.ts'
import type { Reader } from '../reads/read-as.ts'
import type { Cell } from './csv.ts'
import { day } from './export-list.ts'

const schemaPage = graphql(`
  query ExportSchema($territory: String, $first: Int, $after: String) {
    page: actions(territory: $territory, orderBy: { field: POSITION }, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node {
        key reference title status instrument effectiveDate plannedDate domain { name }
        offer { name kind cost { kind annualAmount key { label } } staff { fte } }
        participants { role state organisation { name } }
        progressUpdates { date text }
      } }
    }
  }
`)

type SchemaAction = ResultOf<typeof schemaPage>['page']['edges'][number]['node']

export const schemaHeader = importColumns.map((column) => importColumnLabels[column])

const present = (participant: SchemaAction['participants'][number]) => participant.state === 'MEMBER' || participant.state === 'PLANNED'

/** One action as the template's row: what the import reads back as the same action. */
export function schemaRow(action: SchemaAction): Cell[] {
  const pilot = action.participants.find((participant) => participant.role === 'PILOT' && present(participant))
  const others = action.participants.filter((participant) => participant !== pilot && present(participant))
  const latest = action.progressUpdates.at(-1)
  const offer = action.offer
  const cost = offer?.cost.kind === 'AMOUNT' ? offer.cost.annualAmount : offer?.cost.kind === 'FREE' ? 'Gratuit' : null
  const cells: Record<(typeof importColumns)[number], Cell> = {
    reference: action.reference ?? action.key,
    domain: action.domain.name,
    offer: offer?.name ?? null,
    kind: offer ? importKindLabels[offer.kind] : instrumentLabels[action.instrument],
    action: action.title,
    status: statusLabels[action.status],
    communes: others.map((participant) => participant.organisation.name).join(', ') || null,
    provider: pilot?.organisation.name ?? null,
    effectiveDate: day(action.effectiveDate),
    dueDate: day(action.plannedDate),
    annualCost: cost,
    costKey: offer?.cost.key?.label ?? null,
    fte: offer && offer.staff.length > 0 ? offer.staff.reduce((sum, line) => sum + line.fte, 0) : null,
    progress: latest?.text ?? null,
    progressDate: day(latest?.date),
  }
  return importColumns.map((column) => cells[column])
}

/** ~40 estimated objects an action (participants and points counted): pages of 50 stay under the limit. */
export async function schemaRows(read: Reader, territory: string | null): Promise<Cell[][]> {
  return (await allNodes(read, schemaPage, { territory, first: 50 })).map(schemaRow)
}
