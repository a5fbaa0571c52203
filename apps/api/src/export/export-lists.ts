import { instrumentLabels, opennessLabels, organisationKindLabels, participationStateLabels, roleLabels, statusLabels } from '@mutualis/domain'
import type { ActionStatus, Instrument, Openness, OrganisationKind, ParticipationRole, ParticipationState } from '@mutualis/domain'
import { frenchDate, type Cell } from './csv.ts'
import { offersList } from './export-offers.ts'
import { prose } from './spreadsheet-text.rules.ts'

const day = (iso: string | null | undefined): Date | null => (iso ? new Date(`${iso}T00:00:00.000Z`) : null)
type Node = Record<string, any>

/** A list as exported: the GraphQL page it reads and one column per header. */
export interface ExportList {
  title: string
  filterType: string | null
  /** Rows a page of the connection; must stay under the query cost limit. */
  pageSize: number
  document: string
  columns: Array<[header: string, value: (node: Node) => Cell]>
}

const connection = (field: string, filterType: string, orderType: string, node: string) => /* GraphQL */ `
  query Export($filter: ${filterType}, $orderBy: ${orderType}, $territory: String, $first: Int, $after: String) {
    page: ${field}(filter: $filter, orderBy: $orderBy, territory: $territory, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { ${node} } }
    }
  }
`

export const exportLists: Record<string, ExportList> = {
  actions: {
    title: 'Actions',
    filterType: 'ActionFilter',
    pageSize: 100,
    document: connection(
      'actions', 'ActionFilter', 'ActionOrder',
      `key title description statusLabel instrument openness effectiveDate plannedDate domain { name } offer { name kindLabel } sharedService { name } jointContract { subject }
       participants { organisation { name } } progressUpdates { date text }`,
    ),
    columns: [
      ['Clé', (n) => n.key],
      ['Domaine', (n) => n.domain.name],
      ['Action', prose((n) => n.title)],
      ['Description', prose((n) => n.description)],
      ['Instrument', (n) => instrumentLabels[n.instrument as Instrument]],
      ['Statut', (n) => n.statusLabel],
      ['Ouverture', (n) => opennessLabels[n.openness as Openness]],
      ["Date d'effet", (n) => day(n.effectiveDate)],
      ['Date prévue', (n) => day(n.plannedDate)],
      ['Offre', (n) => n.offer?.name ?? null],
      ["Type d'offre", (n) => n.offer?.kindLabel ?? null],
      // Kept for the analysts' scripts that read them: deprecated in the API, still answered there.
      ['Service commun', (n) => n.sharedService?.name ?? null],
      ['Marché mutualisé', (n) => n.jointContract?.subject ?? null],
      ['Participants', (n) => n.participants.map((p: Node) => p.organisation.name).join(', ')],
      ["Points d'avancement", prose((n) => n.progressUpdates.map((p: Node) => `${frenchDate(day(p.date)!)} : ${p.text}`).join('\n'))],
    ],
  },
  participations: {
    title: 'Participations',
    filterType: 'ParticipationFilter',
    pageSize: 200,
    document: connection('participations', 'ParticipationFilter', 'ParticipationOrder', 'role state since organisation { name kind inseeCode } action { key title domain { name } }'),
    columns: [
      ['Clé de l’action', (n) => n.action.key],
      ['Domaine', (n) => n.action.domain.name],
      ['Action', prose((n) => n.action.title)],
      ['Organisation', (n) => n.organisation.name],
      ['Type', (n) => organisationKindLabels[n.organisation.kind as OrganisationKind]],
      ['Code INSEE', (n) => n.organisation.inseeCode],
      ['Rôle', (n) => roleLabels[n.role as ParticipationRole]],
      ['État', (n) => participationStateLabels[n.state as ParticipationState]],
      ['Depuis', (n) => day(n.since)],
    ],
  },
  offers: offersList,
  'progress-updates': {
    title: "Points d'avancement",
    filterType: 'ProgressUpdateFilter',
    pageSize: 200,
    document: connection('progressUpdates', 'ProgressUpdateFilter', 'ProgressUpdateOrder', 'date statusAfter text meeting author action { key title domain { name } }'),
    columns: [
      ['Date', (n) => day(n.date)],
      ['Clé de l’action', (n) => n.action.key],
      ['Domaine', (n) => n.action.domain.name],
      ['Action', prose((n) => n.action.title)],
      ['Statut après', (n) => statusLabels[n.statusAfter as ActionStatus]],
      ["Point d'avancement", prose((n) => n.text)],
      ['Instance', prose((n) => n.meeting)],
      ['Auteur', (n) => n.author],
    ],
  },
}

/** The membership matrix is one query, not a connection: its columns are the services communs. */
export const matrixDocument = /* GraphQL */ `
  query ExportMatrix($territory: String) {
    membershipMatrix(territory: $territory) { sharedServices { name } rows { commune { name inseeCode } cellLabels } }
  }
`

export function matrixTable(matrix: { sharedServices: Array<{ name: string }>; rows: Array<{ commune: { name: string; inseeCode: string }; cellLabels: string[] }> }) {
  return {
    header: ['Commune', 'Code INSEE', ...matrix.sharedServices.map((s) => s.name)],
    rows: matrix.rows.map((row): Cell[] => [row.commune.name, row.commune.inseeCode, ...row.cellLabels.map((label) => label || null)]),
  }
}
