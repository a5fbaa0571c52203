import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@mutualis/api/db.ts'
import { graphql, query } from '../fixtures/graphql.ts'
import { aCommune, aDomain, anAction, anOffer, aParticipation, aTerritory, someCommunes, type BuiltAction, type BuiltTerritory } from '../fixtures/builders.ts'

let territory: BuiltTerritory

/** Every node of a connection of the territory (or of `args.territory`), page after page, with the totalCount each page announced. */
async function allPages<T>(field: string, selection: string, args: Record<string, unknown> = {}, types: Record<string, string> = {}, pageSize = 40) {
  const declared = Object.entries({ territory: 'String', ...types }).map(([name, type]) => `$${name}: ${type}`)
  const passed = Object.keys({ territory: 'String', ...types }).map((name) => `${name}: $${name}`)
  const document = `query ($after: String, $first: Int${declared.map((d) => `, ${d}`).join('')}) {
    ${field}(first: $first, after: $after${passed.map((p) => `, ${p}`).join('')}) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ${selection} } }
    }
  }`
  const nodes: T[] = []
  const totals = new Set<number>()
  let after: string | null = null
  do {
    const data: Record<string, any> = await query(document, { territory: territory.siren, ...args, after, first: pageSize })
    const connection = data[field]
    totals.add(connection.totalCount)
    nodes.push(...connection.edges.map((edge: { node: T }) => edge.node))
    after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null
  } while (after)
  expect(totals.size).toBe(1)
  return { nodes, totalCount: [...totals][0] }
}

const globalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64')
const keysOf = (actions: BuiltAction[]) => actions.map((a) => a.key)

let actions: BuiltAction[]
let talant: Awaited<ReturnType<typeof aCommune>>
let service: Awaited<ReturnType<typeof anOffer>>

beforeAll(async () => {
  territory = await aTerritory()
  const [ahuy, daix] = await someCommunes(territory, ['Ahuy', 'Daix'])
  talant = await aCommune(territory, { name: 'Talant' })
  service = await anOffer(territory, { name: 'Service commun des archives', kind: 'SERVICE_COMMUN', members: [talant, { organisation: ahuy, state: 'FORMER' }] })
  const other = await anOffer(territory, { name: 'Service commun de la paie', kind: 'SERVICE_COMMUN', members: [ahuy] })
  actions = [
    await anAction(territory, { openness: 'OPEN', effectiveDate: '2021-09-30', offer: service, participants: [talant, ahuy] }),
    await anAction(territory, { openness: 'CLOSED', effectiveDate: '2021-10-01', offer: other, participants: [ahuy] }),
    await anAction(territory, { openness: 'UNDER_STUDY', effectiveDate: '2021-12-01', offer: service, participants: [{ organisation: talant, state: 'PLANNED' }] }),
    await anAction(territory, { openness: 'CLOSED', effectiveDate: '2022-01-01', participants: [daix, talant] }),
    await anAction(territory, { openness: 'OPEN', effectiveDate: '2022-01-02', offer: service }),
    await anAction(territory, { openness: 'CLOSED', effectiveDate: null, participants: [talant], archivedAt: new Date() }),
  ]
})

describe('page size', () => {
  it('never answers more than 200 rows a page, whatever is asked', async () => {
    const own = await aTerritory()
    const communes = await someCommunes(own, 7)
    for (let i = 0; i < 30; i++) await anAction(own, { participants: communes })
    const data = await query<{ participations: { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean } } }>(
      'query ($t: String) { participations(first: 1000, territory: $t) { totalCount edges { cursor } pageInfo { hasNextPage } } }', { t: own.siren },
    )
    expect(data.participations.totalCount).toBe(210)
    expect(data.participations.edges).toHaveLength(200)
    expect(data.participations.pageInfo.hasNextPage).toBe(true)
  })
})

describe('actions list', () => {
  it('filters by openness', async () => {
    const { nodes, totalCount } = await allPages<{ key: string }>('actions', 'key', { filter: { openness: ['OPEN', 'UNDER_STUDY'] } }, { filter: 'ActionFilter' })
    const expected = keysOf([actions[0], actions[2], actions[4]])
    expect(totalCount).toBe(expected.length)
    expect(nodes.map((n) => n.key)).toEqual(expected)
  })

  it('filters by effective date range, both days included', async () => {
    const { nodes } = await allPages<{ key: string }>('actions', 'key', { filter: { effectiveFrom: '2021-10-01', effectiveTo: '2022-01-01' } }, { filter: 'ActionFilter' })
    expect(nodes.map((n) => n.key)).toEqual(keysOf([actions[1], actions[2], actions[3]]))
  })

  it('filters by offer (and by the deprecated shared service id) and by the organisation taking part', async () => {
    const expected = keysOf([actions[0], actions[2], actions[4]])
    const byOffer = await allPages<{ key: string }>('actions', 'key', { filter: { offer: globalId('Offer', service.id) } }, { filter: 'ActionFilter' })
    expect(byOffer.nodes.map((n) => n.key)).toEqual(expected)
    const byService = await allPages<{ key: string }>('actions', 'key', { filter: { sharedService: globalId('SharedService', service.id) } }, { filter: 'ActionFilter' })
    expect(byService.nodes.map((n) => n.key)).toEqual(expected)

    const byOrganisation = await allPages<{ key: string }>('actions', 'key', { filter: { organisation: globalId('Commune', talant.id) } }, { filter: 'ActionFilter' })
    const byInsee = await allPages<{ key: string }>('actions', 'key', { filter: { communeInseeCode: talant.inseeCode } }, { filter: 'ActionFilter' })
    expect(byOrganisation.nodes.map((n) => n.key)).toEqual(keysOf([actions[0], actions[2], actions[3]]))
    expect(byOrganisation.nodes).toEqual(byInsee.nodes)
  })

  it('refuses the id of another type where an organisation is expected', async () => {
    const domain = await aDomain(territory)
    const result = await graphql('query ($id: ID) { actions(filter: { organisation: $id }) { totalCount } }', { id: globalId('Domain', domain.id) })
    expect(result.errors?.[0].message).toMatch(/Domain/)
  })

  it('finds only actions changed since a day', async () => {
    const action = actions[4]
    const future = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
    expect((await allPages('actions', 'key', { filter: { updatedSince: future } }, { filter: 'ActionFilter' })).totalCount).toBe(0)
    await db.action.update({ where: { id: action.id }, data: { updatedAt: new Date(Date.now() + 3 * 86_400_000) } })
    const { nodes } = await allPages<{ key: string }>('actions', 'key', { filter: { updatedSince: future } }, { filter: 'ActionFilter' })
    expect(nodes.map((n) => n.key)).toEqual([action.key])
  })

  it.each([
    ['offers', 'OfferFilter', 'offer', 'CONVENTION'],
    ['sharedServices', 'SharedServiceFilter', 'offer', 'SERVICE_COMMUN'],
    ['jointContracts', 'JointContractFilter', 'offer', 'GROUPEMENT_DE_COMMANDES'],
    ['communesConnection', 'CommuneFilter', 'organisation', null],
  ] as const)('finds only %s changed since a day', async (field, filterType, model, kind) => {
    // A territory of its own for each case, so that one case's change is not seen by the next.
    const own = await aTerritory()
    const rows = [await aCommune(own), await aCommune(own), await anOffer(own, { kind: kind ?? 'SERVICE_COMMUN' }), await anOffer(own, { kind: kind ?? 'SERVICE_COMMUN' })]
    const future = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
    const args = { filter: { updatedSince: future }, territory: own.siren }
    const types = { filter: filterType }
    expect((await allPages(field, 'id', { filter: {}, territory: own.siren }, types)).totalCount).toBe(2)
    expect((await allPages(field, 'id', args, types)).totalCount).toBe(0)
    const row = model === 'offer' ? rows[2] : rows[0]
    const delegate = db[model] as unknown as { update: (a: object) => Promise<unknown> }
    await delegate.update({ where: { id: row.id }, data: { updatedAt: new Date(Date.now() + 3 * 86_400_000) } })
    expect((await allPages<{ id: string }>(field, 'id', args, types)).nodes.map((n) => atob(n.id).split(':')[1])).toEqual([row.id])
  })

  it('sorts by effective date, newest first, actions without one last, across pages without repeating one', async () => {
    const own = await aTerritory()
    for (let i = 0; i < 40; i++) await anAction(own, { effectiveDate: i % 4 === 0 ? null : `20${10 + (i % 13)}-0${1 + (i % 9)}-1${i % 10}` })
    const { nodes, totalCount } = await allPages<{ key: string; effectiveDate: string | null }>(
      'actions', 'key effectiveDate', { orderBy: { field: 'EFFECTIVE_DATE', direction: 'DESC' }, territory: own.siren }, { orderBy: 'ActionOrder' }, 17,
    )
    expect(totalCount).toBe(40)
    expect(nodes).toHaveLength(totalCount)
    expect(new Set(nodes.map((n) => n.key)).size).toBe(totalCount)
    const dates = nodes.map((n) => n.effectiveDate)
    const dated = dates.filter((d): d is string => d !== null)
    expect(dated).toHaveLength(30)
    expect(dated).toEqual([...dated].sort().reverse())
    expect(dates.slice(dated.length).every((d) => d === null)).toBe(true)
  })
})

describe('participations list', () => {
  it('lists the memberships of a commune, equal to the rows in the database', async () => {
    const { nodes, totalCount } = await allPages<{ state: string; organisation: { name: string }; action: { key: string } }>(
      'participations', 'state organisation { name } action { key }', { filter: { communeInseeCode: talant.inseeCode, state: ['MEMBER'] } }, { filter: 'ParticipationFilter' },
    )
    const rows = await db.participation.findMany({ where: { organisation: { inseeCode: talant.inseeCode } }, include: { action: true } })
    const expected = rows.filter((r) => r.state === 'MEMBER' && !r.action.archivedAt).map((r) => r.action.key)
    expect(expected.sort()).toEqual(keysOf([actions[0], actions[3]]).sort())
    expect(totalCount).toBe(expected.length)
    expect(new Set(nodes.map((n) => n.action.key))).toEqual(new Set(expected))
    expect(new Set(nodes.map((n) => n.organisation.name))).toEqual(new Set(['Talant']))
  })

  it('filters by the day membership started', async () => {
    const own = await aTerritory()
    const [ahuy, daix] = await someCommunes(own, 2)
    const action = await anAction(own)
    for (const [commune, since] of [[ahuy, '2021-12-31'], [daix, '2022-01-01']] as const) await aParticipation(action, commune, { since })
    const later = await anAction(own, { participants: [{ organisation: ahuy, since: '2022-12-31' }, { organisation: daix, since: '2023-01-01' }] })
    const { nodes } = await allPages<{ since: string }>('participations', 'since', { filter: { sinceFrom: '2022-01-01', sinceTo: '2022-12-31' }, territory: own.siren }, { filter: 'ParticipationFilter' })
    const count = await db.participation.count({ where: { actionId: { in: [action.id, later.id] }, since: { gte: new Date('2022-01-01'), lte: new Date('2022-12-31') } } })
    expect(count).toBe(2)
    expect(nodes).toHaveLength(count)
    for (const node of nodes) expect(node.since >= '2022-01-01' && node.since <= '2022-12-31').toBe(true)
  })
})

describe('progress updates list', () => {
  it('filters by date range and status', async () => {
    const own = await aTerritory()
    const progress = [
      { date: '2021-12-31', status: 'IMPLEMENTED' as const, text: 'La veille' },
      { date: '2022-01-01', status: 'IMPLEMENTED' as const, text: 'Le premier jour' },
      { date: '2022-06-15', status: 'IN_PROGRESS' as const, text: 'En cours' },
      { date: '2022-03-10', status: 'IMPLEMENTED' as const, text: 'Au printemps' },
      { date: '2022-12-01', status: 'IMPLEMENTED' as const, text: 'Le dernier jour' },
      { date: '2022-12-02', status: 'IMPLEMENTED' as const, text: 'Le lendemain' },
    ]
    await anAction(own, { progress: progress.slice(0, 3) })
    await anAction(own, { progress: progress.slice(3) })
    const { nodes, totalCount } = await allPages<{ date: string; text: string; statusAfter: string }>(
      'progressUpdates', 'date text statusAfter', { filter: { dateFrom: '2022-01-01', dateTo: '2022-12-01', statusAfter: ['IMPLEMENTED'] }, territory: own.siren }, { filter: 'ProgressUpdateFilter' },
    )
    const expected = progress.filter((p) => p.date >= '2022-01-01' && p.date <= '2022-12-01' && p.status === 'IMPLEMENTED')
    expect(expected).toHaveLength(3)
    expect(totalCount).toBe(expected.length)
    expect(nodes.map((n) => n.text).sort()).toEqual(expected.map((p) => p.text).sort())
    expect(nodes.map((n) => n.date)).toEqual(nodes.map((n) => n.date).sort())
  })
})

describe('services communs and joint contracts', () => {
  it('lists the services communs a commune is a member of', async () => {
    await anOffer(territory, { name: 'Groupement de commandes du papier', kind: 'GROUPEMENT_DE_COMMANDES', members: [talant] })
    await anOffer(territory, { name: 'Service commun archivé', members: [talant], archivedAt: new Date() })
    await anOffer(territory, { name: 'Service commun prévu', members: [{ organisation: talant, state: 'PLANNED' }] })
    const { nodes } = await allPages<{ name: string }>('sharedServices', 'name', { filter: { memberCommuneInseeCode: talant.inseeCode } }, { filter: 'SharedServiceFilter' })
    const memberships = await db.offerMember.findMany({ where: { state: 'MEMBER', organisationId: talant.id, offer: { kind: 'SERVICE_COMMUN', archivedAt: null } }, select: { offer: { select: { name: true } } } })
    const expected = new Set(memberships.map((m) => m.offer.name))
    expect(expected).toEqual(new Set(['Service commun des archives']))
    expect(new Set(nodes.map((n) => n.name))).toEqual(expected)
  })

  it('finds the joint contracts whose end or renewal date falls within N months', async () => {
    const own = await aTerritory()
    const inDays = (days: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + days))
    const contract = (subject: string, dates: { endDate?: Date; renewalDate?: Date }) => anOffer(own, { name: subject, kind: 'GROUPEMENT_DE_COMMANDES', ...dates })
    await contract('Fin dans deux mois', { endDate: inDays(60) })
    await contract('Reconduction dans trois mois', { renewalDate: inDays(90), endDate: inDays(900) })
    await contract('Fin dans un an', { endDate: inDays(365) })
    await contract('Fini hier', { endDate: inDays(-1) })
    await anOffer(own, { name: 'Convention qui finit bientôt', kind: 'CONVENTION', endDate: inDays(30) })
    const { nodes } = await allPages<{ subject: string }>('jointContracts', 'subject', { filter: { dueWithinMonths: 6 }, territory: own.siren }, { filter: 'JointContractFilter' })
    expect(nodes.map((n) => n.subject).sort()).toEqual(['Fin dans deux mois', 'Reconduction dans trois mois'])
    const offers = await allPages<{ name: string }>('offers', 'name', { filter: { dueWithinMonths: 6, search: 'fin reconduction' }, territory: own.siren }, { filter: 'OfferFilter' })
    expect(offers.nodes).toEqual([])
    const due = await allPages<{ name: string }>('offers', 'name', { filter: { dueWithinMonths: 6 }, territory: own.siren }, { filter: 'OfferFilter' })
    expect(due.nodes.map((n) => n.name)).toEqual(expect.arrayContaining(['Fin dans deux mois', 'Reconduction dans trois mois', 'Convention qui finit bientôt']))
    expect(due.nodes.map((n) => n.name)).not.toContain('Fin dans un an')
  })
})

describe('communes list', () => {
  it('searches names ignoring accents and sorts by population', async () => {
    const own = await aTerritory()
    await aCommune(own, { name: 'Chenôve', population: 14_000 })
    await aCommune(own, { name: 'Chevigny-Saint-Sauveur', population: 11_000 })
    await aCommune(own, { name: 'Nenove', population: 900 })
    await aCommune(own, { name: 'Dijon', population: 158_000 })
    for (const population of [2_500, 9_800, 400, 23_000]) await aCommune(own, { population })
    const found = await allPages<{ name: string }>('communesConnection', 'name', { filter: { search: 'CHENOVE' }, territory: own.siren }, { filter: 'CommuneFilter' })
    expect(found.nodes.map((n) => n.name)).toEqual(['Chenôve'])
    const byPopulation = await allPages<{ name: string; population: number }>(
      'communesConnection', 'name population', { orderBy: { field: 'POPULATION', direction: 'DESC' }, territory: own.siren }, { orderBy: 'CommuneOrder' }, 5,
    )
    expect(byPopulation.totalCount).toBe(8)
    expect(byPopulation.nodes[0].name).toBe('Dijon')
    const populations = byPopulation.nodes.map((n) => n.population)
    expect(populations).toEqual([...populations].sort((a, b) => b - a))
  })
})
