import { randomUUID } from 'node:crypto'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { db } from '@mutualis/api/db.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { countSql, query } from '../fixtures/graphql.ts'
import { aCommune, aDomain, anAction, anOffer, anOrganisation, aSignedInUser, aTerritory, someCommunes, type BuiltTerritory } from '../fixtures/builders.ts'

// The maire's question on the API: what can my commune join, how, at what cost; and the
// L5211-39-1 figure for each commune. Dijon's own offers: offers-seed.test.ts.

const communeOffers = /* GraphQL */ `
  query ($insee: String!, $membership: [CommuneMembership!]) {
    commune(inseeCode: $insee) {
      name
      offers(membership: $membership) { membership state howToJoin annualCost annualCostLabel offer { id name eligibility kind } }
    }
  }
`

let territory: BuiltTerritory
let admin: Awaited<ReturnType<typeof aSignedInUser>>['client']

beforeAll(async () => {
  territory = await aTerritory()
  admin = (await aSignedInUser(territory, { role: 'ADMIN' })).client
})

async function save(input: Record<string, unknown>) {
  const result = await admin<any>(
    `mutation ($input: OfferInput!) { saveOffer(input: $input) { __typename ... on Offer { id version } ... on ValidationError { field message } ... on OfferConflictError { message current { version } } } }`,
    { input },
  )
  expect(result.errors).toBeUndefined()
  return result.data!.saveOffer
}

async function setMember(offerId: string, organisationId: string, fields: Record<string, unknown>) {
  const result = await admin<any>(
    `mutation ($input: OfferMemberInput!) { setOfferMember(input: $input) { __typename ... on ValidationError { field message } } }`,
    { input: { offerId, organisationId: encodeGlobalID('Commune', organisationId), ...fields } },
  )
  expect(result.errors).toBeUndefined()
  expect(result.data!.setOfferMember.__typename).toBe('OfferMember')
}

describe('what a commune can join', () => {
  it('never offers a commune the conventions between other communes, and shows a commune the convention it is in', async () => {
    const [commune, daix, fenay] = await someCommunes(territory, 3)
    await anOffer(territory, { name: `Convention entre deux autres communes ${randomUUID().slice(0, 6)}`, kind: 'CONVENTION', eligibility: 'CLOSED', members: [daix, fenay] })
    await anOffer(territory, { name: 'Viabilité hivernale — conventions de gestion', kind: 'CONVENTION_DE_GESTION', eligibility: 'CLOSED', members: [daix] })
    await anOffer(territory, { name: `Service commun ouvert ${randomUUID().slice(0, 6)}`, kind: 'SERVICE_COMMUN', eligibility: 'ALL_COMMUNES' })
    const mine = await query(communeOffers, { insee: commune.inseeCode })
    const names = mine.commune.offers.map((o: { offer: { name: string } }) => o.offer.name)
    expect(names.length).toBeGreaterThan(0)
    const bilateral = await db.offer.findMany({ where: { territoryId: territory.id, eligibility: 'CLOSED', members: { none: { organisationId: commune.id } } } })
    expect(bilateral.length).toBeGreaterThan(0)
    for (const offer of bilateral) expect(names).not.toContain(offer.name)

    const member = await query(communeOffers, { insee: daix.inseeCode, membership: ['MEMBER'] })
    const winter = member.commune.offers.find((o: { offer: { kind: string } }) => o.offer.kind === 'CONVENTION_DE_GESTION')
    expect(winter?.offer.name).toMatch(/hivernale/i)
    expect(winter?.membership).toBe('MEMBER')
  })

  it('tells how to join in French, with the deliberations the kind needs', async () => {
    const commune = await aCommune(territory)
    await anOffer(territory, { kind: 'SERVICE_COMMUN', eligibility: 'ALL_COMMUNES', costKind: 'UNKNOWN' })
    const data = await query(communeOffers, { insee: commune.inseeCode, membership: ['JOINABLE'] })
    const service = data.commune.offers.find((o: { offer: { kind: string } }) => o.offer.kind === 'SERVICE_COMMUN')
    expect(service.howToJoin).toMatch(/^Délibération du conseil municipal/)
    expect(service.howToJoin).toContain('avis du comité social territorial')
    expect(service.annualCostLabel).toBe('Coût non renseigné')
    expect(service.annualCost).toBeNull()
  })
})

describe('cost keys and the per-commune impact', () => {
  it('shares an offer’s amount by a 50 % population + 50 % acts key: each commune’s figure, and their sum equal to the amount', async () => {
    const communes = await someCommunes(territory, 4)
    const outsider = await aCommune(territory)
    const acts = [410, 260, 140, 90]
    const saved = await save({
      name: `Instruction des autorisations d’urbanisme ${randomUUID().slice(0, 6)}`, kind: 'SERVICE_COMMUN', eligibility: 'ALL_COMMUNES',
      costKind: 'AMOUNT', annualAmount: 120000, costYear: 2026, proRataFirstYear: false,
      costKey: [{ basis: 'POPULATION', percent: 50 }, { basis: 'USAGE', percent: 50, unit: 'acte pondéré' }],
    })
    expect(saved.__typename).toBe('Offer')
    for (const [i, commune] of communes.entries()) await setMember(saved.id, commune.id, { state: 'MEMBER', since: '2020-01-01', usage: acts[i] })

    const population = communes.reduce((sum, c) => sum + c.population!, 0)
    const totalActs = acts.reduce((a, b) => a + b, 0)
    let sum = 0
    for (const [i, commune] of communes.entries()) {
      const data = await query(`query ($insee: String!) { commune(inseeCode: $insee) { impact(year: 2026) { annualCost byOffer { offer { id name } annualCost staffFte } } } }`, { insee: commune.inseeCode })
      const line = data.commune.impact.byOffer.find((l: { offer: { id: string } }) => l.offer.id === saved.id)
      const exact = 60000 * (commune.population! / population) + 60000 * (acts[i]! / totalActs)
      expect(Math.abs(line.annualCost - exact), commune.name).toBeLessThan(0.01)
      sum += line.annualCost
    }
    expect(Math.round(sum * 100)).toBe(12_000_000)

    // A commune outside it is told what joining would add for a full year.
    const ifJoined = await query(`query ($insee: String!) { commune(inseeCode: $insee) { impact(year: 2026) { ifJoined { offer { id } annualCost } } } }`, { insee: outsider.inseeCode })
    // A newcomer has no act count yet: the usage half cannot be computed, so the figure is unknown, never guessed.
    expect(ifJoined.commune.impact.ifJoined.find((l: { offer: { id: string } }) => l.offer.id === saved.id)).toEqual({ offer: { id: saved.id }, annualCost: null })
  })

  it('prorates the first year from the day a member joined', async () => {
    const commune = await aCommune(territory)
    const saved = await save({ name: `Service au prorata ${randomUUID().slice(0, 6)}`, kind: 'SERVICE_COMMUN', eligibility: 'ALL_COMMUNES', costKind: 'AMOUNT', annualAmount: 36500, costKey: [{ basis: 'POPULATION', percent: 100 }] })
    await setMember(saved.id, commune.id, { state: 'MEMBER', since: '2025-07-01' })
    const data = await query(`query ($insee: String!) { commune(inseeCode: $insee) { y2025: impact(year: 2025) { byOffer { offer { id } annualCost } } y2026: impact(year: 2026) { byOffer { offer { id } annualCost } } } }`, { insee: commune.inseeCode })
    const of = (lines: Array<{ offer: { id: string }; annualCost: number }>) => lines.find((l) => l.offer.id === saved.id)!.annualCost
    // 184 of 365 days in 2025; the whole year in 2026.
    expect(of(data.commune.y2025.byOffer)).toBe(18400)
    expect(of(data.commune.y2026.byOffer)).toBe(36500)
  })

  it('counts a commune’s agents in FTE, and says when a cost is free', async () => {
    const commune = await aCommune(territory)
    const saved = await save({
      name: `Plateforme gratuite ${randomUUID().slice(0, 6)}`, kind: 'OUTIL_PARTAGE', eligibility: 'ALL_COMMUNES', costKind: 'FREE',
      staff: [{ organisationId: encodeGlobalID('Commune', commune.id), mode: 'MADE_AVAILABLE', fte: 0.5, note: 'mi-temps' }],
    })
    await setMember(saved.id, commune.id, { state: 'MEMBER' })
    const data = await query(`query ($insee: String!) { commune(inseeCode: $insee) { impact { annualCost annualCostLabel staffFte staffFteLabel byOffer { offer { id } annualCost staffFte } } offers(membership: [MEMBER]) { annualCostLabel offer { id } } } }`, { insee: commune.inseeCode })
    expect(data.commune.impact.byOffer.find((l: any) => l.offer.id === saved.id)).toEqual({ offer: { id: saved.id }, annualCost: 0, staffFte: 0.5 })
    expect(data.commune.impact.staffFte).toBeGreaterThanOrEqual(0.5)
    // The totals as the phone shows them, read back to the same figures.
    const { annualCost, annualCostLabel, staffFte, staffFteLabel } = data.commune.impact
    expect(annualCostLabel).toMatch(/^\d{1,3}(\u202f\d{3})*(,\d\d)?\u00a0€$/)
    expect(Number(annualCostLabel.replace(/[\u202f\u00a0€]/g, '').replace(',', '.'))).toBe(Math.round(annualCost * 100) / 100)
    expect(staffFteLabel).toMatch(/^\d+(,\d{1,2})? ETP$/)
    expect(Number(staffFteLabel.replace(' ETP', '').replace(',', '.'))).toBe(Math.round(staffFte * 100) / 100)
    expect(data.commune.offers.find((o: any) => o.offer.id === saved.id).annualCostLabel).toBe('Gratuit')
  })
})

describe('renewals and deadlines', () => {
  it('lists ends, renewals and notice deadlines within N months, in date order', async () => {
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
    const name = `Convention à échéance ${randomUUID().slice(0, 6)}`
    const saved = await save({ name, kind: 'CONVENTION_DE_GESTION', eligibility: 'CLOSED', renewalDate: inDays(120), tacitRenewal: true, noticeMonths: 3, endDate: inDays(800) })
    // Others' dates fall before, between and after this one's.
    for (const days of [10, 60, 150]) await anOffer(territory, { kind: 'GROUPEMENT_DE_COMMANDES', endDate: inDays(days) })
    const data = await query(`query ($t: String) { offersDue(withinMonths: 6, territory: $t) { kind label date offer { id name } } }`, { t: territory.siren })
    const mine = data.offersDue.filter((d: { offer: { id: string } }) => d.offer.id === saved.id)
    expect(mine.map((d: { kind: string }) => d.kind)).toEqual(['NOTICE', 'RENEWAL'])
    expect(mine[1].date).toBe(inDays(120))
    const dates = data.offersDue.map((d: { date: string }) => d.date)
    expect(dates.length).toBeGreaterThanOrEqual(5)
    expect(dates).toEqual([...dates].sort())
  })

  it('refuses a window outside 0–120 months, in French', async () => {
    const result = await admin<any>('{ offersDue(withinMonths: 500) { date } }')
    expect(result.errors?.[0]?.message).toMatch(/entre 0 et 120/)
  })
})

describe('writing offers', () => {
  it.each([
    [{ name: '' }, 'name', /obligatoire/],
    [{ costKind: 'AMOUNT' }, 'annualAmount', /montant annuel/],
    [{ costKind: 'AMOUNT', annualAmount: 1000, costKey: [{ basis: 'POPULATION', percent: 60 }] }, 'costKey', /100 %/],
    [{ costKind: 'AMOUNT', annualAmount: 1000, costKey: [{ basis: 'USAGE', percent: 100 }] }, 'costKey', /unité/],
    [{ eligibility: 'LISTED' }, 'listedIds', /nomme/],
    [{ startDate: '2024-01-01', endDate: '2023-01-01' }, 'endDate', /précède/],
    [{ noticeMonths: -1 }, 'noticeMonths', /préavis/],
  ])('refuses %o with a French message on %s', async (change, field, message) => {
    const result = await save({ name: 'Offre de test', kind: 'ENTENTE', eligibility: 'ALL_COMMUNES', ...change })
    expect(result.__typename).toBe('ValidationError')
    expect(result.field).toBe(field)
    expect(result.message).toMatch(message)
  })

  it('keeps concurrent edits apart, audits each change, and archives without losing members', async () => {
    const saved = await save({ name: 'Entente de test', kind: 'ENTENTE', eligibility: 'ALL_COMMUNES' })
    const updated = await save({ id: saved.id, expectedVersion: saved.version, name: 'Entente de test renommée', kind: 'ENTENTE', eligibility: 'ALL_COMMUNES' })
    expect(updated.version).toBe(saved.version + 1)
    const stale = await save({ id: saved.id, expectedVersion: saved.version, name: 'Écrasement', kind: 'ENTENTE', eligibility: 'ALL_COMMUNES' })
    expect(stale).toMatchObject({ __typename: 'OfferConflictError', current: { version: updated.version } })

    const commune = await aCommune(territory)
    await setMember(saved.id, commune.id, { state: 'MEMBER', since: '2024-01-01', deliberationRef: 'DCM 2023-112', deliberationDate: '2023-12-14' })
    const archived = await admin<any>(`mutation ($id: ID!) { archiveOffer(id: $id) { __typename } }`, { id: saved.id })
    expect(archived.data!.archiveOffer.__typename).toBe('Offer')

    const id = atob(saved.id).split(':')[1]!
    const log = await db.auditEntry.findMany({ where: { entityId: { in: [id, ...(await db.offerMember.findMany({ where: { offerId: id } })).map((m) => m.id)] } }, orderBy: { createdAt: 'asc' } })
    expect(log.map((e) => e.operation)).toEqual(['createOffer', 'updateOffer', 'setOfferMember', 'archiveOffer'])
    expect(await db.offerMember.count({ where: { offerId: id } })).toBe(1)
    const listed = await query(`query ($s: String) { offers(first: 200, filter: { search: $s }) { totalCount } }`, { s: 'Entente de test renommée' })
    expect(listed.offers.totalCount).toBe(0)
  })

  it('lets only an admin write', async () => {
    const editor = await aSignedInUser(territory, { role: 'EDITOR', organisations: [await aCommune(territory)] })
    const result = await editor.client<any>(`mutation { saveOffer(input: { name: "x", kind: ENTENTE, eligibility: ALL_COMMUNES }) { __typename } }`)
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })
})

describe('deprecated fields', () => {
  it('keep answering from the offers: services communs, joint contracts, and the action’s service', async () => {
    const own = await aTerritory()
    const [zelande, ecully, ahuy, daix] = await someCommunes(own, ['Zélande', 'Écully', 'Ahuy', 'Daix'])
    const paie = await anOffer(own, { name: 'Paie', members: [zelande, ecully, ahuy, { organisation: daix, state: 'PLANNED' }] })
    await anOffer(own, { name: 'Archives', members: [{ organisation: ahuy, state: 'FORMER' }, daix] })
    await anOffer(own, { name: 'Service archivé', members: [ahuy], archivedAt: new Date() })
    const papier = await anOffer(own, { name: 'Papier', kind: 'GROUPEMENT_DE_COMMANDES', members: [ahuy] })
    await anOffer(own, { name: 'Fournitures', kind: 'CENTRALE_D_ACHAT' })
    const reseau = await anOffer(own, { name: 'Réseau des secrétaires de mairie', kind: 'RESEAU', members: [daix] })
    for (const offer of [paie, papier, reseau, null]) await anAction(own, { offer })
    const data = await query(`query ($t: String) {
      sharedServices(first: 200, territory: $t) { totalCount edges { node { id name offer { kind } members { name } } } }
      jointContracts(first: 200, territory: $t) { totalCount edges { node { subject procedure } } }
      actions(first: 200, territory: $t) { edges { node { offer { id kind } sharedService { id } } } }
    }`, { t: own.siren })
    const live = (kinds: string[]) => db.offer.count({ where: { territoryId: own.id, archivedAt: null, kind: { in: kinds as never } } })
    expect(data.sharedServices.totalCount).toBe(await live(['SERVICE_COMMUN']))
    expect(data.sharedServices.totalCount).toBe(2)
    expect(new Set(data.sharedServices.edges.map((e: any) => e.node.offer.kind))).toEqual(new Set(['SERVICE_COMMUN']))
    expect(data.jointContracts.totalCount).toBe(await live(['GROUPEMENT_DE_COMMANDES', 'CENTRALE_D_ACHAT']))
    expect(data.jointContracts.totalCount).toBe(2)
    // A service's members are the offer's members today, by name; planned and former ones are not.
    for (const { node } of data.sharedServices.edges) {
      const members = await db.offerMember.findMany({ where: { offerId: atob(node.id).split(':')[1], state: 'MEMBER' }, select: { organisation: { select: { name: true } } } })
      expect(node.members.map((m: { name: string }) => m.name)).toEqual(members.map((m) => m.organisation.name).sort((a, b) => a.localeCompare(b, 'fr')))
    }
    expect(data.sharedServices.edges.find((e: any) => e.node.name === 'Paie').node.members.map((m: { name: string }) => m.name)).toEqual(['Ahuy', 'Écully', 'Zélande'])
    expect(data.actions.edges).toHaveLength(4)
    for (const { node } of data.actions.edges) {
      if (node.offer?.kind === 'SERVICE_COMMUN') expect(atob(node.sharedService.id).split(':')[1]).toBe(atob(node.offer.id).split(':')[1])
      else expect(node.sharedService).toBeNull()
    }
  })
})

describe('cost in SQL statements', () => {
  /** A commune in an offer (with its domain, provider, cost and terms) and offered another, among five communes. */
  async function communeWithOffers() {
    const own = await aTerritory()
    const [commune, ...others] = await someCommunes(own, 6)
    const domain = await aDomain(own)
    const provider = await anOrganisation(own, { kind: 'EPCI', name: 'Métropole' })
    const costKey = [{ basis: 'POPULATION' as const, percent: 100 }]
    await anOffer(own, { domain, provider, annualAmount: 5000, costKey, endDate: '2030-12-31', members: [commune, others[0]] })
    await anOffer(own, { domain, provider, annualAmount: 3000, costKey, members: [others[1]] })
    return { own, communes: [commune, ...others], read: (document: string) => query(document, { insee: commune.inseeCode, t: own.siren }) }
  }

  it('reads a commune’s offers and impact in the same number of statements however many offers and members there are', async () => {
    const { own, communes, read } = await communeWithOffers()
    const page = () => read(`query ($insee: String!) { commune(inseeCode: $insee) { offers { membership annualCost offer { name kind domain { name } provider { name } members { state organisation { name } } terms { endDate howToJoin } cost { label } } } impact { annualCost byOffer { offer { name } annualCost } } } }`)
    const before = await countSql(page)
    for (let i = 0; i < 8; i++) {
      await anOffer(own, { name: `Offre de charge ${i}`, annualAmount: 10_000, costKey: [{ basis: 'POPULATION', percent: 100 }], members: communes.slice(i % 2, 6) })
    }
    const after = await countSql(page)
    expect((await page()).commune.offers).toHaveLength(10)
    expect(after.count).toBe(before.count)
  })

  it('reads every commune’s offers in the statements of one commune', async () => {
    const { communes, read } = await communeWithOffers()
    const selection = '{ membership annualCost offer { name cost { label } } }'
    const one = await countSql(() => read(`query ($insee: String!) { commune(inseeCode: $insee) { offers ${selection} } }`))
    const all = await countSql(() => read(`query ($t: String) { communesConnection(first: 23, territory: $t) { edges { node { offers ${selection} } } } }`))
    expect((await read(`query ($t: String) { communesConnection(first: 23, territory: $t) { totalCount } }`)).communesConnection.totalCount).toBe(communes.length)
    // The list itself is one statement more.
    expect(all.count).toBeLessThanOrEqual(one.count + 1)
  })
})
