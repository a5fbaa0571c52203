import { statusLabels } from '@mutualis/domain'
import { builder } from '../builder.ts'
import { db } from '../db.ts'
import { visibleParticipationsWhere } from '../auth/visibility.ts'
import { actionWhere } from '../mutualisation/action-filter.ts'
import { ActionStatusEnum, InstrumentEnum, OpennessEnum } from './enums.ts'
import { actionFilterFields, actionOrder } from './action-list.ts'
import { territoryArgs } from './territory.ts'
import { SharedServiceRef } from './shared-service.ts'
import { JointContractRef } from './joint-contract.ts'

export const ActionRef = builder.prismaNode('Action', {
  id: { field: 'id' },
  nullable: true,
  // Only the columns a query asks for are read: an action's texts are long and most screens list titles.
  select: { id: true },
  description: 'One line of the schéma de mutualisation.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable reference of the action within its territory.' }),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    status: t.expose('status', { type: ActionStatusEnum }),
    statusLabel: t.string({ description: 'The status in French, as the council reads it.', select: { status: true }, resolve: (action) => statusLabels[action.status] }),
    domain: t.relation('domain'),
    instrument: t.expose('instrument', { type: InstrumentEnum }),
    openness: t.expose('openness', { type: OpennessEnum }),
    openTo: t.relation('openTo', { description: 'When not empty, only these organisations may join.' }),
    effectiveDate: t.expose('effectiveDate', { type: 'Date', nullable: true }),
    plannedDate: t.expose('plannedDate', { type: 'Date', nullable: true }),
    sourceText: t.exposeString('sourceText', { description: 'The text of the source document for this action, verbatim.' }),
    offer: t.relation('offer', { nullable: true, description: 'The offer this action advances; null for a study or an internal measure.' }),
    sharedService: t.field({
      type: SharedServiceRef,
      nullable: true,
      deprecationReason: 'Use offer (a service commun is an Offer of kind SERVICE_COMMUN).',
      select: { offer: true },
      resolve: (action) => (action.offer?.kind === 'SERVICE_COMMUN' ? action.offer : null),
    }),
    jointContract: t.field({
      type: JointContractRef,
      nullable: true,
      deprecationReason: 'Use offer (a joint contract is an Offer of kind GROUPEMENT_DE_COMMANDES or CENTRALE_D_ACHAT).',
      select: { offer: true },
      resolve: (action) => (action.offer && ['GROUPEMENT_DE_COMMANDES', 'CENTRALE_D_ACHAT'].includes(action.offer.kind) ? action.offer : null),
    }),
    version: t.exposeInt('version', { description: 'Bumped by every change; send it back to detect concurrent edits.' }),
    participants: t.relation('participants', {
      description: 'Who takes part; a pending request to join shows only to those who may see it.',
      query: (_args, { viewer }) => ({ where: visibleParticipationsWhere(viewer), orderBy: [{ role: 'asc' }, { organisation: { searchName: 'asc' } }] }),
    }),
    progressUpdates: t.relation('progressUpdates', { query: { orderBy: [{ date: 'asc' }, { createdAt: 'asc' }] } }),
  }),
})

export const ActionFilter = builder.inputType('ActionFilter', {
  fields: (t) => ({
    status: t.field({ type: [ActionStatusEnum], required: false }),
    domain: t.globalID({ required: false, description: 'Global id of a Domain.' }),
    instrument: t.field({ type: [InstrumentEnum], required: false }),
    communeInseeCode: t.string({ required: false, description: 'Only actions this commune takes part in.' }),
    search: t.string({ required: false, description: 'Words of the title or description, of the domain’s name or of the offer’s name and summary; case and accents ignored.' }),
    ...actionFilterFields(t),
  }),
})

builder.queryFields((t) => ({
  actions: t.prismaConnection(
    {
      type: 'Action',
      cursor: 'id',
      args: { filter: t.arg({ type: ActionFilter, required: false }), orderBy: t.arg({ type: actionOrder.Input, required: false }), ...territoryArgs },
      resolve: (query, _root, args) => db.action.findMany({ ...query, where: actionWhere(args.filter, args.territory), orderBy: actionOrder.toOrderBy(args.orderBy) }),
      totalCount: (_connection, args) => db.action.count({ where: actionWhere(args.filter, args.territory) }),
    },
    {},
  ),
}))
