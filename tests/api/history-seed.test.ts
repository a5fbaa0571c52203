import { describe, expect, it } from 'vitest'
import { db } from '@mutualis/api/db.ts'
import { query } from '../fixtures/graphql.ts'
import { dijonSeed } from '../fixtures/seed.ts'

// Dijon's history as its source document implies it: the seed is the subject here. How asOf and
// changes work is tested on data of their own in history.test.ts.

const allAsOf = /* GraphQL */ `
  query ($date: Date!, $after: String) {
    actions(first: 200, after: $after, territory: "242100410") { pageInfo { hasNextPage endCursor } edges { node { key statusAsOf(date: $date) { status statusLabel basis } } } }
  }
`

/** The seed's answer for a day, worked out from the seed file alone. */
function seedStatusOn(action: (typeof dijonSeed.actions)[number], day: string) {
  const reported = action.progress.filter((p) => p.date <= day)
  if (reported.length > 0) return reported[reported.length - 1].status
  return action.progress.length > 0 ? 'NOT_REPORTED' : action.status
}

describe('Dijon’s actions as of a day', () => {
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
})
