import { db } from '@mutualis/api/db.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { graphql, query } from '../fixtures/graphql.ts'
import { aCommune, aDomain, anAction, anOffer, aTerritory, type BuiltTerritory } from '../fixtures/builders.ts'

const searchQuery = /* GraphQL */ `
  query ($text: String!, $first: Int, $territory: String) {
    search(text: $text, first: $first, territory: $territory) { kind name detail commune { inseeCode } offer { id } domain { id } action { id } }
  }
`

let territory: BuiltTerritory
const search = (text: string, first?: number) => query(searchQuery, { text, first, territory: territory.siren })

beforeAll(async () => {
  territory = await aTerritory()
  const restauration = await aDomain(territory, { name: 'Restauration collective' })
  const other = await aDomain(territory, { name: 'Achats' })
  const offer = await anOffer(territory, { name: 'Restauration scolaire mutualisée', domain: restauration })
  await anOffer(territory, { name: 'Groupement de denrées', summary: 'Achats de denrées pour la restauration des écoles', kind: 'GROUPEMENT_DE_COMMANDES', domain: other })
  for (const title of ['Cuisine centrale', 'Livraison des repas', 'Menus communs', 'Contrôle sanitaire']) await anAction(territory, { title, domain: restauration })
  await anAction(territory, { title: 'Restauration du personnel', domain: other, offer })
  await anAction(territory, { title: 'Marché de fournitures', description: 'Pour la restauration et l’entretien', domain: other })
  await anAction(territory, { title: 'Piscine de Chenôve', domain: other })
  await aCommune(territory, { name: 'Chenôve', population: 14_000 })
  await aCommune(territory, { name: 'Chevigny-Saint-Sauveur', population: 11_000 })
})

describe('searching the schéma', () => {
  it('finds every action of a domain by the domain’s name (« restauration » missed 3 of 4)', async () => {
    const domain = await db.domain.findFirstOrThrow({ where: { name: 'Restauration collective', territoryId: territory.id }, include: { actions: { where: { archivedAt: null } } } })
    expect(domain.actions).toHaveLength(4)
    const data = await query(`query ($t: String) { actions(filter: { search: "restauration" }, first: 100, territory: $t) { edges { node { id domain { name } } } } }`, { t: territory.siren })
    const found = new Set(data.actions.edges.map((e: { node: { id: string } }) => atob(e.node.id).split(':')[1]))
    for (const action of domain.actions) expect(found.has(action.id), action.title).toBe(true)
  })

  it('ranks what is named before what only mentions it, and each hit brings its object', async () => {
    const { search: hits } = await search('Restauration', 50)
    const kinds = hits.map((hit: { kind: string }) => hit.kind)
    expect(kinds).toContain('DOMAIN')
    expect(kinds).toContain('OFFER')
    expect(kinds).toContain('ACTION')
    const firstAction = kinds.indexOf('ACTION')
    const named = hits.filter((hit: { name: string }) => /restauration/i.test(hit.name))
    expect(named.length).toBeGreaterThan(2)
    expect(named.length).toBeLessThan(hits.length)
    // Every hit whose name holds the word comes before any hit that only mentions it.
    expect(hits.slice(0, named.length)).toEqual(named)
    expect(firstAction).toBeGreaterThan(0)
    for (const hit of hits) expect(hit[hit.kind.toLowerCase()], hit.name).not.toBeNull()
  })

  it('puts the commune first when its name is typed, accents ignored', async () => {
    const { search: hits } = await search('chenove', 5)
    expect(hits.length).toBeGreaterThan(1)
    const commune = await db.organisation.findFirstOrThrow({ where: { territoryId: territory.id, name: 'Chenôve' } })
    expect(hits[0]).toMatchObject({ kind: 'COMMUNE', name: 'Chenôve', commune: { inseeCode: commune.inseeCode } })
    expect(hits[0].detail).toMatch(/habitants$/)
  })

  it('leaves archived offers out, answers nothing under two letters, and bounds the list', async () => {
    const offer = await anOffer(territory, { name: 'Réseau des bibliothèques', kind: 'RESEAU' })
    expect((await search(offer.name, 50)).search.filter((hit: { kind: string; name: string }) => hit.kind === 'OFFER' && hit.name === offer.name)).toHaveLength(1)
    await db.offer.update({ where: { id: offer.id }, data: { archivedAt: new Date() } })
    const { search: hits } = await search(offer.name, 50)
    expect(hits.filter((hit: { kind: string; name: string }) => hit.kind === 'OFFER' && hit.name === offer.name)).toEqual([])
    expect((await search('r')).search).toEqual([])
    const tooMany = await graphql(searchQuery, { text: 'restauration', first: 500, territory: territory.siren })
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('VALIDATION')
  })
})
