import { builder } from '../builder.ts'
import { db } from '../db.ts'
import { communeWhere } from '../analytics/list-filters.ts'
import type { Prisma } from '../generated/sqlite/client.ts'
import { Commune } from './commune.ts'
import { listOrder } from './list-order.ts'
import { territoryArgs } from './territory.ts'

export const CommuneFilter = builder.inputType('CommuneFilter', {
  fields: (t) => ({
    search: t.string({ required: false, description: 'Words of the name; case and accents ignored.' }),
    memberOf: t.globalID({ required: false, description: 'Global id of an Offer (or of a SharedService) the commune is a member of.' }),
    participatesIn: t.globalID({ required: false, description: 'Global id of an Action the commune takes part in.' }),
    populationMin: t.int({ required: false }),
    populationMax: t.int({ required: false }),
    updatedSince: t.field({ type: 'Date', required: false, description: 'Only communes whose record changed on or after this day.' }),
  }),
})

const communeOrder = listOrder<'NAME' | 'POPULATION' | 'INSEE_CODE', Prisma.OrganisationOrderByWithRelationInput>(
  'Commune',
  {
    NAME: { description: 'Name, alphabetical, accents ignored (default).', orderBy: (d) => [{ searchName: d }] },
    POPULATION: { description: 'Population.', orderBy: (d) => [{ population: d }] },
    INSEE_CODE: { description: 'INSEE code.', orderBy: (d) => [{ inseeCode: d }] },
  },
  'NAME',
)

builder.queryFields((t) => ({
  communesConnection: t.prismaConnection({
    type: Commune,
    cursor: 'id',
    description: 'The communes as a filtered, sorted, paginated list (`communes` gives them all at once).',
    args: { filter: t.arg({ type: CommuneFilter, required: false }), orderBy: t.arg({ type: communeOrder.Input, required: false }), ...territoryArgs },
    resolve: (query, _root, args) => db.organisation.findMany({ ...query, where: communeWhere(args.filter, args.territory), orderBy: communeOrder.toOrderBy(args.orderBy) }),
    totalCount: (_connection, args) => db.organisation.count({ where: communeWhere(args.filter, args.territory) }),
  }),
}))
