import { graphql, type ResultOf } from '../graphql.ts'

export const ActionPageQuery = graphql(`
  query ActionPage($id: ID!) {
    node(id: $id) {
      id
      ... on Action {
        key
        title
        description
        status
        statusLabel
        instrument
        openness
        version
        plannedDate
        effectiveDate
        domain { id name }
        sharedService { id name }
        jointContract { id subject }
        participants {
          role
          state
          since
          organisation { id name kind }
        }
        progressUpdates { id date statusAfter text meeting author }
      }
    }
  }
`)

type ActionNode = NonNullable<ResultOf<typeof ActionPageQuery>['node']>
export type ActionDetail = Extract<ActionNode, { title: string }>
export type ProgressUpdate = ActionDetail['progressUpdates'][number]
