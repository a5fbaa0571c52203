import { graphql, type ResultOf } from '../graphql.ts'

const ViewerFields = graphql(`
  fragment ViewerFields on User {
    id
    name
    email
    role
    territory { id siren }
    organisations { id name inseeCode }
  }
`)

export const MeQuery = graphql(
  `
  query Me {
    me { ...ViewerFields }
  }
`,
  [ViewerFields],
)

export const LoginMutation = graphql(
  `
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      __typename
      ... on LoginSuccess { user { ...ViewerFields } }
      ... on LoginError { code message retryAfterSeconds }
    }
  }
`,
  [ViewerFields],
)

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`)

export type Viewer = ResultOf<typeof ViewerFields>
