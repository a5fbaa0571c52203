import { graphql, type ResultOf } from '@mutualis/schema/graphql'

export const CommunesQuery = graphql(`
  query Communes {
    communes { id inseeCode name }
  }
`)

export const CommunePageQuery = graphql(`
  query CommunePage($inseeCode: String!) {
    commune(inseeCode: $inseeCode) {
      id
      inseeCode
      name
      participations {
        role
        state
        since
        action { id title instrument status statusLabel }
      }
      joinable {
        openness
        howToJoin
        pendingRequest
        action { id title instrument status statusLabel domain { id name } }
      }
    }
  }
`)

export type CommuneSummary = ResultOf<typeof CommunesQuery>['communes'][number]
export type CommuneDetail = NonNullable<ResultOf<typeof CommunePageQuery>['commune']>
export type Participation = CommuneDetail['participations'][number]
export type JoinOpportunity = CommuneDetail['joinable'][number]
