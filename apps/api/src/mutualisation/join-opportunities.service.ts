import { joinOpportunities } from '@mutualis/domain'
import { db } from '../db.ts'
import type { Action, Prisma } from '../generated/sqlite/client.ts'

/**
 * Loads what the join rule needs in two statements, applies it, then loads the joinable actions
 * with the caller's selection (so nested fields are fetched in the same few statements).
 */
export async function joinOpportunitiesOf<A extends Action>(
  commune: { id: string; territoryId: string },
  loadActions: (where: Prisma.ActionWhereInput) => Promise<A[]>,
) {
  const [candidates, participations] = await Promise.all([
    db.action.findMany({
      where: { territoryId: commune.territoryId, openness: { in: ['OPEN', 'UNDER_STUDY'] } },
      select: { id: true, instrument: true, openness: true, status: true, openTo: { select: { id: true } } },
      orderBy: { position: 'asc' },
    }),
    db.participation.findMany({ where: { organisationId: commune.id }, select: { actionId: true, state: true } }),
  ])
  const opportunities = joinOpportunities(
    commune.id,
    candidates.map((action) => ({ ...action, openTo: action.openTo.map((organisation) => organisation.id) })),
    new Map(participations.map((p) => [p.actionId, p.state])),
  )
  if (opportunities.length === 0) return []
  const actions = new Map((await loadActions({ id: { in: opportunities.map((o) => o.action.id) } })).map((action) => [action.id, action]))
  return opportunities.map(({ action, ...rest }) => ({ ...rest, action: actions.get(action.id)! }))
}
