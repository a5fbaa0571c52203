import { queryFromInfo } from '@pothos/plugin-prisma'
import { visibleParticipationsWhere } from '../auth/visibility.ts'
import { builder } from '../builder.ts'
import { db } from '../db.ts'
import { listSizeOf } from '../list-sizes.ts'
import { requestLimits } from '../request-limits.ts'
import type { Prisma } from '../generated/sqlite/client.ts'
import { joinOpportunitiesOf } from '../mutualisation/join-opportunities.service.ts'
import { searchWords } from '../mutualisation/search.service.ts'
import { communesWhere } from '../territories/communes-where.ts'
import { JoinOpportunity } from './join-opportunity.ts'
import { defined, idOf, listArgs, listOrder, since, territoryArgs, territoryLongList, territoryWhere } from './lists.ts'

export const Commune = builder.prismaNode('Organisation', {
  variant: 'Commune',
  id: { field: 'id' },
  nullable: true,
  description: 'A member commune of the territory, with its official codes.',
  fields: (t) => ({
    inseeCode: t.string({ resolve: (commune) => commune.inseeCode ?? '' }),
    siren: t.string({ resolve: (commune) => commune.siren ?? '' }),
    name: t.exposeString('name'),
    population: t.exposeInt('population', { nullable: true }),
    leftOn: t.expose('leftOn', { type: 'Date', nullable: true, description: 'The day it left the territory or merged into a commune nouvelle; null while it is a member.' }),
    mergedIntoInseeCode: t.exposeString('mergedIntoInseeCode', { nullable: true, description: 'INSEE code of the commune nouvelle it merged into.' }),
    territory: t.relation('territory'),
    participations: t.relation('participations', {
      complexity: territoryLongList,
      query: (_args, { viewer }) => ({ where: visibleParticipationsWhere(viewer), orderBy: { action: { position: 'asc' } } }),
    }),
    joinable: t.field({
      type: [JoinOpportunity],
      description: 'What the commune can join: open actions, or actions whose opening is studied, it is not yet a member of.',
      deprecationReason: 'Use offers(membership: [JOINABLE, UNDER_STUDY]): a commune joins an offer, not an action; a convention between other parties is never offered.',
      select: { id: true, territoryId: true },
      resolve: (commune, _args, context, info) => joinOpportunitiesOf(commune, context.viewer, queryFromInfo({ context, info, typeName: 'Action', path: ['action'] })),
    }),
  }),
})

const CommuneFilter = builder.inputType('CommuneFilter', {
  fields: (t) => ({
    search: t.string({ required: false, description: 'Words of the name; case and accents ignored.' }),
    memberOf: t.globalID({ required: false, description: 'Global id of an Offer (or of a SharedService) the commune is a member of.' }),
    participatesIn: t.globalID({ required: false, description: 'Global id of an Action the commune takes part in.' }),
    populationMin: t.int({ required: false }),
    populationMax: t.int({ required: false }),
    updatedSince: t.field({ type: 'Date', required: false, description: 'Only communes whose record changed on or after this day.' }),
  }),
})

export const includeFormerArg = builder.args((t) => ({
  includeFormer: t.boolean({ required: false, defaultValue: false, description: 'Also the communes that left the territory or merged into a commune nouvelle (leftOn set).' }),
}))

function communeWhere(filter: typeof CommuneFilter.$inferInput | null | undefined, territorySiren?: string | null, includeFormer?: boolean | null): Prisma.OrganisationWhereInput {
  const offerId = idOf(filter?.memberOf, 'Offer', 'SharedService', 'JointContract')
  const actionId = idOf(filter?.participatesIn, 'Action')
  const population = filter?.populationMin != null || filter?.populationMax != null
    ? defined({ gte: filter.populationMin ?? undefined, lte: filter.populationMax ?? undefined })
    : undefined
  const participations = [
    ...(offerId ? [{ offerMembers: { some: { state: 'MEMBER' as const, offerId, offer: { archivedAt: null } } } }] : []),
    ...(actionId ? [{ participations: { some: { actionId } } }] : []),
  ]
  return defined({
    ...communesWhere(includeFormer),
    ...territoryWhere(territorySiren),
    population,
    updatedAt: since(filter?.updatedSince),
    AND: [...searchWords(filter?.search).map((word) => ({ searchName: { contains: word } })), ...participations],
  })
}

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
  communes: t.prismaField({
    type: [Commune],
    args: { ...territoryArgs, ...includeFormerArg },
    resolve: (query, _root, args) =>
      db.organisation.findMany({ ...query, where: { ...communesWhere(args.includeFormer), ...territoryWhere(args.territory) }, orderBy: { searchName: 'asc' } }),
  }),
  commune: t.prismaField({
    type: Commune,
    nullable: true,
    description: 'A commune by its INSEE code: the current member when there is one, else a former one (with its leftOn).',
    args: { inseeCode: t.arg.string({ required: true, description: 'Code officiel géographique (INSEE) of the commune, e.g. 21231.' }), ...territoryArgs },
    resolve: (query, _root, args) =>
      db.organisation.findFirst({
        ...query,
        where: { kind: 'COMMUNE', inseeCode: args.inseeCode, ...territoryWhere(args.territory) },
        orderBy: [{ leftOn: { sort: 'desc', nulls: 'first' } }, { id: 'asc' }],
      }),
  }),
  communesConnection: t.prismaConnection({
    type: Commune,
    cursor: 'id',
    description: 'The communes as a filtered, sorted, paginated list (`communes` gives them all at once).',
    args: { ...listArgs(CommuneFilter, communeOrder), ...includeFormerArg },
    resolve: (query, _root, args) =>
      db.organisation.findMany({ ...query, where: communeWhere(args.filter, args.territory, args.includeFormer), orderBy: communeOrder.toOrderBy(args.orderBy) }),
    totalCount: (_connection, args) => db.organisation.count({ where: communeWhere(args.filter, args.territory, args.includeFormer) }),
  }),
}))

builder.prismaObjectField('Territory', 'communes', (t) =>
  t.relation('organisations', {
    type: Commune,
    description: 'The member communes, by name; with includeFormer, also those that left or merged.',
    args: includeFormerArg,
    complexity: () => ({ field: 1, multiplier: listSizeOf('Commune')?.largestTerritory ?? requestLimits.territoryListSize }),
    query: (args) => ({ where: communesWhere(args.includeFormer), orderBy: { searchName: 'asc' } }),
  }),
)
