import { randomUUID } from 'node:crypto'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { db } from '@mutualis/api/db.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { as, createAccount, signIn } from '../fixtures/accounts.ts'
import { countSql, query } from '../fixtures/graphql.ts'
import { dijonSeed } from '../fixtures/seed.ts'

// The maire's question on the API: what can my commune join, how, at what cost; and the
// L5211-39-1 figure for each commune.

const dijon = '242100410'
/** Openings that say what was done, not what a commune joins (issue 11: « Mise en place … », « Signature de … »). */
const documentFragment = /^(Mise en place|Mutualis|Signature d|Après|Apres|Création|Creation|Extension|Etudier|Étudier|A étudier|À étudier|Lancer|Poursuivre|Harmonis|Favoriser|Envisager)/i

const communeOffers = /* GraphQL */ `
  query ($insee: String!, $membership: [CommuneMembership!]) {
    commune(inseeCode: $insee) {
      name
      offers(membership: $membership) { membership state howToJoin annualCost annualCostLabel offer { id name eligibility kind } }
    }
  }
`

let admin: ReturnType<typeof as>

beforeAll(async () => {
  const account = await createAccount('ADMIN')
  admin = as(await signIn(account.email))
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
  it('offers every Dijon commune no closed offer, nothing it belongs to, and only names that read on their own', async () => {
    const communes = await db.organisation.findMany({ where: { kind: 'COMMUNE', territory: { siren: dijon } }, include: { offerMembers: { where: { state: { in: ['MEMBER', 'PLANNED'] } } } } })
    expect(communes).toHaveLength(23)
    let joinable = 0
    for (const commune of communes) {
      const data = await query(communeOffers, { insee: commune.inseeCode, membership: ['JOINABLE'] })
      const offers = data.commune.offers as Array<{ membership: string; offer: { id: string; name: string; eligibility: string } }>
      const mine = new Set(commune.offerMembers.map((m) => encodeGlobalID('Offer', m.offerId)))
      for (const entry of offers) {
        expect(entry.offer.eligibility, `${commune.name}: ${entry.offer.name}`).not.toBe('CLOSED')
        expect(mine.has(entry.offer.id), `${commune.name} already belongs to ${entry.offer.name}`).toBe(false)
        expect(entry.offer.name, `${commune.name}`).not.toMatch(documentFragment)
      }
      joinable += offers.length
    }
    expect(joinable).toBeGreaterThan(0)
  })

  it('never offers Chenôve the conventions between other communes, and shows Talant the winter-roads convention it is in', async () => {
    const chenove = await query(communeOffers, { insee: '21166' })
    const names = chenove.commune.offers.map((o: { offer: { name: string } }) => o.offer.name)
    const bilateral = await db.offer.findMany({ where: { territory: { siren: dijon }, eligibility: 'CLOSED', members: { none: { organisation: { inseeCode: '21166' } } } } })
    expect(bilateral.length).toBeGreaterThan(0)
    for (const offer of bilateral) expect(names).not.toContain(offer.name)

    const talant = await query(communeOffers, { insee: '21617', membership: ['MEMBER'] })
    const winter = talant.commune.offers.find((o: { offer: { kind: string } }) => o.offer.kind === 'CONVENTION_DE_GESTION')
    expect(winter?.offer.name).toMatch(/hivernale/i)
    expect(winter?.membership).toBe('MEMBER')
  })

  it('tells how to join in French, with the deliberations the kind needs', async () => {
    const data = await query(communeOffers, { insee: '21166', membership: ['JOINABLE'] })
    const service = data.commune.offers.find((o: { offer: { kind: string } }) => o.offer.kind === 'SERVICE_COMMUN')
    expect(service.howToJoin).toMatch(/^Délibération du conseil municipal/)
    expect(service.howToJoin).toContain('avis du comité social territorial')
    expect(service.annualCostLabel).toBe('Coût non renseigné')
    expect(service.annualCost).toBeNull()
  })
})

describe('cost keys and the per-commune impact', () => {
  it('shares an offer’s amount by a 50 % population + 50 % acts key: each commune’s figure, and their sum equal to the amount', async () => {
    const territory = await db.territory.findUniqueOrThrow({ where: { siren: dijon } })
    const communes = await db.organisation.findMany({ where: { territoryId: territory.id, inseeCode: { in: ['21166', '21617', '21355', '21263'] } }, orderBy: { inseeCode: 'asc' } })
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
    const outsider = await db.organisation.findFirstOrThrow({ where: { territoryId: territory.id, kind: 'COMMUNE', id: { notIn: communes.map((c) => c.id) } } })
    const ifJoined = await query(`query ($insee: String!) { commune(inseeCode: $insee) { impact(year: 2026) { ifJoined { offer { id } annualCost } } } }`, { insee: outsider.inseeCode })
    // A newcomer has no act count yet: the usage half cannot be computed, so the figure is unknown, never guessed.
    expect(ifJoined.commune.impact.ifJoined.find((l: { offer: { id: string } }) => l.offer.id === saved.id)).toEqual({ offer: { id: saved.id }, annualCost: null })
  })

  it('prorates the first year from the day a member joined', async () => {
    const commune = await db.organisation.findFirstOrThrow({ where: { inseeCode: '21231' } })
    const saved = await save({ name: `Service au prorata ${randomUUID().slice(0, 6)}`, kind: 'SERVICE_COMMUN', eligibility: 'ALL_COMMUNES', costKind: 'AMOUNT', annualAmount: 36500, costKey: [{ basis: 'POPULATION', percent: 100 }] })
    await setMember(saved.id, commune.id, { state: 'MEMBER', since: '2025-07-01' })
    const data = await query(`{ commune(inseeCode: "21231") { y2025: impact(year: 2025) { byOffer { offer { id } annualCost } } y2026: impact(year: 2026) { byOffer { offer { id } annualCost } } } }`)
    const of = (lines: Array<{ offer: { id: string }; annualCost: number }>) => lines.find((l) => l.offer.id === saved.id)!.annualCost
    // 184 of 365 days in 2025; the whole year in 2026.
    expect(of(data.commune.y2025.byOffer)).toBe(18400)
    expect(of(data.commune.y2026.byOffer)).toBe(36500)
  })

  it('counts a commune’s agents in FTE, and says when a cost is free', async () => {
    const commune = await db.organisation.findFirstOrThrow({ where: { inseeCode: '21355' } })
    const saved = await save({
      name: `Plateforme gratuite ${randomUUID().slice(0, 6)}`, kind: 'OUTIL_PARTAGE', eligibility: 'ALL_COMMUNES', costKind: 'FREE',
      staff: [{ organisationId: encodeGlobalID('Commune', commune.id), mode: 'MADE_AVAILABLE', fte: 0.5, note: 'mi-temps' }],
    })
    await setMember(saved.id, commune.id, { state: 'MEMBER' })
    const data = await query(`{ commune(inseeCode: "21355") { impact { annualCost annualCostLabel staffFte staffFteLabel byOffer { offer { id } annualCost staffFte } } offers(membership: [MEMBER]) { annualCostLabel offer { id } } } }`)
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
    const data = await query(`{ offersDue(withinMonths: 6, territory: "242100410") { kind label date offer { id name } } }`)
    const mine = data.offersDue.filter((d: { offer: { id: string } }) => d.offer.id === saved.id)
    expect(mine.map((d: { kind: string }) => d.kind)).toEqual(['NOTICE', 'RENEWAL'])
    expect(mine[1].date).toBe(inDays(120))
    const dates = data.offersDue.map((d: { date: string }) => d.date)
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

    const commune = await db.organisation.findFirstOrThrow({ where: { inseeCode: '21166' } })
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
    const editor = await createAccount('EDITOR', ['Chenôve'])
    const result = await as(await signIn(editor.email))<any>(`mutation { saveOffer(input: { name: "x", kind: ENTENTE, eligibility: ALL_COMMUNES }) { __typename } }`)
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })
})

describe('deprecated fields', () => {
  it('keep answering from the offers: services communs, joint contracts, and the action’s service', async () => {
    const data = await query(`{
      sharedServices(first: 200, territory: "242100410") { totalCount edges { node { id name offer { kind } members { name } } } }
      jointContracts(first: 200, territory: "242100410") { totalCount edges { node { subject procedure } } }
      actions(first: 200, territory: "242100410") { edges { node { offer { id kind } sharedService { id } } } }
    }`)
    const live = (kinds: string[]) => db.offer.count({ where: { territory: { siren: dijon }, archivedAt: null, kind: { in: kinds as never } } })
    expect(data.sharedServices.totalCount).toBe(await live(['SERVICE_COMMUN']))
    expect(data.sharedServices.totalCount).toBeGreaterThanOrEqual(dijonSeed.offers.filter((o) => o.kind === 'SERVICE_COMMUN').length)
    expect(new Set(data.sharedServices.edges.map((e: any) => e.node.offer.kind))).toEqual(new Set(['SERVICE_COMMUN']))
    expect(data.jointContracts.totalCount).toBe(await live(['GROUPEMENT_DE_COMMANDES', 'CENTRALE_D_ACHAT']))
    // A service's members are the offer's members today, by name; planned and former ones are not.
    for (const { node } of data.sharedServices.edges) {
      const members = await db.offerMember.findMany({ where: { offerId: atob(node.id).split(':')[1], state: 'MEMBER' }, select: { organisation: { select: { name: true } } } })
      expect(node.members.map((m: { name: string }) => m.name)).toEqual(members.map((m) => m.organisation.name).sort((a, b) => a.localeCompare(b, 'fr')))
    }
    expect(data.sharedServices.edges.some((e: any) => e.node.members.length > 0)).toBe(true)
    for (const { node } of data.actions.edges) {
      if (node.offer?.kind === 'SERVICE_COMMUN') expect(atob(node.sharedService.id).split(':')[1]).toBe(atob(node.offer.id).split(':')[1])
      else expect(node.sharedService).toBeNull()
    }
  })
})

describe('cost in SQL statements', () => {
  it('reads a commune’s offers and impact in the same number of statements however many offers and members there are', async () => {
    const read = () => query(`{ commune(inseeCode: "21166") { offers { membership annualCost offer { name kind domain { name } provider { name } members { state organisation { name } } terms { endDate howToJoin } cost { label } } } impact { annualCost byOffer { offer { name } annualCost } } } }`)
    const before = await countSql(read)
    const territory = await db.territory.findUniqueOrThrow({ where: { siren: dijon } })
    const communes = await db.organisation.findMany({ where: { territoryId: territory.id, kind: 'COMMUNE' } })
    for (let i = 0; i < 8; i++) {
      await db.offer.create({
        data: {
          territoryId: territory.id, key: `test-${randomUUID()}`, name: `Offre de charge ${i}`, kind: 'SERVICE_COMMUN', eligibility: 'ALL_COMMUNES',
          costKind: 'AMOUNT', annualCostCents: 1_000_000, costKey: JSON.stringify({ parts: [{ basis: 'POPULATION', percent: 100, unit: null }] }),
          members: { create: communes.slice(0, 6).map((c) => ({ organisationId: c.id, state: 'MEMBER' as const })) },
        },
      })
    }
    const after = await countSql(read)
    expect(after.count).toBe(before.count)
  })

  it('reads every commune’s offers in the statements of one commune', async () => {
    const selection = '{ membership annualCost offer { name cost { label } } }'
    const one = await countSql(() => query(`{ commune(inseeCode: "21166") { offers ${selection} } }`))
    const all = await countSql(() => query(`{ communesConnection(first: 23, territory: "242100410") { edges { node { offers ${selection} } } } }`))
    // The list itself is one statement more.
    expect(all.count).toBeLessThanOrEqual(one.count + 1)
  })
})
