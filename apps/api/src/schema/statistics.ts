import { instrumentLabels, statusLabels } from '@mutualis/domain'
import { builder } from '../builder.ts'
import { countsByDomain, countsByInstrument, countsByStatus, communeStatistics } from '../analytics/statistics.service.ts'
import type { ActionStatus, Domain, Instrument, Organisation, Prisma } from '../generated/sqlite/client.ts'
import { ActionFilter, actionWhere } from './action.ts'
import { Commune } from './commune.ts'
import { DomainRef } from './domain.ts'
import { ActionStatusEnum, InstrumentEnum } from './enums.ts'
import { territoryArgs } from './lists.ts'

const StatusCount = builder.objectRef<{ key: ActionStatus; count: number }>('StatusCount').implement({
  fields: (t) => ({
    status: t.field({ type: ActionStatusEnum, resolve: (row) => row.key }),
    label: t.string({ description: 'The status in French.', resolve: (row) => statusLabels[row.key] }),
    count: t.exposeInt('count'),
  }),
})

const InstrumentCount = builder.objectRef<{ key: Instrument; count: number }>('InstrumentCount').implement({
  fields: (t) => ({
    instrument: t.field({ type: InstrumentEnum, resolve: (row) => row.key }),
    label: t.string({ description: 'The instrument in French.', resolve: (row) => instrumentLabels[row.key] }),
    count: t.exposeInt('count'),
  }),
})

const DomainStatistics = builder.objectRef<{ domain: Domain; total: number; byStatus: Array<{ key: ActionStatus; count: number }> }>('DomainStatistics').implement({
  fields: (t) => ({
    domain: t.field({ type: DomainRef, resolve: (row) => row.domain }),
    total: t.exposeInt('total'),
    byStatus: t.field({ type: [StatusCount], description: 'Every status, zeros included.', resolve: (row) => row.byStatus }),
  }),
})

const CommuneStatistics = builder
  .objectRef<{ commune: Organisation; memberships: number; openOpportunities: number; pendingRequests: number | null }>('CommuneStatistics')
  .implement({
    fields: (t) => ({
      commune: t.field({ type: Commune, resolve: (row) => row.commune }),
      memberships: t.exposeInt('memberships', { description: 'Actions the commune is a member of.' }),
      openOpportunities: t.exposeInt('openOpportunities', { description: 'Actions it could join (the length of Commune.joinable).' }),
      pendingRequests: t.exposeInt('pendingRequests', {
        nullable: true,
        description: 'Its requests to join awaiting a decision; null unless you may see them (admins and analysts, or editors for their own commune).',
      }),
    }),
  })

interface StatisticsScope {
  where: Prisma.ActionWhereInput
  territory: string | null | undefined
  /** actionCount and byStatus share one grouped query. */
  byStatus: () => ReturnType<typeof countsByStatus>
}

const Statistics = builder.objectRef<StatisticsScope>('Statistics').implement({
  description: 'Counts over the actions the filter selects; each is a single grouped query.',
  fields: (t) => ({
    actionCount: t.int({ resolve: (scope) => scope.byStatus().then((rows) => rows.reduce((sum, row) => sum + row.count, 0)) }),
    byStatus: t.field({ type: [StatusCount], description: 'Every status, zeros included.', resolve: (scope) => scope.byStatus() }),
    byInstrument: t.field({ type: [InstrumentCount], description: 'Every instrument, zeros included.', resolve: ({ where }) => countsByInstrument(where) }),
    byDomain: t.field({ type: [DomainStatistics], description: 'Domains in document order; those with no selected action are left out.', resolve: ({ where }) => countsByDomain(where) }),
    communes: t.field({
      type: [CommuneStatistics],
      description: 'Per commune of the territory, whatever the action filter.',
      resolve: ({ territory }, _args, { viewer }) => communeStatistics(territory, viewer),
    }),
  }),
})

builder.queryFields((t) => ({
  statistics: t.field({
    type: Statistics,
    description: 'Counts of the schéma: by status, by instrument, by status per domain, and per commune.',
    args: { filter: t.arg({ type: ActionFilter, required: false }), ...territoryArgs },
    resolve: (_root, args) => {
      const where = actionWhere(args.filter, args.territory)
      let byStatus: ReturnType<typeof countsByStatus> | undefined
      return { where, territory: args.territory, byStatus: () => (byStatus ??= countsByStatus(where)) }
    },
  }),
}))
