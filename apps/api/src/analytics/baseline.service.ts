import { db } from '../db.ts'
import type { ActionStatus } from '../generated/sqlite/client.ts'
import { baselineStatus } from './history.rules.ts'

interface KnownUpdate {
  clientMutationId: string | null
}

/**
 * The status each action had when Mutualis recorded its first point d'avancement, read from the
 * audit log (recordProgress writes the status before the change), in one statement.
 */
export async function statusesWhenFirstRecorded(actionIds: readonly string[]): Promise<Map<string, ActionStatus>> {
  if (actionIds.length === 0) return new Map()
  const entries = await db.auditEntry.findMany({
    where: { operation: 'recordProgress', entityType: 'Action', entityId: { in: [...actionIds] } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { entityId: true, before: true },
  })
  const statuses = new Map<string, ActionStatus>()
  for (const entry of entries) {
    const before = entry.before ? (JSON.parse(entry.before) as { status?: ActionStatus }) : {}
    if (!statuses.has(entry.entityId) && before.status) statuses.set(entry.entityId, before.status)
  }
  return statuses
}

/** Points d'avancement without a client id came with a source document, not through Mutualis. */
export const fromSource = (update: KnownUpdate) => update.clientMutationId === null

/** Whether the audit log must be read to know an action's baseline: only for actions whose whole history was recorded in Mutualis. */
export const needsRecordedStatus = (updates: readonly KnownUpdate[]) => updates.length > 0 && !updates.some(fromSource)

/** Baselines of several actions, reading the audit log once for those that need it. */
export async function baselines(actions: ReadonlyArray<{ id: string; status: ActionStatus; progressUpdates: readonly KnownUpdate[] }>) {
  const recorded = await statusesWhenFirstRecorded(actions.filter((a) => needsRecordedStatus(a.progressUpdates)).map((a) => a.id))
  return new Map(
    actions.map((a) => [
      a.id,
      baselineStatus({ currentStatus: a.status, hasSourceUpdates: a.progressUpdates.some(fromSource), statusWhenFirstRecorded: recorded.get(a.id) ?? null }),
    ]),
  )
}

type Waiting = { id: string; resolve: (status: ActionStatus | null) => void; reject: (error: unknown) => void }
const loaders = new WeakMap<object, (id: string) => Promise<ActionStatus | null>>()

/**
 * Per request, gathers the actions of one GraphQL level that need the audit log and reads it for
 * all of them at once (the fields of a list's items resolve in the same turn of the event loop).
 */
export function recordedStatusLoader(context: object): (id: string) => Promise<ActionStatus | null> {
  let loader = loaders.get(context)
  if (!loader) {
    let waiting: Waiting[] = []
    loader = (id) =>
      new Promise((resolve, reject) => {
        if (waiting.length === 0) {
          setImmediate(() => {
            const batch = waiting
            waiting = []
            statusesWhenFirstRecorded([...new Set(batch.map((w) => w.id))]).then(
              (statuses) => batch.forEach((w) => w.resolve(statuses.get(w.id) ?? null)),
              (error) => batch.forEach((w) => w.reject(error)),
            )
          })
        }
        waiting.push({ id, resolve, reject })
      })
    loaders.set(context, loader)
  }
  return loader
}
