import { describe, expect, it } from 'vitest'
import { query } from '../fixtures/graphql.ts'
import { aCommune, aDomain, anAction, aTerritory } from '../fixtures/builders.ts'

describe('node', () => {
  it('refetches any object by its global id', async () => {
    const territory = await aTerritory()
    const domain = await aDomain(territory, { name: 'Commande publique' })
    const commune = await aCommune(territory, { name: 'Talant' })
    await anAction(territory, { title: 'Mutualiser la commande publique', domain })
    const { actions } = await query<{ actions: { edges: Array<{ node: { id: string; title: string } }> } }>('query ($t: String) { actions(first: 1, territory: $t) { edges { node { id title } } } }', { t: territory.siren })
    const action = actions.edges[0].node
    const { domains } = await query<{ domains: Array<{ id: string; name: string }> }>('query ($t: String) { domains(territory: $t) { id name } }', { t: territory.siren })
    const { communes } = await query<{ communes: Array<{ id: string; name: string }> }>('query ($t: String) { communes(territory: $t) { id name } }', { t: territory.siren })
    expect([action.title, domains[0].name, communes[0].id]).toEqual(['Mutualiser la commande publique', 'Commande publique', commune.gid])
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
