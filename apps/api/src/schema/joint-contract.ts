import { today } from '../analytics/history.rules.ts'
import { signedIn } from '../auth/viewer.ts'
import { builder } from '../builder.ts'
import { db } from '../db.ts'
import type { Prisma } from '../generated/sqlite/client.ts'
import { archiveCatalogEntry, saveJointContract } from '../mutualisation/catalog-admin.service.ts'
import { dueWithinWhere } from '../mutualisation/offer-due.service.ts'
import { ProcurementProcedureEnum } from './enums.ts'
import { adminWrite, readBack } from './writes.ts'
import { dayRange, defined, listArgs, listed, listOrder, since, territoryWhere } from './lists.ts'
import { OfferRef } from './offer.ts'

const replaced = 'A joint contract is now an Offer of kind GROUPEMENT_DE_COMMANDES or CENTRALE_D_ACHAT (same id under the Offer type): use Query.offers.'

/** The deprecated view of an offer of a procurement kind, under its former type and id. */
export const JointContractRef = builder.prismaNode('Offer', {
  variant: 'JointContract',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id) => ({ id, kind: { in: ['GROUPEMENT_DE_COMMANDES', 'CENTRALE_D_ACHAT'] } }),
  description: `A marché mutualisé, passed through a groupement de commandes or the centrale d'achat. Deprecated: ${replaced}`,
  fields: (t) => ({
    key: t.exposeString('key'),
    subject: t.exposeString('name'),
    procedure: t.field({ type: ProcurementProcedureEnum, resolve: (offer) => (offer.kind === 'CENTRALE_D_ACHAT' ? 'CENTRALE_D_ACHAT' : 'GROUPEMENT_DE_COMMANDES') }),
    startDate: t.expose('startDate', { type: 'Date', nullable: true }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true }),
    renewalDate: t.expose('renewalDate', { type: 'Date', nullable: true }),
    actions: t.relation('actions', { query: { where: { archivedAt: null }, orderBy: { position: 'asc' } } }),
    offer: t.field({ type: OfferRef, description: 'The same record as an Offer.', resolve: (offer) => offer }),
  }),
})

const JointContractFilter = builder.inputType('JointContractFilter', {
  fields: (t) => ({
    procedure: t.field({ type: [ProcurementProcedureEnum], required: false }),
    dueWithinMonths: t.int({ required: false, description: 'Only contracts whose end or renewal date falls between today and this many months from today.' }),
    endFrom: t.field({ type: 'Date', required: false, description: 'Ending on this day or later.' }),
    updatedSince: t.field({ type: 'Date', required: false, description: 'Only contracts changed on or after this day.' }),
    endTo: t.field({ type: 'Date', required: false, description: 'Ending on this day or earlier.' }),
  }),
})

function jointContractWhere(filter: typeof JointContractFilter.$inferInput | null | undefined, territorySiren: string | null | undefined, now: Date): Prisma.OfferWhereInput {
  return defined({
    archivedAt: null,
    ...territoryWhere(territorySiren),
    kind: { in: listed(filter?.procedure)?.in ?? ['GROUPEMENT_DE_COMMANDES', 'CENTRALE_D_ACHAT'] },
    endDate: dayRange(filter?.endFrom, filter?.endTo),
    updatedAt: since(filter?.updatedSince),
    ...dueWithinWhere(filter?.dueWithinMonths, now),
  })
}

const jointContractOrder = listOrder<'SUBJECT' | 'END_DATE' | 'RENEWAL_DATE', Prisma.OfferOrderByWithRelationInput>(
  'JointContract',
  {
    SUBJECT: { description: 'Subject, alphabetical (default).', orderBy: (d) => [{ name: d }] },
    END_DATE: { description: 'End date; unknown ones last.', orderBy: (d) => [{ endDate: { sort: d, nulls: 'last' } }] },
    RENEWAL_DATE: { description: 'Renewal date; unknown ones last.', orderBy: (d) => [{ renewalDate: { sort: d, nulls: 'last' } }] },
  },
  'SUBJECT',
)

builder.queryFields((t) => ({
  jointContracts: t.prismaConnection({
    type: JointContractRef,
    cursor: 'id',
    deprecationReason: replaced,
    args: listArgs(JointContractFilter, jointContractOrder),
    resolve: (query, _root, args) =>
      db.offer.findMany({ ...query, where: jointContractWhere(args.filter, args.territory, today()), orderBy: jointContractOrder.toOrderBy(args.orderBy) }),
    totalCount: (_connection, args) => db.offer.count({ where: jointContractWhere(args.filter, args.territory, today()) }),
  }),
}))

const JointContractInput = builder.inputType('JointContractInput', {
  fields: (t) => ({
    id: t.globalID({ required: false, description: 'Absent: a new joint contract.' }),
    subject: t.string({ required: true }),
    procedure: t.field({ type: ProcurementProcedureEnum, required: true }),
    startDate: t.field({ type: 'Date', required: false }),
    endDate: t.field({ type: 'Date', required: false }),
    renewalDate: t.field({ type: 'Date', required: false }),
  }),
})

builder.mutationFields((t) => ({
  saveJointContract: t.prismaField({
    deprecationReason: 'Use saveOffer: services communs and joint contracts are offers.',
    type: JointContractRef,
    ...adminWrite('SaveJointContractResult'),
    args: { input: t.arg({ type: JointContractInput, required: true }) },
    resolve: (query, _root, { input }, { viewer }) =>
      readBack(query, saveJointContract(signedIn(viewer), input.id?.id ?? null, input), (args) => db.offer.findUniqueOrThrow(args)),
  }),
  archiveJointContract: t.prismaField({
    deprecationReason: 'Use archiveOffer: services communs and joint contracts are offers.',
    type: JointContractRef,
    ...adminWrite('ArchiveJointContractResult'),
    args: { id: t.arg.globalID({ required: true }) },
    resolve: (query, _root, { id }, { viewer }) =>
      readBack(query, archiveCatalogEntry(signedIn(viewer), 'JointContract', id.id), (args) => db.offer.findUniqueOrThrow(args)),
  }),
}))
