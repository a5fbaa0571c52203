import { statusLabels } from '@mutualis/domain'
import { signedIn } from '../auth/viewer.ts'
import { visibleParticipationsWhere } from '../auth/visibility.ts'
import { builder } from '../builder.ts'
import { db } from '../db.ts'
import { ConflictError, OfferConflictError, ValidationError } from '../errors.ts'
import type { Action, Prisma } from '../generated/sqlite/client.ts'
import { archiveAction, createAction, updateAction } from '../mutualisation/action-admin.service.ts'
import { actionMentions, searchWords } from '../mutualisation/search.service.ts'
import { ActionStatusEnum, InstrumentEnum, OpennessEnum } from './enums.ts'
import { UserErrorInterface } from './errors.ts'
import { JointContractRef } from './joint-contract.ts'
import { dayRange, idOf, listArgs, listOrder, since } from './lists.ts'
import { SharedServiceRef } from './shared-service.ts'
import { adminWrite, readBack } from './writes.ts'

export const ActionRef = builder.prismaNode('Action', {
  id: { field: 'id' },
  nullable: true,
  // Only the columns a query asks for are read: an action's texts are long and most screens list titles.
  // The territory tells the response cache which territory's writes an action page depends on.
  select: { id: true, territoryId: true },
  description: 'One line of the schéma de mutualisation.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable reference of the action within its territory.' }),
    reference: t.exposeString('reference', { nullable: true, description: 'The « Référence » of the territory\'s spreadsheet: a re-import matches its rows on it.' }),
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

builder.objectType(ConflictError, {
  name: 'ConflictError',
  interfaces: [UserErrorInterface],
  isTypeOf: (value) => value instanceof ConflictError && !(value instanceof OfferConflictError),
  fields: (t) => ({
    current: t.field({ type: ActionRef, description: 'The action as it stands now.', resolve: (error) => error.current as Action }),
  }),
})

export const ActionFilter = builder.inputType('ActionFilter', {
  fields: (t) => ({
    status: t.field({ type: [ActionStatusEnum], required: false }),
    domain: t.globalID({ required: false, description: 'Global id of a Domain.' }),
    instrument: t.field({ type: [InstrumentEnum], required: false }),
    communeInseeCode: t.string({ required: false, description: 'Only actions this commune takes part in.' }),
    search: t.string({ required: false, description: 'Words of the title or description, of the domain’s name or of the offer’s name and summary; case and accents ignored.' }),
    openness: t.field({ type: [OpennessEnum], required: false }),
    organisation: t.globalID({ required: false, description: 'Only actions this organisation (or commune) takes part in, by its global id.' }),
    offer: t.globalID({ required: false, description: 'Only the actions advancing this offer, by its global id.' }),
    sharedService: t.globalID({ required: false, description: 'Global id of a SharedService.', deprecationReason: 'Use offer: a service commun is an Offer of kind SERVICE_COMMUN.' }),
    jointContract: t.globalID({ required: false, description: 'Global id of a JointContract.', deprecationReason: 'Use offer: a joint contract is an Offer of kind GROUPEMENT_DE_COMMANDES or CENTRALE_D_ACHAT.' }),
    updatedSince: t.field({ type: 'Date', required: false, description: 'Only actions changed on or after this day.' }),
    effectiveFrom: t.field({ type: 'Date', required: false, description: 'Effective date on or after this day.' }),
    effectiveTo: t.field({ type: 'Date', required: false, description: 'Effective date on or before this day.' }),
    plannedFrom: t.field({ type: 'Date', required: false, description: 'Planned date on or after this day.' }),
    plannedTo: t.field({ type: 'Date', required: false, description: 'Planned date on or before this day.' }),
  }),
})

type ActionFilterInput = typeof ActionFilter.$inferInput

/** The Prisma condition for an ActionFilter; every word of `search` must appear (in the action, its domain or its offer), accents and case ignored. */
export function actionWhere(filter: ActionFilterInput | null | undefined, territorySiren?: string | null): Prisma.ActionWhereInput {
  const words = searchWords(filter?.search)
  return {
    archivedAt: null,
    ...(territorySiren ? { territory: { siren: territorySiren } } : {}),
    ...(filter?.status?.length ? { status: { in: filter.status } } : {}),
    ...(filter?.domain ? { domainId: filter.domain.id } : {}),
    ...(filter?.instrument?.length ? { instrument: { in: filter.instrument } } : {}),
    ...(filter?.communeInseeCode ? { participants: { some: { organisation: { inseeCode: filter.communeInseeCode } } } } : {}),
    ...(words.length || filter?.organisation ? { AND: [...words.map(actionMentions), ...organisationTakingPart(filter)] } : {}),
    ...(filter?.openness?.length ? { openness: { in: filter.openness } } : {}),
    ...offerCondition(filter),
    ...(filter?.updatedSince ? { updatedAt: since(filter.updatedSince) } : {}),
    ...(filter?.effectiveFrom || filter?.effectiveTo ? { effectiveDate: dayRange(filter.effectiveFrom, filter.effectiveTo) } : {}),
    ...(filter?.plannedFrom || filter?.plannedTo ? { plannedDate: dayRange(filter.plannedFrom, filter.plannedTo) } : {}),
  }
}

// Kept apart from communeInseeCode's condition on the same relation, so that both filters apply.
function organisationTakingPart(filter: ActionFilterInput | null | undefined): Prisma.ActionWhereInput[] {
  return filter?.organisation ? [{ participants: { some: { organisationId: idOf(filter.organisation, 'Organisation', 'Commune') } } }] : []
}

/** `offer`, or the deprecated `sharedService` / `jointContract` that name an offer under their old type. */
function offerCondition(filter: ActionFilterInput | null | undefined): Prisma.ActionWhereInput {
  const ids = [
    idOf(filter?.offer, 'Offer', 'SharedService', 'JointContract'),
    idOf(filter?.sharedService, 'SharedService', 'Offer'),
    idOf(filter?.jointContract, 'JointContract', 'Offer'),
  ].filter((id): id is string => id !== undefined)
  if (ids.length === 0) return {}
  return ids.every((id) => id === ids[0]) ? { offerId: ids[0] } : { offerId: { in: [] } }
}

const actionOrder = listOrder<'POSITION' | 'TITLE' | 'DOMAIN' | 'UPDATED_AT' | 'EFFECTIVE_DATE' | 'PLANNED_DATE', Prisma.ActionOrderByWithRelationInput>(
  'Action',
  {
    POSITION: { description: 'Order of the source document (default).', orderBy: (direction) => [{ position: direction }] },
    TITLE: { description: 'Title, alphabetical.', orderBy: (direction) => [{ title: direction }] },
    DOMAIN: { description: 'Domain in document order, then the document order within it.', orderBy: (direction) => [{ domain: { position: direction } }, { position: direction }] },
    UPDATED_AT: { description: 'Last change.', orderBy: (direction) => [{ updatedAt: direction }] },
    EFFECTIVE_DATE: { description: 'Effective date; actions without one last.', orderBy: (direction) => [{ effectiveDate: { sort: direction, nulls: 'last' } }] },
    PLANNED_DATE: { description: 'Planned date; actions without one last.', orderBy: (direction) => [{ plannedDate: { sort: direction, nulls: 'last' } }] },
  },
  'POSITION',
)

builder.queryFields((t) => ({
  actions: t.prismaConnection(
    {
      type: 'Action',
      cursor: 'id',
      args: listArgs(ActionFilter, actionOrder),
      resolve: (query, _root, args) => db.action.findMany({ ...query, where: actionWhere(args.filter, args.territory), orderBy: actionOrder.toOrderBy(args.orderBy) }),
      totalCount: (_connection, args) => db.action.count({ where: actionWhere(args.filter, args.territory) }),
    },
    {},
  ),
}))

const ActionFieldsInput = builder.inputType('ActionFieldsInput', {
  description: 'Fields of an action. On update, absent fields are kept and null clears an optional one.',
  fields: (t) => ({
    title: t.string({ required: false }),
    description: t.string({ required: false }),
    domainId: t.globalID({ required: false }),
    instrument: t.field({ type: InstrumentEnum, required: false }),
    status: t.field({ type: ActionStatusEnum, required: false }),
    openness: t.field({ type: OpennessEnum, required: false }),
    effectiveDate: t.field({ type: 'Date', required: false }),
    plannedDate: t.field({ type: 'Date', required: false }),
    offerId: t.globalID({ required: false, description: 'The offer the action advances; null for a study or an internal measure.' }),
    sharedServiceId: t.globalID({ required: false, deprecationReason: 'Use offerId: a service commun is an Offer.' }),
    jointContractId: t.globalID({ required: false, deprecationReason: 'Use offerId: a joint contract is an Offer.' }),
    openToIds: t.globalIDList({ required: false }),
  }),
})

type FieldsInput = typeof ActionFieldsInput.$inferInput

function plain(fields: FieldsInput) {
  const id = (value: { id: string } | null | undefined) => (value === undefined ? undefined : (value?.id ?? null))
  const { sharedServiceId, jointContractId, offerId, ...rest } = fields
  // The deprecated service and contract ids name an offer too; offerId wins when several are given.
  const offer = [offerId, sharedServiceId, jointContractId].find((value) => value !== undefined)
  return {
    ...rest,
    domainId: id(fields.domainId) ?? undefined,
    offerId: id(offer),
    openToIds: fields.openToIds?.map((o) => o.id),
  }
}

const missing = (fields: FieldsInput) => (['title', 'domainId', 'instrument', 'status', 'openness'] as const).find((key) => fields[key] == null)

builder.mutationFields((t) => ({
  createAction: t.prismaField({
    type: ActionRef,
    ...adminWrite('CreateActionResult'),
    args: { input: t.arg({ type: ActionFieldsInput, required: true }) },
    resolve: (query, _root, { input }, { viewer }) => {
      const user = signedIn(viewer)
      const absent = missing(input)
      if (absent) throw new ValidationError('Ce champ est obligatoire.', absent)
      const fields = plain(input)
      const written = createAction(user, { ...fields, title: input.title!, domainId: fields.domainId!, instrument: input.instrument!, status: input.status!, openness: input.openness! })
      return readBack(query, written, (args) => db.action.findUniqueOrThrow(args))
    },
  }),
  updateAction: t.prismaField({
    type: ActionRef,
    ...adminWrite('UpdateActionResult'),
    args: { id: t.arg.globalID({ required: true }), expectedVersion: t.arg.int({ required: true }), input: t.arg({ type: ActionFieldsInput, required: true }) },
    resolve: (query, _root, { id, expectedVersion, input }, { viewer }) =>
      readBack(query, updateAction(signedIn(viewer), id.id, expectedVersion, plain(input)), (args) => db.action.findUniqueOrThrow(args)),
  }),
  archiveAction: t.prismaField({
    type: ActionRef,
    ...adminWrite('ArchiveActionResult'),
    args: { id: t.arg.globalID({ required: true }), expectedVersion: t.arg.int({ required: true }) },
    resolve: (query, _root, { id, expectedVersion }, { viewer }) =>
      readBack(query, archiveAction(signedIn(viewer), id.id, expectedVersion), (args) => db.action.findUniqueOrThrow(args)),
  }),
}))
