import { builder } from '../builder.ts'
import { db } from '../db.ts'
import { sharedServiceWhere } from '../analytics/list-filters.ts'
import { SharedServiceFilter, sharedServiceOrder } from './contract-list.ts'
import { territoryArgs } from './territory.ts'

export const SharedServiceRef = builder.prismaNode('SharedService', {
  id: { field: 'id' },
  nullable: true,
  description: 'A service commun run by the EPCI for its members (art. L5211-4-2 CGCT).',
  fields: (t) => ({
    key: t.exposeString('key'),
    name: t.exposeString('name'),
    createdOn: t.expose('createdOn', { type: 'Date', nullable: true }),
    actions: t.relation('actions', { query: { orderBy: { position: 'asc' } } }),
    members: t.prismaField({
      type: ['Organisation'],
      description: 'Organisations that are members of the service through any of its actions.',
      select: (_args, _context, nested) => ({
        actions: { select: { participants: { where: { state: 'MEMBER' }, select: { organisation: nested() } } } },
      }),
      resolve: (_query, service) => {
        const members = new Map(service.actions.flatMap((action) => action.participants.map((p) => [p.organisation.id, p.organisation])))
        return [...members.values()]
      },
    }),
  }),
})

builder.queryFields((t) => ({
  sharedServices: t.prismaConnection({
    type: 'SharedService',
    cursor: 'id',
    args: { filter: t.arg({ type: SharedServiceFilter, required: false }), orderBy: t.arg({ type: sharedServiceOrder.Input, required: false }), ...territoryArgs },
    resolve: (query, _root, args) =>
      db.sharedService.findMany({ ...query, where: sharedServiceWhere(args.filter, args.territory), orderBy: sharedServiceOrder.toOrderBy(args.orderBy) }),
    totalCount: (_connection, args) => db.sharedService.count({ where: sharedServiceWhere(args.filter, args.territory) }),
  }),
}))
