// The requests the benchmark sends: what a mayor's page, an analyst's list and a progress report ask.
// The app's requests are its own documents as it sends them (packages/schema/src/documents, sentRequest).
import { CommunePageQuery } from '@mutualis/schema/documents/commune'
import { RecordProgressMutation, type RecordProgressInput } from '@mutualis/schema/documents/outbox'
import { LoginMutation } from '@mutualis/schema/documents/viewer'
import { sentRequest } from '@mutualis/schema/sent'

export const dijon = { siren: '242100410', chenove: '21166' }
export const demoAdmin = { email: 'admin@demo.mutualis.fr', password: 'demo-mutualis-2026' }

/** A filtered list of one territory's schéma, first page, as an analyst's script asks it (the app has no such list). */
const actionsListQuery = /* GraphQL */ `
  query ActionsList($territory: String!, $filter: ActionFilter!) {
    actions(territory: $territory, filter: $filter, first: 20) {
      totalCount
      edges { node { id title status statusLabel instrument openness domain { id name } participants { role organisation { name } } } }
    }
  }
`

/** A request body: what the app's client or a script puts in a POST. */
export interface BenchRequest {
  operationName?: string
  query: string
  variables: Record<string, unknown>
}

export const reads: ReadonlyArray<{ key: string; label: string; request: BenchRequest }> = [
  { key: 'communePage', label: 'Page commune (Chenôve)', request: sentRequest(CommunePageQuery, { inseeCode: dijon.chenove }) },
  {
    key: 'actionsList',
    label: 'Liste filtrée des actions',
    request: {
      query: actionsListQuery,
      variables: { territory: dijon.siren, filter: { status: ['IMPLEMENTED', 'IN_PROGRESS', 'PLANNED'], instrument: ['SERVICE_COMMUN', 'GROUPEMENT_DE_COMMANDES', 'MISE_A_DISPOSITION'] } },
    },
  },
]

/** The app's sign-in, as the demo admin. */
export const demoAdminLogin: BenchRequest = sentRequest(LoginMutation, demoAdmin)

/** The app's point d'avancement (its outbox sends it). */
export const recordProgress = (input: RecordProgressInput): BenchRequest => sentRequest(RecordProgressMutation, { input })
