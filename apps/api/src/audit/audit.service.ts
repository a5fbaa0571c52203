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

/** Someone acting outside the API: an operator at the command line. */
export type SystemActor = { kind: 'system'; label: string }

const entry = (actor: Viewer | SystemActor, record: AuditRecord) => ({
  territoryId: record.territoryId,
  actorId: actor.kind === 'user' ? actor.userId : null,
  actorLabel: actor.kind === 'system' ? actor.label : actorLabel(actor),
  operation: record.operation,
  entityType: record.entityType,
  entityId: record.entityId,
  before: snapshot(record.before),
  after: snapshot(record.after),
})

/** Appends to the audit log inside the caller's transaction, so a change and its record stand or fall together. */
export async function audit(tx: Prisma.TransactionClient, actor: Viewer | SystemActor, record: AuditRecord) {
  await tx.auditEntry.create({ data: entry(actor, record) })
}

/** The same for many records in one statement (a territory's communes, written at once). */
export async function auditMany(tx: Prisma.TransactionClient, actor: Viewer | SystemActor, records: AuditRecord[]) {
  if (records.length) await tx.auditEntry.createMany({ data: records.map((record) => entry(actor, record)) })
}
