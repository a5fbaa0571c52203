import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { db } from '@mutualis/api/db.ts'
import { graphql, query } from '../fixtures/graphql.ts'
import { communeInsee, dijonSeed } from '../fixtures/seed.ts'

const dijon = '242100410'

/** Every node of a connection, page after page, with the totalCount each page announced. */
async function allPages<T>(field: string, selection: string, args: Record<string, unknown> = {}, types: Record<string, string> = {}, pageSize = 40) {
  const declared = Object.entries(types).map(([name, type]) => `$${name}: ${type}`)
  const passed = Object.keys(types).map((name) => `${name}: $${name}`)
  const document = `query ($after: String, $first: Int${declared.map((d) => `, ${d}`).join('')}) {
    ${field}(first: $first, after: $after${passed.map((p) => `, ${p}`).join('')}) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ${selection} } }
    }
  }`
  const nodes: T[] = []
  const totals = new Set<number>()
  let after: string | null = null
  do {
    const data: Record<string, any> = await query(document, { ...args, after, first: pageSize })
    const connection = data[field]
    totals.add(connection.totalCount)
    nodes.push(...connection.edges.map((edge: { node: T }) => edge.node))
    after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null
  } while (after)
  expect(totals.size).toBe(1)
  return { nodes, totalCount: [...totals][0] }
}

const globalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64')

describe('page size', () => {
  it('never answers more than 200 rows a page, whatever is asked', async () => {
    const data = await query<{ participations: { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean } } }>(
      '{ participations(first: 1000) { totalCount edges { cursor } pageInfo { hasNextPage } } }',
    )
    expect(data.participations.totalCount).toBeGreaterThan(200)
    expect(data.participations.edges).toHaveLength(200)
    expect(data.participations.pageInfo.hasNextPage).toBe(true)
  })
})

describe('actions list', () => {
  it('filters by openness, as the seed says', async () => {
    const { nodes, totalCount } = await allPages<{ key: string }>('actions', 'key', { filter: { openness: ['OPEN', 'UNDER_STUDY'] } }, { filter: 'ActionFilter' })
    const expected = dijonSeed.actions.filter((a) => a.openness !== 'CLOSED').map((a) => a.key)
    expect(expected.length).toBeGreaterThan(0)
    expect(totalCount).toBe(expected.length)
    expect(nodes.map((n) => n.key)).toEqual(expected)
  })

  it('filters by effective date range, both days included', async () => {
    const { nodes } = await allPages<{ key: string }>('actions', 'key', { filter: { effectiveFrom: '2021-10-01', effectiveTo: '2022-01-01' } }, { filter: 'ActionFilter' })
    const expected = dijonSeed.actions.filter((a) => a.effectiveDate && a.effectiveDate >= '2021-10-01' && a.effectiveDate <= '2022-01-01').map((a) => a.key)
    expect(expected).toContain(dijonSeed.actions.find((a) => a.effectiveDate === '2022-01-01')?.key)
    expect(nodes.map((n) => n.key)).toEqual(expected)
  })

  it('filters by offer (and by the deprecated shared service id) and by the organisation taking part', async () => {
    const service = dijonSeed.offers.find((o) => o.kind === 'SERVICE_COMMUN' && dijonSeed.actions.filter((a) => a.offer === o.key).length > 1)!
    const serviceRow = await db.offer.findFirstOrThrow({ where: { key: service.key } })
    const expected = dijonSeed.actions.filter((a) => a.offer === service.key).map((a) => a.key)
    const byOffer = await allPages<{ key: string }>('actions', 'key', { filter: { offer: globalId('Offer', serviceRow.id) } }, { filter: 'ActionFilter' })
    expect(byOffer.nodes.map((n) => n.key)).toEqual(expected)
    const byService = await allPages<{ key: string }>('actions', 'key', { filter: { sharedService: globalId('SharedService', serviceRow.id) } }, { filter: 'ActionFilter' })
    expect(byService.nodes.map((n) => n.key)).toEqual(expected)

    const talant = await db.organisation.findFirstOrThrow({ where: { inseeCode: communeInsee('Talant') } })
    const byOrganisation = await allPages<{ key: string }>('actions', 'key', { filter: { organisation: globalId('Commune', talant.id) } }, { filter: 'ActionFilter' })
    const byInsee = await allPages<{ key: string }>('actions', 'key', { filter: { communeInseeCode: talant.inseeCode } }, { filter: 'ActionFilter' })
    expect(byOrganisation.nodes.length).toBeGreaterThan(0)
    expect(byOrganisation.nodes).toEqual(byInsee.nodes)
  })

  it('refuses the id of another type where an organisation is expected', async () => {
    const domain = await db.domain.findFirstOrThrow()
    const result = await graphql('query ($id: ID) { actions(filter: { organisation: $id }) { totalCount } }', { id: globalId('Domain', domain.id) })
    expect(result.errors?.[0].message).toMatch(/Domain/)
  })

  it('finds only actions changed since a day', async () => {
    const action = await db.action.findFirstOrThrow({ where: { key: dijonSeed.actions[5].key } })
    const future = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
    expect((await allPages('actions', 'key', { filter: { updatedSince: future } }, { filter: 'ActionFilter' })).totalCount).toBe(0)
    await db.action.update({ where: { id: action.id }, data: { updatedAt: new Date(Date.now() + 3 * 86_400_000) } })
    const { nodes } = await allPages<{ key: string }>('actions', 'key', { filter: { updatedSince: future } }, { filter: 'ActionFilter' })
    expect(nodes.map((n) => n.key)).toEqual([action.key])
  })

  it.each([
    // Each case moves a different row, so that one case's change is not seen by the next.
    ['offers', 'OfferFilter', 'offer', { kind: { in: ['CONVENTION', 'RESEAU', 'OUTIL_PARTAGE'] } }],
    ['sharedServices', 'SharedServiceFilter', 'offer', { kind: 'SERVICE_COMMUN' }],
    ['jointContracts', 'JointContractFilter', 'offer', { kind: { in: ['GROUPEMENT_DE_COMMANDES', 'CENTRALE_D_ACHAT'] } }],
    ['communesConnection', 'CommuneFilter', 'organisation', { kind: 'COMMUNE' }],
  ] as const)('finds only %s changed since a day', async (field, filterType, model, kind) => {
    const future = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
    const args = { filter: { updatedSince: future }, territory: dijon }
    const types = { filter: filterType, territory: 'String' }
    expect((await allPages(field, 'id', args, types)).totalCount).toBe(0)
    const delegate = db[model] as unknown as { findFirstOrThrow: (a: object) => Promise<{ id: string }>; update: (a: object) => Promise<unknown> }
    const row = await delegate.findFirstOrThrow({ where: { territory: { siren: dijon }, ...kind } })
    await delegate.update({ where: { id: row.id }, data: { updatedAt: new Date(Date.now() + 3 * 86_400_000) } })
    expect((await allPages(field, 'id', args, types)).totalCount).toBe(1)
  })

  it('sorts by effective date, newest first, actions without one last, across pages without repeating one', async () => {
    const { nodes, totalCount } = await allPages<{ key: string; effectiveDate: string | null }>(
      'actions', 'key effectiveDate', { orderBy: { field: 'EFFECTIVE_DATE', direction: 'DESC' } }, { orderBy: 'ActionOrder' }, 17,
    )
    expect(nodes).toHaveLength(totalCount)
    expect(new Set(nodes.map((n) => n.key)).size).toBe(totalCount)
    const dates = nodes.map((n) => n.effectiveDate)
    const dated = dates.filter((d): d is string => d !== null)
    expect(dated).toEqual([...dated].sort().reverse())
    expect(dates.slice(dated.length).every((d) => d === null)).toBe(true)
  })
})

describe('participations list', () => {
  it('lists the memberships of a commune, equal to the rows in the database', async () => {
    const insee = communeInsee('Chenôve')
    const { nodes, totalCount } = await allPages<{ state: string; organisation: { name: string }; action: { key: string } }>(
      'participations', 'state organisation { name } action { key }', { filter: { communeInseeCode: insee, state: ['MEMBER'] } }, { filter: 'ParticipationFilter' },
    )
    const rows = await db.participation.findMany({ where: { organisation: { inseeCode: insee } }, include: { action: true } })
    const expected = rows.filter((r) => r.state === 'MEMBER' && !r.action.archivedAt).map((r) => r.action.key)
    expect(expected.length).toBeGreaterThan(0)
    expect(totalCount).toBe(expected.length)
    expect(new Set(nodes.map((n) => n.action.key))).toEqual(new Set(expected))
    expect(new Set(nodes.map((n) => n.organisation.name))).toEqual(new Set(['Chenôve']))
  })

  it('filters by the day membership started', async () => {
    const { nodes } = await allPages<{ since: string }>('participations', 'since', { filter: { sinceFrom: '2022-01-01', sinceTo: '2022-12-31' } }, { filter: 'ParticipationFilter' })
    const count = await db.participation.count({ where: { since: { gte: new Date('2022-01-01'), lte: new Date('2022-12-31') } } })
    expect(count).toBeGreaterThan(0)
    expect(nodes).toHaveLength(count)
    for (const node of nodes) expect(node.since >= '2022-01-01' && node.since <= '2022-12-31').toBe(true)
  })
})

describe('progress updates list', () => {
  it('filters by date range and status, as the seed says', async () => {
    const { nodes, totalCount } = await allPages<{ date: string; text: string; statusAfter: string }>(
      'progressUpdates', 'date text statusAfter', { filter: { dateFrom: '2022-01-01', dateTo: '2022-12-01', statusAfter: ['IMPLEMENTED'] } }, { filter: 'ProgressUpdateFilter' },
    )
    const expected = dijonSeed.actions.flatMap((a) => a.progress).filter((p) => p.date >= '2022-01-01' && p.date <= '2022-12-01' && p.status === 'IMPLEMENTED')
    expect(expected.length).toBeGreaterThan(0)
    expect(totalCount).toBe(expected.length)
    expect(nodes.map((n) => n.text).sort()).toEqual(expected.map((p) => p.text).sort())
    expect(nodes.map((n) => n.date)).toEqual(nodes.map((n) => n.date).sort())
  })
})

describe('services communs and joint contracts', () => {
  it('lists the services communs a commune is a member of', async () => {
    const insee = communeInsee('Dijon')
    const { nodes } = await allPages<{ name: string }>('sharedServices', 'name', { filter: { memberCommuneInseeCode: insee } }, { filter: 'SharedServiceFilter' })
    const memberships = await db.offerMember.findMany({ where: { state: 'MEMBER', organisation: { inseeCode: insee }, offer: { kind: 'SERVICE_COMMUN', archivedAt: null } }, select: { offer: { select: { name: true } } } })
    const expected = new Set(memberships.map((m) => m.offer.name))
    expect(expected.size).toBeGreaterThan(0)
    expect(new Set(nodes.map((n) => n.name))).toEqual(expected)
  })

  it('finds the joint contracts whose end or renewal date falls within N months', async () => {
    const territory = await db.territory.findUniqueOrThrow({ where: { siren: dijon } })
    const inDays = (days: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + days))
    const contract = (subject: string, dates: { endDate?: Date; renewalDate?: Date }) =>
      db.offer.create({ data: { territoryId: territory.id, key: `test-${randomUUID()}`, name: subject, kind: 'GROUPEMENT_DE_COMMANDES', eligibility: 'ALL_COMMUNES', ...dates } })
    await contract('Fin dans deux mois', { endDate: inDays(60) })
    await contract('Reconduction dans trois mois', { renewalDate: inDays(90), endDate: inDays(900) })
    await contract('Fin dans un an', { endDate: inDays(365) })
    await contract('Fini hier', { endDate: inDays(-1) })
    const { nodes } = await allPages<{ subject: string }>('jointContracts', 'subject', { filter: { dueWithinMonths: 6 }, territory: dijon }, { filter: 'JointContractFilter', territory: 'String' })
    expect(nodes.map((n) => n.subject).sort()).toEqual(['Fin dans deux mois', 'Reconduction dans trois mois'])
    const offers = await allPages<{ name: string }>('offers', 'name', { filter: { dueWithinMonths: 6, search: 'fin reconduction' }, territory: dijon }, { filter: 'OfferFilter', territory: 'String' })
    expect(offers.nodes).toEqual([])
    const due = await allPages<{ name: string }>('offers', 'name', { filter: { dueWithinMonths: 6 }, territory: dijon }, { filter: 'OfferFilter', territory: 'String' })
    expect(due.nodes.map((n) => n.name)).toEqual(expect.arrayContaining(['Fin dans deux mois', 'Reconduction dans trois mois']))
    expect(due.nodes.map((n) => n.name)).not.toContain('Fin dans un an')
  })
})

describe('communes list', () => {
  it('searches names ignoring accents and sorts by population', async () => {
    const found = await allPages<{ name: string }>('communesConnection', 'name', { filter: { search: 'CHENOVE' } }, { filter: 'CommuneFilter' })
    expect(found.nodes.map((n) => n.name)).toEqual(['Chenôve'])
    const byPopulation = await allPages<{ name: string; population: number }>(
      'communesConnection', 'name population', { orderBy: { field: 'POPULATION', direction: 'DESC' }, territory: dijon }, { orderBy: 'CommuneOrder', territory: 'String' }, 5,
    )
    expect(byPopulation.totalCount).toBe(23)
    expect(byPopulation.nodes[0].name).toBe('Dijon')
    const populations = byPopulation.nodes.map((n) => n.population)
    expect(populations).toEqual([...populations].sort((a, b) => b - a))
  })
})
