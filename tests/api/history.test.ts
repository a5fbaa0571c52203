import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { db } from '@mutualis/api/db.ts'
import { createAccount, signedInAs } from '../fixtures/accounts.ts'
import { countSql, graphql, query } from '../fixtures/graphql.ts'
import { dijonSeed } from '../fixtures/seed.ts'

const recordProgress = /* GraphQL */ `
  mutation ($input: RecordProgressInput!) {
    recordProgress(input: $input) { __typename ... on RecordProgressSuccess { action { status version } } ... on UserError { message } }
  }
`
const statusOn = /* GraphQL */ `
  query ($id: ID!, $before: Date!, $after: Date!) {
    node(id: $id) { ... on Action { before: statusAsOf(date: $before) { status basis } after: statusAsOf(date: $after) { status basis update { text } } } }
  }
`
const allAsOf = /* GraphQL */ `
  query ($date: Date!, $after: String) {
    actions(first: 200, after: $after) { pageInfo { hasNextPage endCursor } edges { node { key statusAsOf(date: $date) { status statusLabel basis } } } }
  }
`

async function record(client: Awaited<ReturnType<typeof signedInAs>>['client'], key: string, status: string, date: string, note: string) {
  const action = await db.action.findFirstOrThrow({ where: { key } })
  const input = { actionId: encodeGlobalID('Action', action.id), status, note, date, clientMutationId: randomUUID(), expectedVersion: action.version }
  const result = await client(recordProgress, { input })
  expect(result.data?.recordProgress.__typename).toBe('RecordProgressSuccess')
  return encodeGlobalID('Action', action.id)
}

/** The seed's answer for a day, worked out from the seed file alone. */
function seedStatusOn(action: (typeof dijonSeed.actions)[number], day: string) {
  const reported = action.progress.filter((p) => p.date <= day)
  if (reported.length > 0) return reported[reported.length - 1].status
  return action.progress.length > 0 ? 'NOT_REPORTED' : action.status
}

describe('asOf', () => {
  it('gives the status before and after a recorded point d’avancement', async () => {
    const seeded = dijonSeed.actions.find((a) => a.progress.length === 1 && a.status === 'IN_PROGRESS' && a.progress[0].date < '2024-01-01')!
    const admin = await signedInAs('ADMIN')
    const id = await record(admin.client, seeded.key, 'IMPLEMENTED', '2024-06-01', 'Service commun créé au 1er juin 2024.')
    const { node } = await query(statusOn, { id, before: '2024-05-31', after: '2024-06-01' })
    expect(node.before).toEqual({ status: 'IN_PROGRESS', basis: 'UPDATE' })
    expect(node.after).toEqual({ status: 'IMPLEMENTED', basis: 'UPDATE', update: { text: 'Service commun créé au 1er juin 2024.' } })
  })

  it('keeps the status an action was loaded with before its first recorded update', async () => {
    const seeded = dijonSeed.actions.find((a) => a.progress.length === 0 && a.status === 'TO_STUDY')!
    const admin = await signedInAs('ADMIN')
    const id = await record(admin.client, seeded.key, 'IN_PROGRESS', '2025-02-10', 'Étude lancée.')
    const { node } = await query(statusOn, { id, before: '2025-02-09', after: '2025-02-10' })
    expect(node.before).toEqual({ status: 'TO_STUDY', basis: 'BASELINE' })
    expect(node.after.status).toBe('IN_PROGRESS')
  })

  it.each(['2021-01-01', '2021-12-31', dijonSeed.report.date])('gives every action of the seed the status the source document implies on %s', async (day) => {
    const nodes: Array<{ key: string; statusAsOf: { status: string; statusLabel: string } }> = []
    let after: string | null = null
    do {
      const { actions }: any = await query(allAsOf, { date: day, after })
      nodes.push(...actions.edges.map((e: any) => e.node))
      after = actions.pageInfo.hasNextPage ? actions.pageInfo.endCursor : null
    } while (after)
    const listed = dijonSeed.actions.filter((a) => nodes.some((n) => n.key === a.key))
    expect(listed.length).toBeGreaterThanOrEqual(119)
    for (const action of listed) {
      const node = nodes.find((n) => n.key === action.key)!
      expect(node.statusAsOf.status, action.key).toBe(seedStatusOn(action, day))
    }
  })

  it('on the day of the source report, equals the status of every action loaded from it', async () => {
    const { actions } = await query(allAsOf, { date: dijonSeed.report.date })
    const changedSince = new Set((await db.progressUpdate.findMany({ where: { clientMutationId: { not: null } }, select: { action: { select: { key: true } } } })).map((u) => u.action.key))
    for (const { node } of actions.edges) {
      if (!changedSince.has(node.key)) expect(node.statusAsOf.status, node.key).toBe(dijonSeed.actions.find((a) => a.key === node.key)!.status)
    }
  })

  it('costs the same number of SQL statements for a page of 20 actions as for a page of 120', async () => {
    const page = (first: number) => countSql(() => query(`query ($first: Int) { actions(first: $first) { edges { node { title statusAsOf(date: "2022-06-30") { status update { text } } } } } }`, { first }))
    expect((await page(120)).count).toBe((await page(20)).count)
  })
})

const changesQuery = /* GraphQL */ `
  query ($from: Date!, $to: Date) {
    changes(from: $from, to: $to, territory: "242100410") {
      from to
      statusChanges { date from to toLabel action { key } update { text } }
      completed: statusChanges(to: [IMPLEMENTED]) { action { key } }
      newMembers { since organisation { name } action { key } }
      progressUpdates { date text }
      joinRequests { status organisation { name } }
    }
  }
`

describe('changes between two dates', () => {
  it('lists the status changes, new members and points d’avancement of 2022 as the seed implies', async () => {
    const { changes } = await query(changesQuery, { from: '2022-01-01', to: '2022-12-31' })
    const inYear = (date: string | null) => date !== null && date >= '2022-01-01' && date <= '2022-12-31'
    const expectedChanges = dijonSeed.actions.flatMap((action) => {
      let previous = action.progress.length > 0 ? 'NOT_REPORTED' : action.status
      return action.progress.flatMap((p) => {
        const change = inYear(p.date) && p.status !== previous ? [{ key: action.key, from: previous, to: p.status, date: p.date }] : []
        previous = p.status
        return change
      })
    })
    expect(expectedChanges.length).toBeGreaterThan(0)
    const got = changes.statusChanges.map((c: any) => ({ key: c.action.key, from: c.from, to: c.to, date: c.date }))
    expect(got).toEqual(expect.arrayContaining(expectedChanges))
    expect(got).toHaveLength(expectedChanges.length)
    expect(got.map((c: { date: string }) => c.date)).toEqual(got.map((c: { date: string }) => c.date).sort())
    expect(changes.completed.map((c: any) => c.action.key).sort()).toEqual(expectedChanges.filter((c) => c.to === 'IMPLEMENTED').map((c) => c.key).sort())

    expect(changes.progressUpdates.map((p: { text: string }) => p.text).sort()).toEqual(
      dijonSeed.actions.flatMap((a) => a.progress).filter((p) => inYear(p.date)).map((p) => p.text).sort(),
    )
    const members = await db.participation.findMany({ where: { state: 'MEMBER', since: { gte: new Date('2022-01-01'), lte: new Date('2022-12-31') } } })
    expect(members.length).toBeGreaterThan(0)
    expect(changes.newMembers).toHaveLength(members.length)
    for (const member of changes.newMembers) expect(inYear(member.since)).toBe(true)
  })

  it('includes a status change recorded for the period, and hides requests to join from the public', async () => {
    const admin = await signedInAs('ADMIN')
    const seeded = dijonSeed.actions.find((a) => a.status === 'PLANNED')!
    await record(admin.client, seeded.key, 'IN_PROGRESS', '2025-09-15', 'Marché lancé.')
    const { user } = await createAccount('ADMIN')
    const action = await db.action.findFirstOrThrow({ where: { key: seeded.key } })
    const commune = await db.organisation.findFirstOrThrow({ where: { name: 'Talant' } })
    await db.joinRequest.create({ data: { actionId: action.id, organisationId: commune.id, requestedById: user.id, createdAt: new Date('2025-09-20T10:00:00Z') } })

    const publicView = (await query(changesQuery, { from: '2025-09-01', to: '2025-09-30' })).changes
    expect(publicView.statusChanges).toEqual([
      { date: '2025-09-15', from: 'PLANNED', to: 'IN_PROGRESS', toLabel: 'En cours', action: { key: seeded.key }, update: { text: 'Marché lancé.' } },
    ])
    expect(publicView.joinRequests).toBeNull()

    const analyst = await signedInAs('ANALYST')
    const privateView = (await analyst.client(changesQuery, { from: '2025-09-01', to: '2025-09-30' })).data!.changes
    expect(privateView.joinRequests).toEqual([{ status: 'PENDING', organisation: { name: 'Talant' } }])
  })

  it('refuses a period that ends before it starts', async () => {
    const result = await graphql(changesQuery, { from: '2022-12-31', to: '2022-01-01' })
    expect(result.errors?.[0].message).toMatch(/précède/)
  })
})
