import { graphql, type ResultOf } from '../graphql.ts'

export const CommunesQuery = graphql(`
  query Communes($territory: String!) {
    communes(territory: $territory) { id inseeCode name }
  }
`)

// The commune's side of an offer. The offer page selects the same fields, so it opens offline
// from what « Ma commune » stored.
export const CommuneOfferFields = graphql(`
  fragment CommuneOfferFields on CommuneOffer {
    membership
    membershipLabel
    state
    since
    pendingRequest
    howToJoin
    annualCostLabel
    staffFte
    offer {
      id
      name
      kind
      kindLabel
      status
      statusLabel
      domain { id name position }
      actions { id }
    }
  }
`)

export const CommunePageQuery = graphql(
  `
  query CommunePage($inseeCode: String!) {
    commune(inseeCode: $inseeCode) {
      id
      inseeCode
      name
      territory { id siren }
      offers { ...CommuneOfferFields }
      impact {
        year
        annualCost
        annualCostLabel
        unknownCostOffers
        staffFte
        staffFteLabel
        byOffer { annualCost staffFte offer { id name } }
      }
    }
  }
`,
  [CommuneOfferFields],
)

export type CommuneSummary = ResultOf<typeof CommunesQuery>['communes'][number]
export type CommuneDetail = NonNullable<ResultOf<typeof CommunePageQuery>['commune']>
export type CommuneOffer = ResultOf<typeof CommuneOfferFields>
export type CommuneImpact = CommuneDetail['impact']
