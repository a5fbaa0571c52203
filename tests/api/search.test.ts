import { db } from '@mutualis/api/db.ts'
import { describe, expect, it } from 'vitest'
import { graphql, query } from '../fixtures/graphql.ts'

const searchQuery = /* GraphQL */ `
  query ($text: String!, $first: Int) {
    search(text: $text, first: $first, territory: "242100410") { kind name detail commune { inseeCode } offer { id } domain { id } action { id } }
  }
`

describe('searching the schéma', () => {
  it('finds every action of a domain by the domain’s name (« restauration » missed 3 of 4)', async () => {
    const domain = await db.domain.findFirstOrThrow({ where: { name: 'Restauration collective', territory: { siren: '242100410' } }, include: { actions: { where: { archivedAt: null } } } })
    expect(domain.actions.length).toBeGreaterThan(1)
    const data = await query(`{ actions(filter: { search: "restauration" }, first: 100, territory: "242100410") { edges { node { id domain { name } } } } }`)
    const found = new Set(data.actions.edges.map((e: { node: { id: string } }) => atob(e.node.id).split(':')[1]))
    for (const action of domain.actions) expect(found.has(action.id), action.title).toBe(true)
  })

  it('ranks what is named before what only mentions it, and each hit brings its object', async () => {
    const { search } = await query(searchQuery, { text: 'Restauration', first: 50 })
    const kinds = search.map((hit: { kind: string }) => hit.kind)
    expect(kinds).toContain('DOMAIN')
    expect(kinds).toContain('OFFER')
    expect(kinds).toContain('ACTION')
    const firstAction = kinds.indexOf('ACTION')
    const named = search.filter((hit: { name: string }) => /restauration/i.test(hit.name))
    // Every hit whose name holds the word comes before any hit that only mentions it.
    expect(search.slice(0, named.length)).toEqual(named)
    expect(firstAction).toBeGreaterThan(0)
    for (const hit of search) expect(hit[hit.kind.toLowerCase()], hit.name).not.toBeNull()
  })

  it('puts the commune first when its name is typed, accents ignored', async () => {
    const { search } = await query(searchQuery, { text: 'chenove', first: 5 })
    expect(search[0]).toMatchObject({ kind: 'COMMUNE', name: 'Chenôve', commune: { inseeCode: '21166' } })
    expect(search[0].detail).toMatch(/habitants$/)
  })

  it('leaves archived offers out, answers nothing under two letters, and bounds the list', async () => {
    const offer = await db.offer.findFirstOrThrow({ where: { territory: { siren: '242100410' }, kind: 'RESEAU' } })
    await db.offer.update({ where: { id: offer.id }, data: { archivedAt: new Date() } })
    const { search } = await query(searchQuery, { text: offer.name, first: 50 })
    expect(search.filter((hit: { kind: string; name: string }) => hit.kind === 'OFFER' && hit.name === offer.name)).toEqual([])
    expect((await query(searchQuery, { text: 'r' })).search).toEqual([])
    const tooMany = await graphql(searchQuery, { text: 'restauration', first: 500 })
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('VALIDATION')
  })
})
