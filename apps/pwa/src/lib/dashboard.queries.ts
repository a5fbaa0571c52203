import { graphql, type ResultOf } from '@mutualis/schema/graphql'

export const DashboardQuery = graphql(`
  query Dashboard {
    domains { id name position actions { id status } }
    sharedServices(first: 200) {
      edges { node { id name members { id inseeCode } } }
    }
    communes {
      id
      inseeCode
      name
      joinable { openness action { id sharedService { id } } }
    }
  }
`)

export type DashboardData = ResultOf<typeof DashboardQuery>
