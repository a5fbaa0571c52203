import { canSeeAuditEntry } from '@mutualis/domain'
import { readerOf } from '../auth/visibility.ts'
import { builder } from '../builder.ts'
import { db } from '../db.ts'

builder.prismaNode('AuditEntry', {
  id: { field: 'id' },
  description: 'One change to the schéma or its accounts: who, when, what, before → after (JSON).',
  nullable: true,
  authScopes: (entry, { viewer }) => canSeeAuditEntry(readerOf(viewer), entry),
  fields: (t) => ({
    createdAt: t.expose('createdAt', { type: 'Date' }),
    at: t.string({ description: 'ISO 8601 timestamp.', resolve: (entry) => entry.createdAt.toISOString() }),
    actorLabel: t.exposeString('actorLabel'),
    operation: t.exposeString('operation'),
    entityType: t.exposeString('entityType'),
    entityId: t.exposeString('entityId'),
    before: t.exposeString('before', { nullable: true }),
    after: t.exposeString('after', { nullable: true }),
  }),
})

const AuditFilter = builder.inputType('AuditFilter', {
  fields: (t) => ({
    entityType: t.string({ required: false }),
    entityId: t.string({ required: false }),
    operation: t.string({ required: false }),
    since: t.field({ type: 'Date', required: false }),
  }),
})

builder.queryField('auditLog', (t) =>
  t.prismaConnection({
    type: 'AuditEntry',
    cursor: 'id',
    skipTypeScopes: true,
    authScopes: { admin: true },
    description: 'The append-only audit log of the admin’s territory, newest first.',
    args: { filter: t.arg({ type: AuditFilter, required: false }) },
    resolve: (query, _root, { filter }, { viewer }) =>
      db.auditEntry.findMany({
        ...query,
        where: {
          territoryId: viewer.kind === 'user' ? viewer.territoryId : '',
          entityType: filter?.entityType ?? undefined,
          entityId: filter?.entityId ?? undefined,
          operation: filter?.operation ?? undefined,
          createdAt: filter?.since ? { gte: filter.since } : undefined,
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      }),
  }),
)
