import { describe, expect, it } from 'vitest'
import { query } from '../fixtures/graphql.ts'

describe('node', () => {
  it('refetches any object by its global id', async () => {
    const { actions } = await query<{ actions: { edges: Array<{ node: { id: string; title: string } }> } }>('{ actions(first: 1) { edges { node { id title } } } }')
    const action = actions.edges[0].node
    const { domains } = await query<{ domains: Array<{ id: string; name: string }> }>('{ domains { id name } }')
    const { communes } = await query<{ communes: Array<{ id: string; name: string }> }>('{ communes { id name } }')
    const data = await query<{ a: any; d: any; c: any }>(
      `query ($a: ID!, $d: ID!, $c: ID!) {
        a: node(id: $a) { ... on Action { title } }
        d: node(id: $d) { ... on Domain { name } }
        c: node(id: $c) { ... on Commune { name } }
      }`,
      { a: action.id, d: domains[0].id, c: communes[0].id },
    )
    expect(data).toEqual({ a: { title: action.title }, d: { name: domains[0].name }, c: { name: communes[0].name } })
  })
})
