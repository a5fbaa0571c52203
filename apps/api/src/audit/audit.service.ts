import { actorLabel, type Viewer } from '../auth/viewer.ts'
import { writesIn } from '../db/write-scopes.ts'
import type { Prisma } from '../generated/sqlite/client.ts'

export interface AuditRecord {
  territoryId: string
  operation: string
  entityType: string
  entityId: string
  before?: unknown
  after?: unknown
}

const sensitive = new Set(['passwordHash', 'tokenHash'])

/** JSON of a record without its secrets: the log says a password changed, never what to. */
function snapshot(value: unknown): string | null {
  if (value === undefined || value === null) return null
  return JSON.stringify(value, (key, inner) => (sensitive.has(key) ? '[secret]' : inner))
}

/** Someone acting outside the API: an operator at the command line. */
export type SystemActor = { kind: 'system'; label: string }

/**
 * Appends to the audit log inside the caller's transaction, so a change and its record stand or fall
 * together. The record's territory is where the change was made: cached answers about it go stale.
 */
export async function audit(tx: Prisma.TransactionClient, actor: Viewer | SystemActor, record: AuditRecord) {
  writesIn(record.territoryId)
  await tx.auditEntry.create({
    data: {
      territoryId: record.territoryId,
      actorId: actor.kind === 'user' ? actor.userId : null,
      actorLabel: actor.kind === 'system' ? actor.label : actorLabel(actor),
      operation: record.operation,
      entityType: record.entityType,
      entityId: record.entityId,
      before: snapshot(record.before),
      after: snapshot(record.after),
    },
  })
}
