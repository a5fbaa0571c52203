// The tag typing GraphQL documents: the app's (src/documents/, which the tests and the bench send too)
// and the API's own reads (exports, report). The types come from src/introspection.ts, generated from
// schema.graphql by `pnpm --filter @mutualis/schema generate` (a test fails when it is stale).
import { initGraphQLTada } from 'gql.tada'
import type { introspection } from './introspection.ts'

// Fragments are shared field lists here, not data boundaries: unmasked, their fields read directly.
export const graphql = initGraphQLTada<{
  disableMasking: true
  introspection: typeof introspection
  scalars: { Date: string; ID: string }
}>()

export { readFragment } from 'gql.tada'
export type { FragmentOf, ResultOf, TadaDocumentNode, VariablesOf } from 'gql.tada'
