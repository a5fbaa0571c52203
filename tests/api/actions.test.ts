import { db } from '@mutualis/api/db.ts'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { searchText } from '@mutualis/domain'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { query } from '../fixtures/graphql.ts'
import { aCommune, aDomain, anAction, anOffer, aSignedInUser, aTerritory, someCommunes, type BuiltAction, type BuiltTerritory } from '../fixtures/builders.ts'

// Dijon's actions as loaded from its document: actions-seed.test.ts.

interface ActionNode {
  key: string
  title: string
  status: string
  statusLabel: string
  domain: { name: string }
  participants: Array<{ organisation: { name: string } }>
}

async function allActions(territory: string, filter: Record<string, unknown> = {}) {
  const nodes: ActionNode[] = []
  let after: string | null = null
  let totalCount = 0
  do {
    const { actions }: { actions: any } = await query(
      `query ($filter: ActionFilter, $after: String, $territory: String) {
        actions(filter: $filter, first: 50, after: $after, territory: $territory) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { key title status statusLabel domain { name } participants { organisation { name } } } }
        }
      }`,
      { filter, after, territory },
    )
    totalCount = actions.totalCount
    nodes.push(...actions.edges.map((edge: { node: ActionNode }) => edge.node))
    after = actions.pageInfo.hasNextPage ? actions.pageInfo.endCursor : null
  } while (after)
  return { nodes, totalCount }
}

let territory: BuiltTerritory
let actions: BuiltAction[]
let talant: Awaited<ReturnType<typeof aCommune>>

beforeAll(async () => {
  territory = await aTerritory()
  const [voirie, courrier] = [await aDomain(territory, { name: 'Voirie' }), await aDomain(territory, { name: 'Courrier' })]
  const [ahuy, daix] = await someCommunes(territory, ['Ahuy', 'Daix'])
  talant = await aCommune(territory, { name: 'Talant' })
  const service = await anOffer(territory, { name: 'Service commun du courrier' })
  actions = [
    await anAction(territory, { title: 'Éclairage public : maintenance', domain: voirie, status: 'IMPLEMENTED', instrument: 'GROUPEMENT_DE_COMMANDES', participants: [talant, ahuy] }),
    await anAction(territory, { title: 'Mutualiser le courrier', domain: courrier, status: 'TO_STUDY', instrument: 'SERVICE_COMMUN', offer: service, participants: [daix] }),
    await anAction(territory, { title: 'Entretien des voies', description: 'Y compris l’eclairage des carrefours', domain: voirie, status: 'PLANNED', instrument: 'SERVICE_COMMUN', participants: [talant] }),
    await anAction(territory, { title: 'Tournée commune du courrier', domain: courrier, status: 'IN_PROGRESS', instrument: 'MISE_A_DISPOSITION', participants: [ahuy] }),
    await anAction(territory, { title: 'Plan de déneigement', domain: voirie, status: 'IMPLEMENTED', instrument: 'CONVENTION' }),
    await anAction(territory, { title: 'Service commun des archives', domain: courrier, status: 'NOT_STARTED', instrument: 'SERVICE_COMMUN' }),
  ]
})

describe('actions', () => {
  it('labels statuses in French', async () => {
    const { nodes } = await allActions(territory.siren, { status: ['IMPLEMENTED'] })
    expect(nodes).toHaveLength(2)
    expect(new Set(nodes.map((n) => n.statusLabel))).toEqual(new Set(['Mis en œuvre']))
  })

  it.each([
    ['status', { status: ['TO_STUDY', 'PLANNED'] }, (a: BuiltAction) => ['TO_STUDY', 'PLANNED'].includes(a.status)],
    ['instrument', { instrument: ['SERVICE_COMMUN'] }, (a: BuiltAction) => a.instrument === 'SERVICE_COMMUN'],
  ])('filters by %s', async (_name, filter, predicate) => {
    const { nodes, totalCount } = await allActions(territory.siren, filter)
    const expected = actions.filter(predicate).map((a) => a.key)
    expect(expected.length).toBeGreaterThan(1)
    expect(expected.length).toBeLessThan(actions.length)
    expect(totalCount).toBe(expected.length)
    expect(nodes.map((n) => n.key)).toEqual(expected)
  })

  it('filters by domain id', async () => {
    const { domains } = await query<{ domains: Array<{ id: string; name: string }> }>('query ($t: String) { domains(territory: $t) { id name } }', { t: territory.siren })
    const domain = domains.find((d) => d.name === 'Courrier')!
    const { nodes } = await allActions(territory.siren, { domain: domain.id })
    const expected = actions.filter((a) => a.domainId === atob(domain.id).split(':')[1]).map((a) => a.key)
    expect(expected).toHaveLength(3)
    expect(nodes.map((n) => n.key)).toEqual(expected)
  })

  it('filters by the commune taking part', async () => {
    const { nodes } = await allActions(territory.siren, { communeInseeCode: talant.inseeCode })
    expect(nodes.map((n) => n.key)).toEqual([actions[0].key, actions[2].key])
    for (const node of nodes) expect(node.participants.map((p) => p.organisation.name)).toContain('Talant')
  })

  it('searches titles and descriptions ignoring case and accents', async () => {
    const withAccent = actions.filter((a) => searchText(a.title, a.description).includes('eclairage'))
    expect(withAccent).toHaveLength(2)
    expect(withAccent.some((a) => /[ÉéÈè]clairage/.test(`${a.title} ${a.description}`))).toBe(true)
    for (const term of ['eclairage', 'ÉCLAIRAGE', 'Éclairage']) {
      const { nodes } = await allActions(territory.siren, { search: term })
      expect(nodes.map((n) => n.key)).toEqual(withAccent.map((a) => a.key))
    }
  })

  it('requires every word of a search, in the action, its domain or its offer', async () => {
    const { nodes } = await allActions(territory.siren, { search: 'service commun courrier' })
    // Through its offer's name; through its title and its domain's. « Tournée commune du courrier » has no « service ».
    expect(nodes.map((n) => n.key)).toEqual([actions[1].key, actions[5].key])
    const rows = await db.action.findMany({ where: { key: { in: nodes.map((n) => n.key) } }, include: { domain: true, offer: true } })
    expect(rows).toHaveLength(nodes.length)
    for (const row of rows) {
      const text = searchText(row.title, row.description, row.domain.name, row.offer?.name, row.offer?.summary)
      for (const word of ['service', 'commun', 'courrier']) expect(text, row.title).toContain(word)
    }
  })

  it('rejects a malformed domain id with a clear error', async () => {
    const { graphql } = await import('../fixtures/graphql.ts')
    const result = await graphql('{ actions(filter: { domain: "nope" }) { totalCount } }')
    expect(result.errors?.[0]).toMatchObject({ message: 'Identifiant global invalide : « nope » (les identifiants se lisent dans le champ id des réponses).', extensions: { code: 'VALIDATION' } })
    expect(result.data).toBeFalsy()
  })
})

describe('an admin writing an action', () => {
  const written = `... on Action { id title version domain { name } offer { name } openTo { name } participants { organisation { name } } }
    ... on UserError { code message }`

  it('gets back the action as saved, with its domain, offer and who may join, and no query planned for nothing', async () => {
    const admin = await aSignedInUser(territory, { role: 'ADMIN' })
    const [domain, other] = [await aDomain(territory, { name: 'Ressources humaines' }), await aDomain(territory, { name: 'Achats' })]
    const offer = await anOffer(territory, { name: 'Service commun de médecine préventive' })
    const [first, second] = await someCommunes(territory, ['Corcelles-les-Monts', 'Flavignerot'])
    const warnings = vi.spyOn(console, 'warn')
    try {
      const created = await admin.client(`mutation ($i: ActionFieldsInput!) { createAction(input: $i) { ${written} } }`, {
        i: {
          title: 'Mutualiser la médecine préventive', domainId: encodeGlobalID('Domain', domain.id), instrument: 'MISE_A_DISPOSITION', status: 'NOT_STARTED', openness: 'CLOSED',
          offerId: encodeGlobalID('Offer', offer.id), openToIds: [encodeGlobalID('Commune', first.id)],
        },
      })
      expect(created.errors).toBeUndefined()
      const action = created.data!.createAction
      expect(action).toMatchObject({ title: 'Mutualiser la médecine préventive', version: 1, domain: { name: domain.name }, offer: { name: offer.name }, openTo: [{ name: first.name }], participants: [] })

      const updated = await admin.client(`mutation ($id: ID!, $v: Int!, $i: ActionFieldsInput!) { updateAction(id: $id, expectedVersion: $v, input: $i) { ${written} } }`, {
        id: action.id, v: action.version, i: { title: 'Médecine préventive mutualisée', domainId: encodeGlobalID('Domain', other.id), offerId: null, openToIds: [encodeGlobalID('Commune', second.id)] },
      })
      expect(updated.data!.updateAction).toMatchObject({ id: action.id, title: 'Médecine préventive mutualisée', version: 2, domain: { name: other.name }, offer: null, openTo: [{ name: second.name }] })

      const archived = await admin.client(`mutation ($id: ID!, $v: Int!) { archiveAction(id: $id, expectedVersion: $v) { ${written} } }`, { id: action.id, v: 2 })
      expect(archived.data!.archiveAction).toMatchObject({ id: action.id, version: 3, title: 'Médecine préventive mutualisée', domain: { name: other.name } })
      // Each answer is read with the selection planned for it, not loaded field by field beside a planned query left unused.
      expect(warnings.mock.calls.flat().filter((message) => String(message).includes('Prisma query was unused'))).toEqual([])
    } finally {
      warnings.mockRestore()
    }
  })
})
