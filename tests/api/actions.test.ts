import { db } from '@mutualis/api/db.ts'
import { describe, expect, it } from 'vitest'
import { searchText } from '@mutualis/domain'
import { query } from '../fixtures/graphql.ts'
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
