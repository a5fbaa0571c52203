import { actorLabel, type Viewer } from '../auth/viewer.ts'
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

/** Appends to the audit log inside the caller's transaction, so a change and its record stand or fall together. */
export async function audit(tx: Prisma.TransactionClient, viewer: Viewer, record: AuditRecord) {
  await tx.auditEntry.create({
    data: {
      territoryId: record.territoryId,
      actorId: viewer.kind === 'user' ? viewer.userId : null,
      actorLabel: actorLabel(viewer),
      operation: record.operation,
      entityType: record.entityType,
      entityId: record.entityId,
      before: snapshot(record.before),
      after: snapshot(record.after),
    },
  })
}
