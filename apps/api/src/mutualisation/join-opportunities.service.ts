import { joinOpportunities } from '@mutualis/domain'
import { visibleParticipationsWhere } from '../auth/visibility.ts'
import type { Viewer } from '../auth/viewer.ts'
import { db } from '../db.ts'
import type { Action, Prisma } from '../generated/sqlite/client.ts'

/** What the join rule reads of an action, whatever the query asks for. */
const ruleSelect = { id: true, instrument: true, openness: true, status: true } as const
type RuleFields = Prisma.ActionGetPayload<{ select: typeof ruleSelect & { openTo: { select: { id: true } } } }>

/**
 * The actions a commune can join. Loads the candidates once, with what the join rule needs merged
 * into the caller's selection (so nested fields come in the same few statements), plus the
 * commune's participations the viewer may see; applies the rule; keeps the joinable candidates in schéma order.
 */
export async function joinOpportunitiesOf(
  commune: { id: string; territoryId: string },
  viewer: Viewer,
  selection: { select?: Prisma.ActionSelect },
): Promise<Array<{ action: Action; openness: Action['openness']; howToJoin: string; pendingRequest: boolean }>> {
  const selected = selection.select ?? {}
  const [candidates, participations] = await Promise.all([
    db.action.findMany({
      where: { territoryId: commune.territoryId, openness: { in: ['OPEN', 'UNDER_STUDY'] } },
      // A query that shows openTo asks for more of it than its ids; either way the ids are there.
      select: { ...selected, ...ruleSelect, openTo: selected.openTo ?? { select: { id: true } } },
      orderBy: { position: 'asc' },
    }) as unknown as Promise<RuleFields[]>,
    // A request the viewer may not see reads as no participation: joinable, with no pending request.
    db.participation.findMany({ where: { organisationId: commune.id, ...visibleParticipationsWhere(viewer) }, select: { actionId: true, state: true } }),
  ])
  const byId = new Map(candidates.map((action) => [action.id, action]))
  return joinOpportunities(
    commune.id,
    candidates.map((action) => ({ ...action, openTo: action.openTo.map((organisation) => organisation.id) })),
    new Map(participations.map((p) => [p.actionId, p.state])),
    // The action as the query's selection loaded it: the fields the GraphQL query reads are there.
  ).map(({ action, ...rest }) => ({ ...rest, action: byId.get(action.id) as unknown as Action }))
}
