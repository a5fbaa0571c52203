import { graphql, type ResultOf } from '../graphql.ts'

/** One ranked list: communes, offers, domains and actions whose words match (rule in packages/domain). */
export const SearchQuery = graphql(`
  query Search($search: String!, $territory: String!) {
    search(text: $search, first: 40, territory: $territory) {
      kind
      name
      detail
      commune { id inseeCode }
      offer { id }
      domain { id }
      action { id status }
    }
  }
`)

export type SearchHit = ResultOf<typeof SearchQuery>['search'][number]
