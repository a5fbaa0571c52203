import { builder } from '../builder.ts'
import { db } from '../db.ts'
import { progressUpdateWhere } from '../analytics/list-filters.ts'
import type { Prisma } from '../generated/sqlite/client.ts'
import { ActionStatusEnum } from './enums.ts'
import { listOrder } from './list-order.ts'
import { territoryArgs } from './territory.ts'

export const ProgressUpdateFilter = builder.inputType('ProgressUpdateFilter', {
  fields: (t) => ({
    statusAfter: t.field({ type: [ActionStatusEnum], required: false, description: 'Status the update left the action in.' }),
    action: t.globalID({ required: false, description: 'Global id of an Action.' }),
    domain: t.globalID({ required: false, description: 'Global id of the Domain of the action.' }),
    communeInseeCode: t.string({ required: false, description: 'Only updates of actions this commune takes part in.' }),
    dateFrom: t.field({ type: 'Date', required: false, description: 'Dated this day or later.' }),
    dateTo: t.field({ type: 'Date', required: false, description: 'Dated this day or earlier.' }),
    updatedSince: t.field({ type: 'Date', required: false, description: 'Recorded on or after this day (whatever day it speaks of).' }),
    meeting: t.string({ required: false, description: 'Exact name of the meeting or report it was given in.' }),
  }),
})

export const progressUpdateOrder = listOrder<'DATE' | 'ACTION' | 'RECORDED_AT', Prisma.ProgressUpdateOrderByWithRelationInput>(
  'ProgressUpdate',
  {
    DATE: { description: 'Date, then recording order (default).', orderBy: (d) => [{ date: d }, { createdAt: d }] },
    ACTION: { description: 'Action in document order, then date.', orderBy: (d) => [{ action: { position: d } }, { date: d }, { createdAt: d }] },
    RECORDED_AT: { description: 'When it was recorded.', orderBy: (d) => [{ createdAt: d }] },
  },
  'DATE',
)

builder.queryFields((t) => ({
  progressUpdates: t.prismaConnection({
    type: 'ProgressUpdate',
    cursor: 'id',
    description: "Points d'avancement of every action.",
    args: { filter: t.arg({ type: ProgressUpdateFilter, required: false }), orderBy: t.arg({ type: progressUpdateOrder.Input, required: false }), ...territoryArgs },
    resolve: (query, _root, args) =>
      db.progressUpdate.findMany({ ...query, where: progressUpdateWhere(args.filter, args.territory), orderBy: progressUpdateOrder.toOrderBy(args.orderBy) }),
    totalCount: (_connection, args) => db.progressUpdate.count({ where: progressUpdateWhere(args.filter, args.territory) }),
  }),
}))
