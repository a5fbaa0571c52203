import { costBasisLabels, costKeyLabel, costLabel, dueKindLabels, joinDeliberationLabels, offerDueDates, offerHowToJoin, offerKindTerms, type CostKey } from '@mutualis/domain'
import { builder } from '../builder.ts'
import type { Offer } from '../generated/sqlite/client.ts'
import { joinDeliberationsOf, parseCostKey } from '../mutualisation/offer-fields.ts'
import { CostKindEnum, JoinDeliberationEnum } from './enums.ts'

// An offer's terms and cost, read from the offer's own row: the Offer type shows them as
// `terms` and `cost`.

export const euros = (cents: number | null) => (cents === null ? null : cents / 100)

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

export const OfferCostRef = builder.objectRef<Offer>('OfferCost').implement({
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

export const OfferTermsRef = builder.objectRef<Offer>('OfferTerms').implement({
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
