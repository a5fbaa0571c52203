import { builder } from '../builder.ts'
import { OfferRef } from './offer.ts'
import { db } from '../db.ts'
import { ProcurementProcedureEnum } from './enums.ts'
import { jointContractWhere } from '../analytics/list-filters.ts'
import { today } from '../analytics/history.rules.ts'
import { JointContractFilter, jointContractOrder } from './contract-list.ts'
import { territoryArgs } from './territory.ts'

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

builder.queryFields((t) => ({
  jointContracts: t.prismaConnection({
    type: JointContractRef,
    cursor: 'id',
    deprecationReason: replaced,
    args: { filter: t.arg({ type: JointContractFilter, required: false }), orderBy: t.arg({ type: jointContractOrder.Input, required: false }), ...territoryArgs },
    resolve: (query, _root, args) =>
      db.offer.findMany({ ...query, where: jointContractWhere(args.filter, args.territory, today()), orderBy: jointContractOrder.toOrderBy(args.orderBy) }),
    totalCount: (_connection, args) => db.offer.count({ where: jointContractWhere(args.filter, args.territory, today()) }),
  }),
}))
