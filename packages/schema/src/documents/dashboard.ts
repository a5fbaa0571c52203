import { graphql, type ResultOf } from '../graphql.ts'

export const DashboardQuery = graphql(`
  query Dashboard($territory: String!) {
    domains(territory: $territory) { id name position actions { id status } }
    membershipMatrix(territory: $territory) {
      sharedServices { id name }
      rows { commune { inseeCode name } cells cellLabels }
    }
  }
`)

export type DashboardData = ResultOf<typeof DashboardQuery>
