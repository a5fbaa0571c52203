import { graphql, type VariablesOf } from '../graphql.ts'

// The action fields a successful update returns refresh the cached action page (timeline, status, version).
export const RecordProgressMutation = graphql(`
  mutation RecordProgress($input: RecordProgressInput!) {
    recordProgress(input: $input) {
      __typename
      ... on RecordProgressSuccess {
        replayed
        update { id }
        action {
          id
          status
          statusLabel
          version
          progressUpdates { id date statusAfter text meeting author }
        }
      }
      ... on ConflictError { code message current { id status statusLabel version } }
      ... on ValidationError { code message field }
      ... on NotFoundError { code message }
    }
  }
`)

export const RequestToJoinMutation = graphql(`
  mutation RequestToJoin($input: RequestToJoinInput!) {
    requestToJoin(input: $input) {
      __typename
      ... on RequestToJoinSuccess { request { id status } }
      ... on ConflictError { code message }
      ... on ValidationError { code message field }
      ... on NotFoundError { code message }
    }
  }
`)

export type RecordProgressInput = VariablesOf<typeof RecordProgressMutation>['input']
export type RequestToJoinInput = VariablesOf<typeof RequestToJoinMutation>['input']
