import { graphql, type ResultOf } from '../graphql.ts'
import { CommuneOfferFields } from './commune.ts'

export const OfferPageQuery = graphql(`
  query OfferPage($id: ID!) {
    node(id: $id) {
      id
      ... on Offer {
        name
        summary
        contact
        kindLabel
        status
        domain { id name position }
        provider { id name }
        terms { startDate endDate renewalDate tacitRenewal noticeMonths dueDates { kind label date } legalBasis joinDeliberationLabels howToJoin }
        cost { kind label key { label } }
        staff { organisation { id name } modeLabel fte }
        members { organisation { id name } state stateLabel since }
        unnamedMembers
        actions { id title status statusLabel instrument openness openTo { id inseeCode } }
      }
    }
  }
`)

// The same selection as « Ma commune », answered from what it stored when offline.
export const CommuneOffersQuery = graphql(
  `
  query CommuneOffers($inseeCode: String!) {
    commune(inseeCode: $inseeCode) {
      id
      inseeCode
      name
      offers { ...CommuneOfferFields }
    }
  }
`,
  [CommuneOfferFields],
)

type OfferNode = NonNullable<ResultOf<typeof OfferPageQuery>['node']>
export type OfferDetail = Extract<OfferNode, { name: string; terms: unknown }>
export type OfferMember = OfferDetail['members'][number]
export type OfferTerms = OfferDetail['terms']
export type OfferAction = OfferDetail['actions'][number]
