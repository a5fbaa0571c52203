import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@mutualis/api/db.ts'
import { countSql, graphql, query } from '../fixtures/graphql.ts'
import { aDomain, aJoinRequest, anAction, anOffer, aParticipation, aSignedInUser, aTerritory, aUser, someCommunes, type ActionFields, type BuiltTerritory } from '../fixtures/builders.ts'

const statisticsQuery = /* GraphQL */ `
  query ($filter: ActionFilter, $territory: String) {
    statistics(filter: $filter, territory: $territory) {
      actionCount
      byStatus { status label count }
      byInstrument { instrument count }
      byDomain { domain { key name } total byStatus { status count } }
      communes { commune { inseeCode name } memberships openOpportunities pendingRequests }
    }
  }
`
const matrixQuery = /* GraphQL */ `
  query ($territory: String) {
    membershipMatrix(territory: $territory) {
      sharedServices { id name }
      rows { commune { inseeCode name } cells cellLabels memberOf }
    }
  }
`

/** Counts of `key` over rows, worked out in JavaScript from the rows themselves. */
function tally<T>(rows: readonly T[], key: (row: T) => string) {
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1)
  return counts
}
const nonZero = (rows: ReadonlyArray<{ count: number }>, key: (row: any) => string) => new Map(rows.filter((r) => r.count > 0).map((r) => [key(r), r.count]))

let territory: BuiltTerritory
let communes: Awaited<ReturnType<typeof someCommunes>>

/**
 * A territory of six communes and a dozen actions in three domains, of every kind of tie: members,
 * planned, former, open to all or to some, under study, abandoned, archived; and services communs
 * that some communes are in, planned in, have left, or may only study joining.
 */
beforeAll(async () => {
  territory = await aTerritory()
  communes = await someCommunes(territory, ['Dijon', 'Chenôve', 'Talant', 'Fontaine-lès-Dijon', 'Ahuy', 'Daix'])
  const [dijon, chenove, talant, fontaine, ahuy, daix] = communes
  const domains = [await aDomain(territory, { name: 'Achats' }), await aDomain(territory, { name: 'Voirie' }), await aDomain(territory, { name: 'Ressources humaines' })]
  const paie = await anOffer(territory, { name: 'Service commun de la paie', members: [dijon, talant, { organisation: chenove, state: 'PLANNED' }, { organisation: ahuy, state: 'FORMER' }] })
  const archives = await anOffer(territory, { name: 'Service commun des archives', openingStudied: true, members: [dijon] })
  await anOffer(territory, { name: 'Service commun de la voirie', eligibility: 'LISTED', listed: [fontaine, daix], members: [talant] })
  await anOffer(territory, { name: 'Service commun du courrier', eligibility: 'CLOSED', members: [dijon, chenove] })
  await anOffer(territory, { name: 'Service commun archivé', members: [dijon], archivedAt: new Date() })
  await anOffer(territory, { name: 'Groupement de commandes du papier', kind: 'GROUPEMENT_DE_COMMANDES', members: [dijon, fontaine] })
  const fields: ActionFields[] = [
    { domain: domains[0], status: 'IMPLEMENTED', instrument: 'GROUPEMENT_DE_COMMANDES', openness: 'OPEN', participants: [dijon, fontaine] },
    { domain: domains[0], status: 'IN_PROGRESS', instrument: 'SERVICE_COMMUN', openness: 'OPEN', offer: paie, participants: [dijon, talant, { organisation: chenove, state: 'PLANNED' }] },
    { domain: domains[0], status: 'ABANDONED', instrument: 'SERVICE_COMMUN', openness: 'OPEN', participants: [ahuy] },
    { domain: domains[1], status: 'TO_STUDY', instrument: 'ETUDE', openness: 'UNDER_STUDY', offer: archives, participants: [dijon] },
    { domain: domains[1], status: 'PLANNED', instrument: 'CONVENTION_DE_GESTION', openness: 'OPEN', openTo: [fontaine, daix], participants: [talant] },
    { domain: domains[1], status: 'IMPLEMENTED', instrument: 'CONVENTION_DE_GESTION', openness: 'CLOSED', participants: [dijon, chenove, { organisation: fontaine, state: 'FORMER' }] },
    { domain: domains[2], status: 'NOT_STARTED', instrument: 'MISE_A_DISPOSITION', openness: 'OPEN', participants: [{ organisation: daix, state: 'REQUESTED' }] },
    { domain: domains[2], status: 'IN_PROGRESS', instrument: 'MISE_A_DISPOSITION', openness: 'CLOSED', participants: [chenove, fontaine] },
    { domain: domains[2], status: 'IMPLEMENTED', instrument: 'SERVICE_COMMUN', openness: 'OPEN', participants: [chenove], archivedAt: new Date() },
  ]
  for (const action of fields) await anAction(territory, action)
})

describe('statistics', () => {
  it('counts actions by status, by instrument and by status per domain, equal to counts over the rows', async () => {
    const rows = await db.action.findMany({ where: { territoryId: territory.id, archivedAt: null }, include: { domain: true } })
    const { statistics } = await query(statisticsQuery, { territory: territory.siren })
    expect(rows).toHaveLength(8)
    expect(statistics.actionCount).toBe(rows.length)
    expect(statistics.byStatus).toHaveLength(8)
    expect(nonZero(statistics.byStatus, (r) => r.status)).toEqual(tally(rows, (a) => a.status))
    expect(statistics.byStatus.find((r: { status: string }) => r.status === 'IMPLEMENTED').label).toBe('Mis en œuvre')
    expect(nonZero(statistics.byInstrument, (r) => r.instrument)).toEqual(tally(rows, (a) => a.instrument))
    const domainKeys = [...new Map(rows.sort((a, b) => a.domain.position - b.domain.position).map((a) => [a.domain.key, a])).keys()]
    expect(domainKeys).toHaveLength(3)
    expect(statistics.byDomain.map((d: { domain: { key: string } }) => d.domain.key)).toEqual(domainKeys)
    for (const domain of statistics.byDomain) {
      const mine = rows.filter((a) => a.domain.key === domain.domain.key)
      expect(domain.total).toBe(mine.length)
      expect(nonZero(domain.byStatus, (r) => r.status)).toEqual(tally(mine, (a) => a.status))
    }
  })

  it('applies the action filter to the counts', async () => {
    const fontaine = communes[3]
    const rows = await db.action.findMany({ where: { archivedAt: null, participants: { some: { organisationId: fontaine.id } } } })
    const { statistics } = await query(statisticsQuery, { filter: { communeInseeCode: fontaine.inseeCode }, territory: territory.siren })
    expect(rows).toHaveLength(3)
    expect(statistics.actionCount).toBe(rows.length)
    expect(nonZero(statistics.byStatus, (r) => r.status)).toEqual(tally(rows, (a) => a.status))
  })

  it('counts per commune its memberships and what it could join, equal to counts over the rows', async () => {
    const participations = await db.participation.findMany({ where: { organisation: { kind: 'COMMUNE', territoryId: territory.id }, action: { archivedAt: null } } })
    const actions = await db.action.findMany({ where: { territoryId: territory.id, archivedAt: null }, include: { openTo: true } })
    const { statistics } = await query(statisticsQuery, { territory: territory.siren })
    expect(statistics.communes).toHaveLength(communes.length)
    for (const row of statistics.communes) {
      const commune = communes.find((c) => c.inseeCode === row.commune.inseeCode)!
      const mine = new Map(participations.filter((p) => p.organisationId === commune.id).map((p) => [p.actionId, p.state]))
      expect(row.memberships).toBe([...mine.values()].filter((state) => state === 'MEMBER').length)
      // Open (or opening studied), not abandoned, open to this commune, not already in it or about to be.
      const couldJoin = actions.filter(
        (a) => a.openness !== 'CLOSED' && a.status !== 'ABANDONED' && !['MEMBER', 'PLANNED'].includes(mine.get(a.id) ?? '') &&
          (a.openTo.length === 0 || a.openTo.some((o) => o.id === commune.id)),
      )
      expect(row.openOpportunities).toBe(couldJoin.length)
      expect(row.pendingRequests).toBeNull()
    }
    expect(new Set(statistics.communes.map((row: { openOpportunities: number }) => row.openOpportunities)).size).toBeGreaterThan(1)
    expect(statistics.communes.some((row: { memberships: number }) => row.memberships > 1)).toBe(true)
  })

  it('counts pending requests only for those allowed to see them', async () => {
    const own = await aTerritory()
    const [chenove] = await someCommunes(own, ['Chenôve', 'Dijon'])
    const { user } = await aUser(own, { role: 'ADMIN' })
    const open = [await anAction(own), await anAction(own)]
    for (const action of open) await aJoinRequest(action, chenove, user)
    await aJoinRequest(open[0], chenove, user, { status: 'DECLINED', clientMutationId: randomUUID() })

    const pendingOf = (statistics: any, name: string) => statistics.communes.find((row: any) => row.commune.name === name).pendingRequests
    const analyst = await aSignedInUser(own, { role: 'ANALYST' })
    const seenByAnalyst = (await analyst.client(statisticsQuery, { territory: own.siren })).data!.statistics
    expect(pendingOf(seenByAnalyst, 'Chenôve')).toBe(2)
    expect(pendingOf(seenByAnalyst, 'Dijon')).toBe(0)

    const editor = await aSignedInUser(own, { role: 'EDITOR', organisations: [chenove] })
    const seenByEditor = (await editor.client(statisticsQuery, { territory: own.siren })).data!.statistics
    expect(pendingOf(seenByEditor, 'Chenôve')).toBe(2)
    expect(pendingOf(seenByEditor, 'Dijon')).toBeNull()

    expect(pendingOf((await query(statisticsQuery, { territory: own.siren })).statistics, 'Chenôve')).toBeNull()
  })
})

describe('membership matrix', () => {
  it('shows each commune × service commun where Commune.offers puts it', async () => {
    const { membershipMatrix } = await query(matrixQuery, { territory: territory.siren })
    const services = await db.offer.findMany({ where: { archivedAt: null, kind: 'SERVICE_COMMUN', territoryId: territory.id } })
    expect(services).toHaveLength(4)
    expect(membershipMatrix.sharedServices.map((s: { name: string }) => s.name).sort()).toEqual(services.map((s) => s.name).sort())
    expect(membershipMatrix.rows).toHaveLength(communes.length)
    const { communes: pages } = await query<{ communes: Array<{ inseeCode: string; offers: Array<{ membership: string; state: string | null; offer: { id: string } }> }> }>(
      'query ($t: String) { communes(territory: $t) { inseeCode offers { membership state offer { id } } } }', { t: territory.siren },
    )
    const cellOf = { MEMBER: 'MEMBER', JOINABLE: 'OPEN', UNDER_STUDY: 'UNDER_STUDY', REQUESTED: 'REQUESTED', FORMER: 'FORMER' } as Record<string, string>
    const seen = new Set<string>()
    let members = 0
    for (const row of membershipMatrix.rows) {
      membershipMatrix.sharedServices.forEach((column: { id: string; name: string }, i: number) => {
        const entry = pages.find((c) => c.inseeCode === row.commune.inseeCode)!.offers.find((o) => atob(o.offer.id).split(':')[1] === atob(column.id).split(':')[1])
        const expected = !entry ? 'NONE' : entry.state === 'PLANNED' ? 'PLANNED' : cellOf[entry.membership]
        expect(row.cells[i], `${row.commune.name} × ${column.name}`).toBe(expected)
        seen.add(row.cells[i])
      })
      expect(row.memberOf).toBe(row.cells.filter((cell: string) => cell === 'MEMBER').length)
      members += row.memberOf
    }
    expect(members).toBeGreaterThan(0)
    expect(seen).toEqual(new Set(['MEMBER', 'PLANNED', 'FORMER', 'OPEN', 'UNDER_STUDY', 'NONE']))
    const dijonRow = membershipMatrix.rows.find((row: { commune: { name: string } }) => row.commune.name === 'Dijon')
    expect(dijonRow.cellLabels[dijonRow.cells.indexOf('MEMBER')]).toBe('Membre')
  })
})

describe('aggregates cost', () => {
  it('send the same number of SQL statements however many actions, services, members and participations there are', async () => {
    const own = await aTerritory()
    const ownCommunes = await someCommunes(own, 7)
    const domain = await aDomain(own)
    const first = await anOffer(own, { members: ownCommunes.slice(0, 2) })
    await anAction(own, { domain, offer: first, participants: ownCommunes.slice(0, 2) })
    const run = () => Promise.all([query(statisticsQuery, { territory: own.siren }), query(matrixQuery, { territory: own.siren })])
    const before = await countSql(run)
    for (let i = 0; i < 10; i++) {
      const service = await anOffer(own, { name: `Service de test ${i}`, members: ownCommunes.slice(0, 5) })
      await anAction(own, { title: `Action de test ${i}`, domain, offer: service, participants: ownCommunes.slice(0, 5) })
    }
    const after = await countSql(run)
    expect((await run())[0].statistics.actionCount).toBe(11)
    expect(after.count).toBe(before.count)
    // Statistics and matrix together: the offer rule reads each relation of the offers in one statement.
    expect(after.count).toBeLessThanOrEqual(24)
  })
})

describe('several territories', () => {
  it('keeps per-commune views to the territory asked for, and asks for one when several are loaded', async () => {
    const other = await aTerritory()
    const [alone] = await someCommunes(other, 1, { inseeCode: null })
    const action = await anAction(other, { participants: [alone] })
    expect(action.openness).toBe('OPEN')
    const refused = await graphql('{ membershipMatrix { rows { cells } } }')
    expect(refused.errors?.[0].message).toMatch(/précisez territory/)
    expect((await graphql('{ statistics { communes { memberships } } }')).errors?.[0].message).toMatch(/précisez territory/)
    const { membershipMatrix } = await query(matrixQuery, { territory: other.siren })
    expect(membershipMatrix.rows.map((row: { commune: { name: string } }) => row.commune.name)).toEqual([alone.name])
    expect((await query(matrixQuery, { territory: territory.siren })).membershipMatrix.rows).toHaveLength(communes.length)
    const { statistics } = await query(statisticsQuery, { territory: other.siren })
    expect(statistics.actionCount).toBe(1)
    expect(statistics.communes).toEqual([{ commune: { inseeCode: '', name: alone.name }, memberships: 1, openOpportunities: 0, pendingRequests: null }])
  })
})
