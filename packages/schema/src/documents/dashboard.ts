import { graphql, type ResultOf } from '../graphql.ts'

export const DashboardQuery = graphql(`
  query Dashboard {
    domains { id name position actions { id status } }
    membershipMatrix {
      sharedServices { id name }
      rows { commune { inseeCode name } cells cellLabels }
    }
  }
`)

export type DashboardData = ResultOf<typeof DashboardQuery>
