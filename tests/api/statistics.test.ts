import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { db } from '@mutualis/api/db.ts'
import { createAccount, signedInAs } from '../fixtures/accounts.ts'
import { countSql, graphql, query } from '../fixtures/graphql.ts'
import { createOtherTerritory } from '../fixtures/territories.ts'
import { communeInsee } from '../fixtures/seed.ts'

const dijon = '242100410'

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

describe('statistics', () => {
  it('counts actions by status, by instrument and by status per domain, equal to counts over the rows', async () => {
    const rows = await db.action.findMany({ where: { territory: { siren: dijon }, archivedAt: null }, include: { domain: true } })
    const { statistics } = await query(statisticsQuery, { territory: dijon })
    expect(statistics.actionCount).toBe(rows.length)
    expect(statistics.byStatus).toHaveLength(8)
    expect(nonZero(statistics.byStatus, (r) => r.status)).toEqual(tally(rows, (a) => a.status))
    expect(statistics.byStatus.find((r: { status: string }) => r.status === 'IMPLEMENTED').label).toBe('Mis en œuvre')
    expect(nonZero(statistics.byInstrument, (r) => r.instrument)).toEqual(tally(rows, (a) => a.instrument))
    const domainKeys = [...new Map(rows.sort((a, b) => a.domain.position - b.domain.position).map((a) => [a.domain.key, a])).keys()]
    expect(statistics.byDomain.map((d: { domain: { key: string } }) => d.domain.key)).toEqual(domainKeys)
    for (const domain of statistics.byDomain) {
      const mine = rows.filter((a) => a.domain.key === domain.domain.key)
      expect(domain.total).toBe(mine.length)
      expect(nonZero(domain.byStatus, (r) => r.status)).toEqual(tally(mine, (a) => a.status))
    }
  })

  it('applies the action filter to the counts', async () => {
    const insee = communeInsee('Fontaine-lès-Dijon')
    const rows = await db.action.findMany({ where: { archivedAt: null, participants: { some: { organisation: { inseeCode: insee } } } } })
    const { statistics } = await query(statisticsQuery, { filter: { communeInseeCode: insee } })
    expect(rows.length).toBeGreaterThan(0)
    expect(statistics.actionCount).toBe(rows.length)
    expect(nonZero(statistics.byStatus, (r) => r.status)).toEqual(tally(rows, (a) => a.status))
  })

  it('counts per commune its memberships and what it could join, equal to counts over the rows', async () => {
    const participations = await db.participation.findMany({ where: { organisation: { kind: 'COMMUNE' }, action: { archivedAt: null } } })
    const actions = await db.action.findMany({ where: { archivedAt: null }, include: { openTo: true } })
    const { statistics } = await query(statisticsQuery, { territory: dijon })
    expect(statistics.communes).toHaveLength(23)
    const communes = await db.organisation.findMany({ where: { kind: 'COMMUNE' } })
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
    expect(statistics.communes.some((row: { openOpportunities: number }) => row.openOpportunities > 0)).toBe(true)
  })

  it('counts pending requests only for those allowed to see them', async () => {
    const chenove = await db.organisation.findFirstOrThrow({ where: { inseeCode: communeInsee('Chenôve') } })
    const { user } = await createAccount('ADMIN')
    const open = await db.action.findMany({ where: { openness: 'OPEN', participants: { none: { organisationId: chenove.id } } }, take: 2 })
    for (const action of open) await db.joinRequest.create({ data: { actionId: action.id, organisationId: chenove.id, requestedById: user.id } })
    await db.joinRequest.create({ data: { actionId: open[0].id, organisationId: chenove.id, requestedById: user.id, status: 'DECLINED', clientMutationId: randomUUID() } })

    const pendingOf = (statistics: any, name: string) => statistics.communes.find((row: any) => row.commune.name === name).pendingRequests
    const analyst = await signedInAs('ANALYST')
    const seenByAnalyst = (await analyst.client(statisticsQuery, { territory: dijon })).data!.statistics
    expect(pendingOf(seenByAnalyst, 'Chenôve')).toBe(2)
    expect(pendingOf(seenByAnalyst, 'Dijon')).toBe(0)

    const editor = await signedInAs('EDITOR', ['Chenôve'])
    const seenByEditor = (await editor.client(statisticsQuery, { territory: dijon })).data!.statistics
    expect(pendingOf(seenByEditor, 'Chenôve')).toBe(2)
    expect(pendingOf(seenByEditor, 'Dijon')).toBeNull()

    expect(pendingOf((await query(statisticsQuery, { territory: dijon })).statistics, 'Chenôve')).toBeNull()
  })
})

describe('membership matrix', () => {
  it('shows each commune × service commun where Commune.offers puts it', async () => {
    const { membershipMatrix } = await query(matrixQuery, { territory: dijon })
    const services = await db.offer.findMany({ where: { archivedAt: null, kind: 'SERVICE_COMMUN', territory: { siren: dijon } } })
    expect(membershipMatrix.sharedServices.map((s: { name: string }) => s.name).sort()).toEqual(services.map((s) => s.name).sort())
    expect(membershipMatrix.rows).toHaveLength(23)
    const { communes } = await query<{ communes: Array<{ inseeCode: string; offers: Array<{ membership: string; state: string | null; offer: { id: string } }> }> }>(
      '{ communes(territory: "242100410") { inseeCode offers { membership state offer { id } } } }',
    )
    const cellOf = { MEMBER: 'MEMBER', JOINABLE: 'OPEN', UNDER_STUDY: 'UNDER_STUDY', REQUESTED: 'REQUESTED', FORMER: 'FORMER' } as Record<string, string>
    let members = 0
    for (const row of membershipMatrix.rows) {
      membershipMatrix.sharedServices.forEach((column: { id: string; name: string }, i: number) => {
        const entry = communes.find((c) => c.inseeCode === row.commune.inseeCode)!.offers.find((o) => o.offer.id.endsWith('') && atob(o.offer.id).split(':')[1] === atob(column.id).split(':')[1])
        const expected = !entry ? 'NONE' : entry.state === 'PLANNED' ? 'PLANNED' : cellOf[entry.membership]
        expect(row.cells[i], `${row.commune.name} × ${column.name}`).toBe(expected)
      })
      expect(row.memberOf).toBe(row.cells.filter((cell: string) => cell === 'MEMBER').length)
      members += row.memberOf
    }
    expect(members).toBeGreaterThan(0)
    const dijonRow = membershipMatrix.rows.find((row: { commune: { name: string } }) => row.commune.name === 'Dijon')
    expect(dijonRow.cellLabels[dijonRow.cells.indexOf('MEMBER')]).toBe('Membre')
  })
})

describe('aggregates cost', () => {
  it('send the same number of SQL statements however many actions, services, members and participations there are', async () => {
    const run = () => Promise.all([query(statisticsQuery, { territory: dijon }), query(matrixQuery, { territory: dijon })])
    const before = await countSql(run)
    const territory = await db.territory.findUniqueOrThrow({ where: { siren: dijon } })
    const domain = await db.domain.findFirstOrThrow({ where: { territoryId: territory.id } })
    const communes = await db.organisation.findMany({ where: { territoryId: territory.id, kind: 'COMMUNE' } })
    for (let i = 0; i < 10; i++) {
      const service = await db.offer.create({
        data: {
          territoryId: territory.id, key: `test-${randomUUID()}`, name: `Service de test ${i}`, kind: 'SERVICE_COMMUN', eligibility: 'ALL_COMMUNES',
          members: { create: communes.slice(0, 5).map((c) => ({ organisationId: c.id, state: 'MEMBER' as const })) },
        },
      })
      await db.action.create({
        data: {
          territoryId: territory.id, key: `test-${randomUUID()}`, position: 1000 + i, title: `Action de test ${i}`, searchText: `action de test ${i}`,
          domainId: domain.id, instrument: 'SERVICE_COMMUN', status: 'IN_PROGRESS', openness: 'OPEN', sourceText: 'test', offerId: service.id,
          participants: { create: communes.slice(0, 5).map((c) => ({ organisationId: c.id, role: 'MEMBER' as const, state: 'MEMBER' as const })) },
        },
      })
    }
    const after = await countSql(run)
    expect(after.count).toBe(before.count)
    // Statistics and matrix together: the offer rule reads each relation of the offers in one statement.
    expect(after.count).toBeLessThanOrEqual(24)
  })
})

describe('several territories', () => {
  it('keeps per-commune views to the territory asked for, and asks for one when several are loaded', async () => {
    const other = await createOtherTerritory()
    const refused = await graphql('{ membershipMatrix { rows { cells } } }')
    expect(refused.errors?.[0].message).toMatch(/précisez territory/)
    expect((await graphql('{ statistics { communes { memberships } } }')).errors?.[0].message).toMatch(/précisez territory/)
    const { membershipMatrix } = await query(matrixQuery, { territory: other.territory.siren })
    expect(membershipMatrix.rows.map((row: { commune: { name: string } }) => row.commune.name)).toEqual([other.commune.name])
    expect((await query(matrixQuery, { territory: dijon })).membershipMatrix.rows).toHaveLength(23)
    const { statistics } = await query(statisticsQuery, { territory: other.territory.siren })
    expect(statistics.actionCount).toBe(1)
    expect(statistics.communes).toEqual([{ commune: { inseeCode: '', name: other.commune.name }, memberships: 1, openOpportunities: 0, pendingRequests: null }])
  })
})
