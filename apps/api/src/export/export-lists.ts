import { instrumentLabels, opennessLabels, organisationKindLabels, participationStateLabels, roleLabels, statusLabels } from '@mutualis/domain'
import { graphql, type ResultOf } from '@mutualis/schema/graphql'
import { frenchDate, type Cell } from './csv.ts'
import { day, exportList, type ExportList } from './export-list.ts'
import { offersList } from './export-offers.ts'
import { prose } from './spreadsheet-text.rules.ts'

const actionsPage = graphql(`
  query ExportActions($filter: ActionFilter, $orderBy: ActionOrder, $territory: String, $first: Int, $after: String) {
    page: actions(filter: $filter, orderBy: $orderBy, territory: $territory, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node {
        key title description statusLabel instrument openness effectiveDate plannedDate domain { name } offer { name kindLabel } sharedService { name } jointContract { subject }
        participants { organisation { name } } progressUpdates { date text }
      } }
    }
  }
`)

const participationsPage = graphql(`
  query ExportParticipations($filter: ParticipationFilter, $orderBy: ParticipationOrder, $territory: String, $first: Int, $after: String) {
    page: participations(filter: $filter, orderBy: $orderBy, territory: $territory, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { role state since organisation { name kind inseeCode } action { key title domain { name } } } }
    }
  }
`)

const progressUpdatesPage = graphql(`
  query ExportProgressUpdates($filter: ProgressUpdateFilter, $orderBy: ProgressUpdateOrder, $territory: String, $first: Int, $after: String) {
    page: progressUpdates(filter: $filter, orderBy: $orderBy, territory: $territory, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { date statusAfter text meeting author action { key title domain { name } } } }
    }
  }
`)

export const exportLists: Record<string, ExportList> = {
  actions: exportList({
    title: 'Actions',
    pageSize: 100,
    document: actionsPage,
    columns: [
      ['Clé', (n) => n.key],
      ['Domaine', (n) => n.domain.name],
      ['Action', prose((n) => n.title)],
      ['Description', prose((n) => n.description)],
      ['Instrument', (n) => instrumentLabels[n.instrument]],
      ['Statut', (n) => n.statusLabel],
      ['Ouverture', (n) => opennessLabels[n.openness]],
      ["Date d'effet", (n) => day(n.effectiveDate)],
      ['Date prévue', (n) => day(n.plannedDate)],
      ['Offre', (n) => n.offer?.name ?? null],
      ["Type d'offre", (n) => n.offer?.kindLabel ?? null],
      // Kept for the analysts' scripts that read them: deprecated in the API, still answered there.
      ['Service commun', (n) => n.sharedService?.name ?? null],
      ['Marché mutualisé', (n) => n.jointContract?.subject ?? null],
      ['Participants', (n) => n.participants.map((p) => p.organisation.name).join(', ')],
      ["Points d'avancement", prose((n) => n.progressUpdates.map((p) => `${frenchDate(day(p.date)!)} : ${p.text}`).join('\n'))],
    ],
  }),
  participations: exportList({
    title: 'Participations',
    pageSize: 200,
    document: participationsPage,
    columns: [
      ['Clé de l’action', (n) => n.action.key],
      ['Domaine', (n) => n.action.domain.name],
      ['Action', prose((n) => n.action.title)],
      ['Organisation', (n) => n.organisation.name],
      ['Type', (n) => organisationKindLabels[n.organisation.kind]],
      ['Code INSEE', (n) => n.organisation.inseeCode],
      ['Rôle', (n) => roleLabels[n.role]],
      ['État', (n) => participationStateLabels[n.state]],
      ['Depuis', (n) => day(n.since)],
    ],
  }),
  offers: offersList,
  'progress-updates': exportList({
    title: "Points d'avancement",
    pageSize: 200,
    document: progressUpdatesPage,
    columns: [
      ['Date', (n) => day(n.date)],
      ['Clé de l’action', (n) => n.action.key],
      ['Domaine', (n) => n.action.domain.name],
      ['Action', prose((n) => n.action.title)],
      ['Statut après', (n) => statusLabels[n.statusAfter]],
      ["Point d'avancement", prose((n) => n.text)],
      ['Instance', prose((n) => n.meeting)],
      ['Auteur', (n) => n.author],
    ],
  }),
}

/** The membership matrix is one query, not a connection: its columns are the services communs. */
export const matrixDocument = graphql(`
  query ExportMatrix($territory: String) {
    membershipMatrix(territory: $territory) { sharedServices { name } rows { commune { name inseeCode } cellLabels } }
  }
`)

export function matrixTable({ membershipMatrix: matrix }: ResultOf<typeof matrixDocument>) {
  return {
    header: ['Commune', 'Code INSEE', ...matrix.sharedServices.map((s) => s.name)],
    rows: matrix.rows.map((row): Cell[] => [row.commune.name, row.commune.inseeCode, ...row.cellLabels.map((label) => label || null)]),
  }
}
