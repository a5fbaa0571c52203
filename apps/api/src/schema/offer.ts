import { dueKindLabels, eligibilityLabels, offerKindLabels, offerStatus, staffModeLabels, statusLabels } from '@mutualis/domain'
import { queryFromInfo } from '@pothos/plugin-prisma'
import { today } from '../analytics/history.rules.ts'
import { signedIn } from '../auth/viewer.ts'
import { visibleOfferMembersWhere } from '../auth/visibility.ts'
import { builder } from '../builder.ts'
import { db } from '../db.ts'
import { NotFoundError, OfferConflictError, ValidationError } from '../errors.ts'
import type { Offer, Prisma } from '../generated/sqlite/client.ts'
import { archiveOffer, saveOffer } from '../mutualisation/offer-admin.service.ts'
import { dueWithinWhere, offersDue } from '../mutualisation/offer-due.service.ts'
import { searchWords } from '../mutualisation/search.service.ts'
import { ActionStatusEnum, CostKindEnum, EligibilityEnum, JoinDeliberationEnum, OfferKindEnum, StaffModeEnum } from './enums.ts'
import { UserErrorInterface } from './errors.ts'
import { defined, idOf, listArgs, listed, listOrder, since, territoryArgs, territoryWhere, type GlobalId } from './lists.ts'
import { OfferCostRef, OfferTermsRef } from './offer-terms.ts'
import { readBack } from './writes.ts'

builder.prismaObject('OfferStaff', {
  description: 'Agents of an organisation taking part in an offer.',
  fields: (t) => ({
    organisation: t.relation('organisation'),
    mode: t.expose('mode', { type: StaffModeEnum }),
    modeLabel: t.string({ resolve: (staff) => staffModeLabels[staff.mode] }),
    fte: t.exposeFloat('fte', { description: 'Full-time equivalents.' }),
    note: t.exposeString('note', { nullable: true }),
  }),
})

const statusSelect = { status: true, actions: { where: { archivedAt: null }, select: { status: true } } } as const

export const OfferRef = builder.prismaNode('Offer', {
  id: { field: 'id' },
  nullable: true,
  description: 'What a commune is in or can join — a service commun, a convention, a groupement de commandes… — on what terms, at what cost.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable reference of the offer within its territory.' }),
    name: t.exposeString('name', { description: 'A name a maire understands on its own.' }),
    summary: t.exposeString('summary', { nullable: true }),
    contact: t.exposeString('contact', { nullable: true, description: 'Whom a commune asks about the offer; null: not given.' }),
    kind: t.expose('kind', { type: OfferKindEnum }),
    kindLabel: t.string({ resolve: (offer) => offerKindLabels[offer.kind] }),
    domain: t.relation('domain', { nullable: true }),
    provider: t.relation('provider', { nullable: true, description: 'Who runs it.' }),
    status: t.field({
      type: ActionStatusEnum,
      description: 'Set by the coordination team, otherwise that of its furthest-along action.',
      select: statusSelect,
      resolve: (offer) => offerStatus(offer.status, offer.actions.map((a) => a.status)),
    }),
    statusLabel: t.string({ select: statusSelect, resolve: (offer) => statusLabels[offerStatus(offer.status, offer.actions.map((a) => a.status))] }),
    eligibility: t.expose('eligibility', { type: EligibilityEnum }),
    eligibilityLabel: t.string({ resolve: (offer) => eligibilityLabels[offer.eligibility] }),
    listed: t.relation('listed', { description: 'For eligibility LISTED: the organisations it is offered to.', query: { orderBy: { searchName: 'asc' } } }),
    openingStudied: t.exposeBoolean('openingStudied', { description: 'Opening to the eligible organisations is still being studied.' }),
    members: t.relation('members', {
      description: 'Members, planned and former members; a request shows only to those who may see it.',
      query: (_args, { viewer }) => ({ where: visibleOfferMembersWhere(viewer), orderBy: [{ state: 'asc' }, { organisation: { searchName: 'asc' } }] }),
    }),
    unnamedMembers: t.exposeInt('unnamedMembers', { nullable: true, description: 'Members the source counts without naming them.' }),
    terms: t.field({ type: OfferTermsRef, resolve: (offer) => offer }),
    cost: t.field({ type: OfferCostRef, resolve: (offer) => offer }),
    staff: t.relation('staff', { description: 'Agents made available, transferred, shared or recruited, in FTE.', query: { orderBy: [{ mode: 'asc' }, { organisation: { searchName: 'asc' } }] } }),
    actions: t.relation('actions', { description: 'The schéma’s progress items that advance this offer.', query: { where: { archivedAt: null }, orderBy: { position: 'asc' } } }),
    updatedAt: t.expose('updatedAt', { type: 'Date' }),
    version: t.exposeInt('version', { description: 'Bumped by every change; send it back to detect concurrent edits.' }),
  }),
})

builder.objectType(OfferConflictError, {
  name: 'OfferConflictError',
  interfaces: [UserErrorInterface],
  isTypeOf: (value) => value instanceof OfferConflictError,
  fields: (t) => ({
    current: t.field({ type: OfferRef, description: 'The offer as it stands now.', resolve: (error) => error.current as Offer }),
  }),
})

const offerWriteErrors = [ValidationError, NotFoundError, OfferConflictError]

/** An admin's write to an offer or its members: its result, or one of its errors in a union named `name`. */
export const offerWrite = (name: string) => ({ authScopes: { admin: true }, errors: { types: offerWriteErrors, directResult: true, union: { name } } }) as const

const OfferFilter = builder.inputType('OfferFilter', {
  fields: (t) => ({
    kind: t.field({ type: [OfferKindEnum], required: false }),
    eligibility: t.field({ type: [EligibilityEnum], required: false }),
    domain: t.globalID({ required: false, description: 'Global id of a Domain.' }),
    member: t.globalID({ required: false, description: 'Only offers this organisation (or commune) is a member of.' }),
    memberCommuneInseeCode: t.string({ required: false, description: 'Only offers this commune is a member of.' }),
    search: t.string({ required: false, description: 'Words of the name or summary; case and accents ignored.' }),
    dueWithinMonths: t.int({ required: false, description: 'Only offers whose end or renewal falls between today and this many months from today.' }),
    updatedSince: t.field({ type: 'Date', required: false, description: 'Only offers changed on or after this day.' }),
  }),
})

/** Offers a commune (by its INSEE code) or an organisation (by its global id) is a member of today: planned or former members are not. */
export function memberToday(inseeCode: string | null | undefined, organisation: GlobalId): Prisma.OfferWhereInput {
  const organisationId = idOf(organisation, 'Organisation', 'Commune')
  const member = inseeCode ? { inseeCode } : organisationId ? { id: organisationId } : undefined
  return member ? { members: { some: { state: 'MEMBER', organisation: member } } } : {}
}

function offerWhere(filter: typeof OfferFilter.$inferInput | null | undefined, territorySiren: string | null | undefined, now: Date): Prisma.OfferWhereInput {
  return defined({
    archivedAt: null,
    ...territoryWhere(territorySiren),
    kind: listed(filter?.kind),
    eligibility: listed(filter?.eligibility),
    domainId: idOf(filter?.domain, 'Domain'),
    updatedAt: since(filter?.updatedSince),
    ...memberToday(filter?.memberCommuneInseeCode, filter?.member),
    ...dueWithinWhere(filter?.dueWithinMonths, now),
    AND: searchWords(filter?.search).map((word) => ({ searchText: { contains: word } })),
  })
}

const offerOrder = listOrder<'NAME' | 'END_DATE' | 'RENEWAL_DATE' | 'UPDATED_AT', Prisma.OfferOrderByWithRelationInput>(
  'Offer',
  {
    NAME: { description: 'Name, alphabetical (default).', orderBy: (d) => [{ name: d }] },
    END_DATE: { description: 'End date; unknown ones last.', orderBy: (d) => [{ endDate: { sort: d, nulls: 'last' } }] },
    RENEWAL_DATE: { description: 'Renewal date; unknown ones last.', orderBy: (d) => [{ renewalDate: { sort: d, nulls: 'last' } }] },
    UPDATED_AT: { description: 'Last change.', orderBy: (d) => [{ updatedAt: d }] },
  },
  'NAME',
)

const OfferDueEntry = builder.objectRef<{ offer: Offer; kind: 'END' | 'RENEWAL' | 'NOTICE'; date: Date }>('OfferDue').implement({
  description: 'A date an offer’s terms put in the calendar: its end, its renewal, or the last day to give notice.',
  fields: (t) => ({
    offer: t.field({ type: OfferRef, resolve: (due) => due.offer }),
    kind: t.exposeString('kind', { description: 'END, RENEWAL or NOTICE.' }),
    label: t.string({ resolve: (due) => dueKindLabels[due.kind] }),
    date: t.field({ type: 'Date', resolve: (due) => due.date }),
  }),
})

builder.queryFields((t) => ({
  offers: t.prismaConnection({
    type: OfferRef,
    cursor: 'id',
    description: 'What communes are in or can join, filtered, sorted and paginated.',
    args: listArgs(OfferFilter, offerOrder),
    resolve: (query, _root, args) => db.offer.findMany({ ...query, where: offerWhere(args.filter, args.territory, today()), orderBy: offerOrder.toOrderBy(args.orderBy) }),
    totalCount: (_connection, args) => db.offer.count({ where: offerWhere(args.filter, args.territory, today()) }),
  }),
  offersDue: t.field({
    type: [OfferDueEntry],
    description: 'Ends, renewals and notice deadlines falling between today and that many months ahead, in date order.',
    args: { withinMonths: t.arg.int({ required: true, description: 'From 0 to 120.' }), ...territoryArgs },
    resolve: (_root, args, context, info) => offersDue(args.withinMonths, args.territory, queryFromInfo({ context, info, typeName: 'Offer', path: ['offer'] })),
  }),
}))

const CostKeyPartInput = builder.inputType('CostKeyPartInput', {
  fields: (t) => ({
    basis: t.string({ required: true, description: 'FIXED, POPULATION, USAGE or AGENT_TIME.' }),
    percent: t.int({ required: true, description: 'Whole percent; the parts add up to 100.' }),
    unit: t.string({ required: false, description: 'For USAGE: what is counted (« acte pondéré », « heure », « repas »).' }),
  }),
})

const StaffInput = builder.inputType('OfferStaffInput', {
  fields: (t) => ({
    organisationId: t.globalID({ required: true }),
    mode: t.field({ type: StaffModeEnum, required: true }),
    fte: t.float({ required: true, description: 'Full-time equivalents.' }),
    note: t.string({ required: false }),
  }),
})

const OfferInput = builder.inputType('OfferInput', {
  description: 'The whole offer: on update, every field is replaced (absent optional fields are cleared).',
  fields: (t) => ({
    id: t.globalID({ required: false, description: 'Absent: a new offer.' }),
    expectedVersion: t.int({ required: false, description: 'On update: the version you read; a concurrent change is then refused.' }),
    name: t.string({ required: true, description: 'A name a maire understands on its own.' }),
    summary: t.string({ required: false }),
    kind: t.field({ type: OfferKindEnum, required: true }),
    domainId: t.globalID({ required: false }),
    providerId: t.globalID({ required: false, description: 'Who runs it.' }),
    status: t.field({ type: ActionStatusEnum, required: false, description: 'Absent: derived from its actions.' }),
    eligibility: t.field({ type: EligibilityEnum, required: true }),
    listedIds: t.globalIDList({ required: false, description: 'For eligibility LISTED.' }),
    openingStudied: t.boolean({ required: false }),
    unnamedMembers: t.int({ required: false }),
    startDate: t.field({ type: 'Date', required: false }),
    endDate: t.field({ type: 'Date', required: false }),
    renewalDate: t.field({ type: 'Date', required: false }),
    tacitRenewal: t.boolean({ required: false }),
    noticeMonths: t.int({ required: false }),
    legalBasis: t.string({ required: false, description: 'Absent: the usual one of its kind.' }),
    contact: t.string({ required: false, description: 'Whom a commune asks about the offer: a service, a person, an address.' }),
    joinDeliberations: t.field({ type: [JoinDeliberationEnum], required: false, description: 'Absent: the usual ones of its kind.' }),
    costKind: t.field({ type: CostKindEnum, required: false, description: 'Absent: UNKNOWN.' }),
    annualAmount: t.float({ required: false, description: 'Euros per year, with costKind AMOUNT.' }),
    costYear: t.int({ required: false }),
    costKey: t.field({ type: [CostKeyPartInput], required: false, description: 'The clé de répartition, part by part.' }),
    proRataFirstYear: t.boolean({ required: false }),
    staff: t.field({ type: [StaffInput], required: false, description: 'Replaces the offer’s staff lines when given.' }),
  }),
})

builder.mutationFields((t) => ({
  saveOffer: t.prismaField({
    type: OfferRef,
    ...offerWrite('SaveOfferResult'),
    args: { input: t.arg({ type: OfferInput, required: true }) },
    resolve: (query, _root, { input }, { viewer }) => {
      const { id, expectedVersion, domainId, providerId, listedIds, staff, costKey, ...fields } = input
      const written = saveOffer(
        signedIn(viewer),
        id?.id ?? null,
        {
          ...fields,
          domainId: domainId?.id ?? null,
          providerId: providerId?.id ?? null,
          listedIds: listedIds?.map((o) => o.id) ?? null,
          staff: staff?.map((s) => ({ ...s, organisationId: s.organisationId.id })) ?? null,
          costKey: costKey ? { parts: costKey.map((p) => ({ basis: p.basis, percent: p.percent, unit: p.unit ?? null })) } : null,
        },
        expectedVersion ?? null,
      )
      return readBack(query, written, (args) => db.offer.findUniqueOrThrow(args))
    },
  }),
  archiveOffer: t.prismaField({
    type: OfferRef,
    ...offerWrite('ArchiveOfferResult'),
    args: { id: t.arg.globalID({ required: true }) },
    resolve: (query, _root, { id }, { viewer }) => readBack(query, archiveOffer(signedIn(viewer), id.id), (args) => db.offer.findUniqueOrThrow(args)),
  }),
}))
