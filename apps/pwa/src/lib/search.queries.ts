import { graphql, type ResultOf } from '@mutualis/schema/graphql'

export const SearchActionsQuery = graphql(`
  query SearchActions($search: String!) {
    actions(filter: { search: $search }, first: 50) {
      totalCount
      edges { node { id title status statusLabel domain { id name } } }
    }
  }
`)

// Services communs and marchés are few; the device filters them, so they stay searchable offline.
export const SearchCatalogueQuery = graphql(`
  query SearchCatalogue {
    sharedServices(first: 200) {
      edges { node { id name actions { id title } } }
    }
    jointContracts(first: 200) {
      edges { node { id subject procedure startDate endDate actions { id title } } }
    }
  }
`)

type Catalogue = ResultOf<typeof SearchCatalogueQuery>
export type ServiceHit = Catalogue['sharedServices']['edges'][number]['node']
export type ContractHit = Catalogue['jointContracts']['edges'][number]['node']
