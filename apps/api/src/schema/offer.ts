import {
  costBasisLabels,
  costKeyLabel,
  costLabel,
  dueKindLabels,
  eligibilityLabels,
  joinDeliberationLabels,
  offerDueDates,
  offerHowToJoin,
  offerKindLabels,
  offerKindTerms,
  offerStatus,
  participationStateLabels,
  staffModeLabels,
  statusLabels,
  type CostKey,
} from '@mutualis/domain'
import { visibleOfferMembersWhere } from '../auth/visibility.ts'
import { builder } from '../builder.ts'
import { db } from '../db.ts'
import { offerWhere } from '../analytics/list-filters.ts'
import { today } from '../analytics/history.rules.ts'
import type { Offer } from '../generated/sqlite/client.ts'
import { joinDeliberationsOf, parseCostKey } from '../mutualisation/offer-fields.ts'
import { offersDue } from '../mutualisation/offer-due.service.ts'
import { queryFromInfo } from '@pothos/plugin-prisma'
import { ActionStatusEnum, CostKindEnum, EligibilityEnum, JoinDeliberationEnum, OfferKindEnum, ParticipationStateEnum, StaffModeEnum } from './enums.ts'
import { listOrder } from './list-order.ts'
import { territoryArgs } from './territory.ts'
import type { Prisma } from '../generated/sqlite/client.ts'

const euros = (cents: number | null) => (cents === null ? null : cents / 100)

const CostBasisEnum = builder.enumType('CostBasis', {
  values: Object.fromEntries(Object.entries(costBasisLabels).map(([value, label]) => [value, { value, description: label }])) as unknown as Record<keyof typeof costBasisLabels, { value: keyof typeof costBasisLabels }>,
})

const CostKeyPartRef = builder.objectRef<CostKey['parts'][number]>('CostKeyPart').implement({
  description: 'One basis of a clé de répartition and the share of the amount it distributes.',
  fields: (t) => ({
    basis: t.field({ type: CostBasisEnum, resolve: (part) => part.basis }),
    percent: t.exposeInt('percent', { description: 'Share of the amount distributed on this basis, in percent.' }),
    unit: t.exposeString('unit', { nullable: true, description: 'What a USAGE part counts (« acte pondéré », « heure », « repas »).' }),
  }),
})

const CostKeyRef = builder.objectRef<CostKey>('CostKey').implement({
  description: 'A clé de répartition: how the annual amount is shared among the members.',
  fields: (t) => ({
    parts: t.field({ type: [CostKeyPartRef], resolve: (key) => key.parts }),
    label: t.string({ description: '« 50 % population + 50 % acte pondéré ».', resolve: (key) => costKeyLabel(key) }),
  }),
})

const OfferCostRef = builder.objectRef<Offer>('OfferCost').implement({
  description: 'What the offer costs each year, as far as it is known: never an invented figure.',
  fields: (t) => ({
    kind: t.field({ type: CostKindEnum, resolve: (offer) => offer.costKind }),
    annualAmount: t.float({ nullable: true, description: 'Annual amount in euros, when known.', resolve: (offer) => (offer.costKind === 'AMOUNT' ? euros(offer.annualCostCents) : offer.costKind === 'FREE' ? 0 : null) }),
    year: t.exposeInt('costYear', { nullable: true, description: 'The year the amount is for.' }),
    label: t.string({
      description: '« 120 000 € par an », « Gratuit » or « Coût non renseigné ».',
      resolve: (offer) => costLabel(offer.costKind === 'AMOUNT' ? offer.annualCostCents : null, offer.costKind === 'FREE'),
    }),
    key: t.field({ type: CostKeyRef, nullable: true, description: 'The clé de répartition, when known.', resolve: (offer) => parseCostKey(offer.costKey) }),
    proRataFirstYear: t.exposeBoolean('proRataFirstYear', { description: 'A member joining during the year pays for the days it is a member only.' }),
  }),
})

const OfferDueRef = builder.objectRef<{ kind: 'END' | 'RENEWAL' | 'NOTICE'; date: Date }>('OfferDueDate').implement({
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'END, RENEWAL or NOTICE (last day to give notice).' }),
    label: t.string({ resolve: (due) => dueKindLabels[due.kind] }),
    date: t.field({ type: 'Date', resolve: (due) => due.date }),
  }),
})

const OfferTermsRef = builder.objectRef<Offer>('OfferTerms').implement({
  description: 'Start, end, renewal and notice; the legal basis and the deliberations needed to join.',
  fields: (t) => ({
    startDate: t.expose('startDate', { type: 'Date', nullable: true }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true }),
    renewalDate: t.expose('renewalDate', { type: 'Date', nullable: true }),
    tacitRenewal: t.exposeBoolean('tacitRenewal', { nullable: true, description: 'true: renewed unless notice is given; false: renewal needs a decision; null: not known.' }),
    noticeMonths: t.exposeInt('noticeMonths', { nullable: true }),
    dueDates: t.field({ type: [OfferDueRef], description: 'End, renewal and notice deadline, in date order.', resolve: (offer) => offerDueDates(offer) }),
    legalBasis: t.string({ description: 'The legal basis: the offer’s own, or the usual one of its kind.', resolve: (offer) => offer.legalBasis ?? offerKindTerms[offer.kind].legalBasis }),
    joinDeliberations: t.field({ type: [JoinDeliberationEnum], resolve: (offer) => joinDeliberationsOf(offer) }),
    joinDeliberationLabels: t.stringList({ resolve: (offer) => joinDeliberationsOf(offer).map((d) => joinDeliberationLabels[d]) }),
    howToJoin: t.string({ description: 'How a commune joins, in French.', resolve: (offer) => offerHowToJoin(offer.kind, joinDeliberationsOf(offer), offer.openingStudied) }),
  }),
})

builder.prismaObject('OfferMember', {
  description: 'An organisation’s membership of an offer, and the deliberation that made it so.',
  fields: (t) => ({
    organisation: t.relation('organisation'),
    state: t.expose('state', { type: ParticipationStateEnum }),
    stateLabel: t.string({ resolve: (member) => participationStateLabels[member.state] }),
    since: t.expose('since', { type: 'Date', nullable: true }),
    until: t.expose('until', { type: 'Date', nullable: true }),
    deliberationRef: t.exposeString('deliberationRef', { nullable: true }),
    deliberationDate: t.expose('deliberationDate', { type: 'Date', nullable: true }),
    fixedShare: t.exposeFloat('fixedShare', { nullable: true, description: 'Input of a FIXED key part.' }),
    usage: t.exposeFloat('usage', { nullable: true, description: 'Units used, input of a USAGE key part.' }),
    agentTime: t.exposeFloat('agentTime', { nullable: true, description: 'Agents’ time share, input of an AGENT_TIME key part.' }),
  }),
})

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

export const OfferFilter = builder.inputType('OfferFilter', {
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
    args: { filter: t.arg({ type: OfferFilter, required: false }), orderBy: t.arg({ type: offerOrder.Input, required: false }), ...territoryArgs },
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
