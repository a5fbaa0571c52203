import { statusLabels } from '@mutualis/domain'
import { GraphQLError } from 'graphql'
import { builder } from '../builder.ts'
import { db } from '../db.ts'
import { fromSource, needsRecordedStatus, recordedStatusLoader } from '../analytics/baseline.service.ts'
import { baselineStatus, endOfDay, statusAsOf, today, type StatusBasis } from '../analytics/history.rules.ts'
import { changesCap, newMembersWhere, progressUpdatesWhere, statusChanges } from '../analytics/history.service.ts'
import type { ActionStatus, ProgressUpdate } from '../generated/sqlite/client.ts'
import { ActionRef } from './action.ts'
import { ActionStatusEnum } from './enums.ts'
import { JoinRequestRef } from './join-request.ts'
import { ProgressUpdateRef } from './progress-update.ts'
import { territoryArgs } from './lists.ts'

const StatusBasisEnum = builder.enumType('StatusBasis', {
  values: {
    UPDATE: { description: "The last point d'avancement dated on or before that day." },
    BASELINE: {
      description:
        "No point d'avancement that early: the status before the first one. NOT_REPORTED for actions whose history comes from the source document; otherwise the status the action had when Mutualis recorded its first update (its current status if none was recorded).",
    },
  },
})

const StatusAsOf = builder.objectRef<{ date: Date; status: ActionStatus; basis: StatusBasis; update: ProgressUpdate | null }>('StatusAsOf').implement({
  description: 'The status of an action as it stood at the end of a day.',
  fields: (t) => ({
    date: t.expose('date', { type: 'Date' }),
    status: t.expose('status', { type: ActionStatusEnum }),
    statusLabel: t.string({ resolve: (row) => statusLabels[row.status] }),
    basis: t.expose('basis', { type: StatusBasisEnum }),
    update: t.field({ type: ProgressUpdateRef, nullable: true, description: "The point d'avancement that set it, if any.", resolve: (row) => row.update }),
  }),
})

builder.prismaObjectField(ActionRef, 'statusAsOf', (t) =>
  t.field({
    type: StatusAsOf,
    description: 'The status as it stood at the end of `date`, from the points d’avancement dated up to that day.',
    args: { date: t.arg({ type: 'Date', required: true }) },
    // Loaded with the actions themselves: a page of actions costs one more statement, not one per action.
    select: { status: true, progressUpdates: true },
    resolve: async (action, { date }, context) => {
      const recorded = needsRecordedStatus(action.progressUpdates) ? await recordedStatusLoader(context)(action.id) : null
      const baseline = baselineStatus({ currentStatus: action.status, hasSourceUpdates: action.progressUpdates.some(fromSource), statusWhenFirstRecorded: recorded })
      return { date, ...statusAsOf(baseline, action.progressUpdates.map((u) => ({ ...u, recordedAt: u.createdAt })), date) }
    },
  }),
)

type ChangesScope = { from: Date; to: Date; territory: string | null | undefined }

const StatusChange = builder
  .objectRef<{ from: ActionStatus; to: ActionStatus; update: ProgressUpdate }>('StatusChange')
  .implement({
    fields: (t) => ({
      date: t.field({ type: 'Date', resolve: (change) => change.update.date }),
      from: t.expose('from', { type: ActionStatusEnum }),
      to: t.expose('to', { type: ActionStatusEnum }),
      fromLabel: t.string({ resolve: (change) => statusLabels[change.from] }),
      toLabel: t.string({ resolve: (change) => statusLabels[change.to] }),
      update: t.field({ type: ProgressUpdateRef, resolve: (change) => change.update }),
      action: t.prismaField({
        type: 'Action',
        resolve: (query, change) => db.action.findUniqueOrThrow({ ...query, where: { id: change.update.actionId } }),
      }),
    }),
  })

const Changes = builder.objectRef<ChangesScope>('Changes').implement({
  description: `What changed between two days, both included (each list holds at most ${changesCap} items).`,
  fields: (t) => ({
    from: t.expose('from', { type: 'Date' }),
    to: t.expose('to', { type: 'Date' }),
    statusChanges: t.field({
      type: [StatusChange],
      description: "Status changes made by points d'avancement of the period, oldest first.",
      args: { to: t.arg({ type: [ActionStatusEnum], required: false, description: 'Only changes to these statuses (IMPLEMENTED: actions completed).' }) },
      resolve: async (scope, args) => {
        const changes = await statusChanges(scope.from, scope.to, scope.territory)
        return args.to?.length ? changes.filter((change) => args.to!.includes(change.to)) : changes
      },
    }),
    newMembers: t.prismaField({
      type: ['Participation'],
      description: 'Organisations that became members of an action during the period (by their start date).',
      resolve: (query, scope) =>
        db.participation.findMany({ ...query, where: newMembersWhere(scope.from, scope.to, scope.territory), orderBy: [{ since: 'asc' }, { id: 'asc' }], take: changesCap }),
    }),
    progressUpdates: t.prismaField({
      type: ['ProgressUpdate'],
      description: "Points d'avancement dated in the period, oldest first.",
      resolve: (query, scope) =>
        db.progressUpdate.findMany({ ...query, where: progressUpdatesWhere(scope.from, scope.to, scope.territory), orderBy: [{ date: 'asc' }, { createdAt: 'asc' }], take: changesCap }),
    }),
    joinRequests: t.prismaField({
      type: [JoinRequestRef],
      nullable: true,
      description: 'Requests to join made or decided during the period: all for admins and analysts, their own for editors, null for others.',
      authScopes: { readPrivate: true, editor: true },
      unauthorizedResolver: () => null,
      resolve: (query, scope, _args, { viewer }) => {
        const period = { gte: scope.from, lt: endOfDay(scope.to) }
        const own = viewer.kind === 'user' && viewer.role === 'EDITOR' ? { organisationId: { in: [...viewer.organisationIds] } } : {}
        return db.joinRequest.findMany({
          ...query,
          where: { ...own, OR: [{ createdAt: period }, { decidedAt: period }], action: { archivedAt: null, ...(scope.territory ? { territory: { siren: scope.territory } } : {}) } },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          take: changesCap,
        })
      },
    }),
  }),
})

builder.queryFields((t) => ({
  changes: t.field({
    type: Changes,
    description: 'What changed between two days: status changes, new members, points d’avancement, requests to join.',
    args: {
      from: t.arg({ type: 'Date', required: true }),
      to: t.arg({ type: 'Date', required: false, description: 'Today when omitted.' }),
      ...territoryArgs,
    },
    resolve: (_root, args) => {
      const to = args.to ?? today()
      if (to < args.from) throw new GraphQLError('La date de fin précède la date de début.', { extensions: { code: 'VALIDATION' } })
      return { from: args.from, to, territory: args.territory }
    },
  }),
}))
