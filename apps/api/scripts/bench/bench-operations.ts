// The requests the benchmark sends: what a mayor's page, an analyst's list and a progress report ask.

/** The commune page as the PWA asks it (apps/pwa/src/lib/commune.queries.ts), with the joinable actions' domains. */
export const communePageQuery = /* GraphQL */ `
  query CommunePage($inseeCode: String!) {
    commune(inseeCode: $inseeCode) {
      id inseeCode name population
      participations { role state since action { id title instrument status statusLabel domain { id name } } }
      joinable { openness howToJoin pendingRequest action { id title instrument status statusLabel domain { id name } } }
    }
  }
`

/** A filtered list of one territory's schéma, first page. */
export const actionsListQuery = /* GraphQL */ `
  query ActionsList($territory: String!, $filter: ActionFilter!) {
    actions(territory: $territory, filter: $filter, first: 20) {
      totalCount
      edges { node { id title status statusLabel instrument openness domain { id name } participants { role organisation { name } } } }
    }
  }
`

export const recordProgressMutation = /* GraphQL */ `
  mutation RecordProgress($input: RecordProgressInput!) {
    recordProgress(input: $input) {
      __typename
      ... on RecordProgressSuccess { replayed action { id status version } }
      ... on ConflictError { current { id version } }
    }
  }
`

export const loginMutation = /* GraphQL */ `
  mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { __typename } }
`

export const dijon = { siren: '242100410', chenove: '21166' }

export const reads = [
  { key: 'communePage', label: 'Page commune (Chenôve)', query: communePageQuery, variables: { inseeCode: dijon.chenove } },
  {
    key: 'actionsList',
    label: 'Liste filtrée des actions',
    query: actionsListQuery,
    variables: { territory: dijon.siren, filter: { status: ['IMPLEMENTED', 'IN_PROGRESS', 'PLANNED'], instrument: ['SERVICE_COMMUN', 'GROUPEMENT_DE_COMMANDES', 'MISE_A_DISPOSITION'] } },
  },
] as const

export const demoAdmin = { email: 'admin@demo.mutualis.fr', password: 'demo-mutualis-2026' }
