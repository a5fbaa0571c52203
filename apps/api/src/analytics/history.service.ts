import { db } from '../db.ts'
import type { Prisma, ProgressUpdate } from '../generated/sqlite/client.ts'
import { baselines } from './baseline.service.ts'
import { statusChangesBetween } from './history.rules.ts'

const territoryOf = (siren: string | null | undefined) => (siren ? { territory: { siren } } : {})

/** Bounds each list of changes; a period with more is better read through the paginated lists. */
export const changesCap = 1000

/**
 * The status changes made by points d'avancement dated from `from` to `to` (both included), oldest
 * first. Each needs the status before it, so all earlier updates of the actions concerned are read too.
 */
export async function statusChanges(from: Date, to: Date, territorySiren: string | null | undefined, actionWhere: Prisma.ActionWhereInput = {}) {
  const actions = await db.action.findMany({
    where: { AND: [actionWhere, { archivedAt: null, ...territoryOf(territorySiren), progressUpdates: { some: { date: { gte: from, lte: to } } } }] },
    select: { id: true, status: true, progressUpdates: true },
  })
  const baseline = await baselines(actions)
  const changes = actions.flatMap((action) =>
    statusChangesBetween(baseline.get(action.id)!, action.progressUpdates.map((update): ProgressUpdate & { recordedAt: Date } => ({ ...update, recordedAt: update.createdAt })), from, to),
  )
  changes.sort((a, b) => a.update.date.getTime() - b.update.date.getTime() || a.update.recordedAt.getTime() - b.update.recordedAt.getTime())
  return changes.slice(0, changesCap)
}

/** Organisations that became members of an action on a day of the period (participations with no start date are not dated news). */
export function newMembersWhere(from: Date, to: Date, territorySiren: string | null | undefined): Prisma.ParticipationWhereInput {
  return { state: 'MEMBER', since: { gte: from, lte: to }, action: { archivedAt: null, ...territoryOf(territorySiren) } }
}

export function progressUpdatesWhere(from: Date, to: Date, territorySiren: string | null | undefined): Prisma.ProgressUpdateWhereInput {
  return { date: { gte: from, lte: to }, action: { archivedAt: null, ...territoryOf(territorySiren) } }
}
