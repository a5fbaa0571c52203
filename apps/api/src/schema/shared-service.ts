import { builder } from '../builder.ts'
import { OfferRef } from './offer.ts'
import { db } from '../db.ts'
import { sharedServiceWhere } from '../analytics/list-filters.ts'
import { SharedServiceFilter, sharedServiceOrder } from './contract-list.ts'
import { territoryArgs } from './territory.ts'

const replaced = 'A service commun is now an Offer of kind SERVICE_COMMUN (same id under the Offer type): use Query.offers.'

/** The deprecated view of an offer of kind SERVICE_COMMUN, under its former type and id. */
export const SharedServiceRef = builder.prismaNode('Offer', {
  variant: 'SharedService',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id) => ({ id, kind: 'SERVICE_COMMUN' }),
  description: `A service commun run by the EPCI for its members (art. L5211-4-2 CGCT). Deprecated: ${replaced}`,
  fields: (t) => ({
    key: t.exposeString('key'),
    name: t.exposeString('name'),
    createdOn: t.expose('startDate', { type: 'Date', nullable: true }),
    actions: t.relation('actions', { query: { where: { archivedAt: null }, orderBy: { position: 'asc' } } }),
    offer: t.field({ type: OfferRef, description: 'The same record as an Offer.', resolve: (offer) => offer }),
    members: t.prismaField({
      type: ['Organisation'],
      description: 'Organisations that are members of the service today.',
      select: (_args, _context, nested) => ({ members: { where: { state: 'MEMBER' }, select: { organisation: nested() }, orderBy: { organisation: { searchName: 'asc' } } } }),
      resolve: (_query, service) => service.members.map((m) => m.organisation),
    }),
  }),
})

builder.queryFields((t) => ({
  sharedServices: t.prismaConnection({
    type: SharedServiceRef,
    cursor: 'id',
    deprecationReason: replaced,
    args: { filter: t.arg({ type: SharedServiceFilter, required: false }), orderBy: t.arg({ type: sharedServiceOrder.Input, required: false }), ...territoryArgs },
    resolve: (query, _root, args) =>
      db.offer.findMany({ ...query, where: sharedServiceWhere(args.filter, args.territory), orderBy: sharedServiceOrder.toOrderBy(args.orderBy) }),
    totalCount: (_connection, args) => db.offer.count({ where: sharedServiceWhere(args.filter, args.territory) }),
  }),
}))
