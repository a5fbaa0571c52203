import { db } from '@mutualis/api/db.ts'
import { describe, expect, it, vi } from 'vitest'
import { searchText } from '@mutualis/domain'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { signedInAs } from '../fixtures/accounts.ts'
import { countSql, query } from '../fixtures/graphql.ts'
import { communeInsee, dijonOfficial, dijonSeed } from '../fixtures/seed.ts'

interface ActionNode {
  key: string
  title: string
  status: string
  statusLabel: string
  effectiveDate: string | null
  plannedDate: string | null
  domain: { name: string }
  participants: Array<{ organisation: { name: string }; role: string; state: string }>
  progressUpdates: Array<{ date: string; text: string; statusAfter: string }>
}

async function allActions(filter: Record<string, unknown> = {}) {
  const nodes: ActionNode[] = []
  let after: string | null = null
  let totalCount = 0
  do {
    const { actions }: { actions: any } = await query(
      `query ($filter: ActionFilter, $after: String) {
        actions(filter: $filter, first: 50, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { key title status statusLabel effectiveDate plannedDate domain { name }
            participants { organisation { name } role state }
            progressUpdates { date text statusAfter } } }
        }
      }`,
      { filter, after },
    )
    totalCount = actions.totalCount
    nodes.push(...actions.edges.map((edge: { node: ActionNode }) => edge.node))
    after = actions.pageInfo.hasNextPage ? actions.pageInfo.endCursor : null
  } while (after)
  return { nodes, totalCount }
}

/** The names the seed's organisation references stand for, worked out from the seed and official data alone. */
function expectedNames(ref: string): string[] {
  if (ref === 'metropole') return [dijonOfficial.name]
  if (ref === 'all-communes') return dijonOfficial.communes.map((c) => c.name)
  if (ref.startsWith('commune:')) return [ref.slice('commune:'.length)]
  return [dijonSeed.organisations.find((o) => o.key === ref)!.name]
}

describe('actions', () => {
  it('returns every action of the seed, in order, with its status, dates, domain, participants and progress', async () => {
    const { nodes, totalCount } = await allActions()
    expect(totalCount).toBe(dijonSeed.actions.length)
    expect(nodes.map((n) => n.key)).toEqual(dijonSeed.actions.map((a) => a.key))
    const domainName = new Map(dijonSeed.domains.map((d) => [d.key, d.name]))
    for (const [i, seeded] of dijonSeed.actions.entries()) {
      const node = nodes[i]
      expect(node).toMatchObject({ title: seeded.title, status: seeded.status, effectiveDate: seeded.effectiveDate, plannedDate: seeded.plannedDate })
      expect(node.domain.name).toBe(domainName.get(seeded.domain))
      expect(node.progressUpdates.map((p) => p.text)).toEqual(seeded.progress.map((p) => p.text))
      const names = new Set(seeded.participants.flatMap((p) => expectedNames(p.organisation)))
      expect(new Set(node.participants.map((p) => p.organisation.name))).toEqual(names)
    }
  })

  it('labels statuses in French', async () => {
    const { nodes } = await allActions({ status: ['IMPLEMENTED'] })
    expect(nodes.length).toBeGreaterThan(0)
    expect(new Set(nodes.map((n) => n.statusLabel))).toEqual(new Set(['Mis en œuvre']))
  })

  it.each([
    ['status', { status: ['TO_STUDY', 'PLANNED'] }, (a: (typeof dijonSeed.actions)[number]) => ['TO_STUDY', 'PLANNED'].includes(a.status)],
    ['instrument', { instrument: ['SERVICE_COMMUN'] }, (a: (typeof dijonSeed.actions)[number]) => a.instrument === 'SERVICE_COMMUN'],
  ])('filters by %s', async (_name, filter, predicate) => {
    const { nodes, totalCount } = await allActions(filter)
    const expected = dijonSeed.actions.filter(predicate).map((a) => a.key)
    expect(expected.length).toBeGreaterThan(0)
    expect(totalCount).toBe(expected.length)
    expect(nodes.map((n) => n.key)).toEqual(expected)
  })

  it('filters by domain id', async () => {
    const { domains } = await query<{ domains: Array<{ id: string; key: string }> }>('{ domains { id key } }')
    const domain = domains.find((d) => d.key === dijonSeed.actions[0].domain)!
    const { nodes } = await allActions({ domain: domain.id })
    expect(nodes.map((n) => n.key)).toEqual(dijonSeed.actions.filter((a) => a.domain === domain.key).map((a) => a.key))
  })

  it('filters by the commune taking part', async () => {
    const { nodes } = await allActions({ communeInseeCode: communeInsee('Talant') })
    expect(nodes.length).toBeGreaterThan(0)
    for (const node of nodes) expect(node.participants.map((p) => p.organisation.name)).toContain('Talant')
  })

  it('searches titles and descriptions ignoring case and accents', async () => {
    const withAccent = dijonSeed.actions.filter((a) => searchText(a.title, a.description).includes('eclairage'))
    expect(withAccent.length).toBeGreaterThan(0)
    expect(withAccent.some((a) => /[ÉéÈè]clairage/.test(`${a.title} ${a.description}`))).toBe(true)
    for (const term of ['eclairage', 'ÉCLAIRAGE', 'Éclairage']) {
      const { nodes } = await allActions({ search: term })
      expect(nodes.map((n) => n.key)).toEqual(withAccent.map((a) => a.key))
    }
  })

  it('requires every word of a search, in the action, its domain or its offer', async () => {
    const { nodes } = await allActions({ search: 'service commun courrier' })
    expect(nodes.length).toBeGreaterThan(0)
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
    const admin = await signedInAs('ADMIN')
    const territory = await db.territory.findUniqueOrThrow({ where: { siren: '242100410' } })
    const [domain, other, offer] = await Promise.all([
      db.domain.findFirstOrThrow({ where: { territoryId: territory.id }, orderBy: { position: 'desc' } }),
      db.domain.findFirstOrThrow({ where: { territoryId: territory.id }, orderBy: { position: 'asc' } }),
      db.offer.findFirstOrThrow({ where: { territoryId: territory.id, archivedAt: null }, orderBy: { name: 'asc' } }),
    ])
    const [first, second] = await db.organisation.findMany({ where: { territoryId: territory.id, kind: 'COMMUNE' }, orderBy: { searchName: 'asc' }, take: 2 })
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
