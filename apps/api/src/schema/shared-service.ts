import { signedIn } from '../auth/viewer.ts'
import { builder } from '../builder.ts'
import { db } from '../db.ts'
import type { Prisma } from '../generated/sqlite/client.ts'
import { archiveCatalogEntry, saveSharedService } from '../mutualisation/catalog-admin.service.ts'
import { adminWrite, readBack } from './writes.ts'
import { dayRange, defined, listArgs, listOrder, since, territoryWhere } from './lists.ts'
import { memberToday, OfferRef } from './offer.ts'
import { OrganisationRef } from './organisation.ts'

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
    // Through the offer's membership rows: their organisations are selected as the query asks, with the service.
    members: t.field({
      type: [OrganisationRef],
      description: 'Organisations that are members of the service today.',
      select: (_args, _context, nested) => ({ members: { where: { state: 'MEMBER' }, select: { organisation: nested() }, orderBy: { organisation: { searchName: 'asc' } } } }),
      resolve: (service) => service.members.map((m) => m.organisation),
    }),
  }),
})

const SharedServiceFilter = builder.inputType('SharedServiceFilter', {
  fields: (t) => ({
    memberCommuneInseeCode: t.string({ required: false, description: 'Only services this commune is a member of.' }),
    organisation: t.globalID({ required: false, description: 'Only services this organisation (or commune) is a member of, by its global id.' }),
    createdFrom: t.field({ type: 'Date', required: false, description: 'Created on this day or later.' }),
    createdTo: t.field({ type: 'Date', required: false, description: 'Created on this day or earlier.' }),
    updatedSince: t.field({ type: 'Date', required: false, description: 'Only services changed on or after this day.' }),
  }),
})

function sharedServiceWhere(filter: typeof SharedServiceFilter.$inferInput | null | undefined, territorySiren?: string | null): Prisma.OfferWhereInput {
  return defined({
    kind: 'SERVICE_COMMUN' as const,
    archivedAt: null,
    ...territoryWhere(territorySiren),
    startDate: dayRange(filter?.createdFrom, filter?.createdTo),
    updatedAt: since(filter?.updatedSince),
    ...memberToday(filter?.memberCommuneInseeCode, filter?.organisation),
  })
}

const sharedServiceOrder = listOrder<'NAME' | 'CREATED_ON', Prisma.OfferOrderByWithRelationInput>(
  'SharedService',
  {
    NAME: { description: 'Name, alphabetical (default).', orderBy: (d) => [{ name: d }] },
    CREATED_ON: { description: 'Creation date; unknown ones last.', orderBy: (d) => [{ startDate: { sort: d, nulls: 'last' } }] },
  },
  'NAME',
)

builder.queryFields((t) => ({
  sharedServices: t.prismaConnection({
    type: SharedServiceRef,
    cursor: 'id',
    deprecationReason: replaced,
    args: listArgs(SharedServiceFilter, sharedServiceOrder),
    resolve: (query, _root, args) =>
      db.offer.findMany({ ...query, where: sharedServiceWhere(args.filter, args.territory), orderBy: sharedServiceOrder.toOrderBy(args.orderBy) }),
    totalCount: (_connection, args) => db.offer.count({ where: sharedServiceWhere(args.filter, args.territory) }),
  }),
}))

const SharedServiceInput = builder.inputType('SharedServiceInput', {
  fields: (t) => ({
    id: t.globalID({ required: false, description: 'Absent: a new service commun.' }),
    name: t.string({ required: true }),
    createdOn: t.field({ type: 'Date', required: false }),
  }),
})


builder.mutationFields((t) => ({
  saveSharedService: t.prismaField({
    deprecationReason: 'Use saveOffer: services communs and joint contracts are offers.',
    type: SharedServiceRef,
    ...adminWrite('SaveSharedServiceResult'),
    args: { input: t.arg({ type: SharedServiceInput, required: true }) },
    resolve: (query, _root, { input }, { viewer }) =>
      readBack(query, saveSharedService(signedIn(viewer), input.id?.id ?? null, input), (args) => db.offer.findUniqueOrThrow(args)),
  }),
  archiveSharedService: t.prismaField({
    deprecationReason: 'Use archiveOffer: services communs and joint contracts are offers.',
    type: SharedServiceRef,
    ...adminWrite('ArchiveSharedServiceResult'),
    args: { id: t.arg.globalID({ required: true }) },
    resolve: (query, _root, { id }, { viewer }) =>
      readBack(query, archiveCatalogEntry(signedIn(viewer), 'SharedService', id.id), (args) => db.offer.findUniqueOrThrow(args)),
  }),
}))
