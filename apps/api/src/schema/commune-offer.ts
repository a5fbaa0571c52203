import { communeMembershipLabels, communeMemberships, costLabel, costYearCheck, euroAmount, fteAmount, participationStateLabels, paysIn, type CommuneMembership } from '@mutualis/domain'
import { queryFromInfo } from '@pothos/plugin-prisma'
import { builder } from '../builder.ts'
import { ValidationError } from '../errors.ts'
import type { Offer } from '../generated/sqlite/client.ts'
import { communeOfferFacts, withOffers, type CommuneOfferFacts } from '../mutualisation/commune-offers.service.ts'
import { Commune } from './commune.ts'
import { ParticipationStateEnum } from './enums.ts'
import { OfferRef } from './offer.ts'
import { euros } from './offer-terms.ts'

// A commune's offers and the L5211-39-1 figure: what it is in, can join or is studying, at what
// cost and with how many agents.

const CommuneMembershipEnum = builder.enumType('CommuneMembership', {
  description: 'Where a commune stands with an offer.',
  values: Object.fromEntries(communeMemberships.map((value) => [value, { value, description: communeMembershipLabels[value] }])) as unknown as Record<CommuneMembership, { value: CommuneMembership }>,
})

type Entry = CommuneOfferFacts & { offer: Offer }

function checkedYear(year: number | null | undefined): number {
  const value = year ?? new Date().getUTCFullYear()
  const check = costYearCheck(value)
  if (!check.ok) throw new ValidationError(check.reason, 'year')
  return value
}

const CommuneOfferRef = builder.objectRef<Entry>('CommuneOffer').implement({
  description: 'An offer as one commune sees it: its membership, how to join, what it costs the commune.',
  fields: (t) => ({
    offer: t.field({ type: OfferRef, resolve: (entry) => entry.offer }),
    membership: t.field({ type: CommuneMembershipEnum, resolve: (entry) => entry.membership }),
    membershipLabel: t.string({ resolve: (entry) => (entry.state === 'PLANNED' ? participationStateLabels.PLANNED : communeMembershipLabels[entry.membership]) }),
    state: t.field({ type: ParticipationStateEnum, nullable: true, description: 'The commune’s membership state, when it has one (PLANNED: decided, not started).', resolve: (entry) => entry.state }),
    since: t.field({ type: 'Date', nullable: true, resolve: (entry) => entry.since }),
    until: t.field({ type: 'Date', nullable: true, resolve: (entry) => entry.until }),
    pendingRequest: t.boolean({ description: 'The commune has asked to join and awaits the decision.', resolve: (entry) => entry.pendingRequest }),
    howToJoin: t.string({ nullable: true, description: 'For an offer the commune is not in: the steps to join, in French.', resolve: (entry) => entry.howToJoin }),
    annualCost: t.float({
      nullable: true,
      description: 'Euros for the year: what the commune pays as a member, or would pay for a full year if it joined; 0 when free, null when not known.',
      resolve: (entry) => euros(entry.annualCostCents),
    }),
    annualCostLabel: t.string({ description: '« 1 234 € par an », « Gratuit » or « Coût non renseigné ».', resolve: (entry) => costLabel(entry.annualCostCents, entry.free) }),
    staffFte: t.float({ description: 'Agents of the commune taking part, in FTE.', resolve: (entry) => entry.staffFte }),
  }),
})

const ImpactLineRef = builder.objectRef<Entry>('ImpactLine').implement({
  description: 'One offer’s share of a commune’s yearly impact.',
  fields: (t) => ({
    offer: t.field({ type: OfferRef, resolve: (entry) => entry.offer }),
    state: t.field({ type: ParticipationStateEnum, nullable: true, description: 'The commune’s membership state (FORMER: it left, and paid for part of the year); null in ifJoined.', resolve: (entry) => entry.state }),
    annualCost: t.float({ nullable: true, description: 'Euros for the year; null when not known.', resolve: (entry) => euros(entry.annualCostCents) }),
    staffFte: t.float({ resolve: (entry) => entry.staffFte }),
  }),
})

interface Impact {
  year: number
  members: Entry[]
  joinable: Entry[]
}

const sum = (values: Array<number | null>) => values.reduce<number>((total, value) => total + (value ?? 0), 0)

const CommuneImpactRef = builder.objectRef<Impact>('CommuneImpact').implement({
  description: 'The expected impact on the commune’s operating costs and staff (art. L5211-39-1 CGCT), for one year.',
  fields: (t) => ({
    year: t.exposeInt('year'),
    annualCost: t.float({ description: 'Euros: the sum of the known costs of the offers the commune is in.', resolve: (impact) => sum(impact.members.map((e) => e.annualCostCents)) / 100 }),
    // Labels as well as numbers: the phone's first screen then shows them without loading the locale data of Intl.
    annualCostLabel: t.string({ description: 'annualCost as French text: « 12 345 € ».', resolve: (impact) => euroAmount(sum(impact.members.map((e) => e.annualCostCents))) }),
    unknownCostOffers: t.int({ description: 'Offers the commune is in whose cost for it is not known (not counted in annualCost).', resolve: (impact) => impact.members.filter((e) => e.annualCostCents === null).length }),
    staffFte: t.float({ description: 'Agents of the commune taking part in its offers, in FTE.', resolve: (impact) => sum(impact.members.map((e) => e.staffFte)) }),
    staffFteLabel: t.string({ description: 'staffFte as French text: « 0,5 ETP ».', resolve: (impact) => fteAmount(sum(impact.members.map((e) => e.staffFte))) }),
    byOffer: t.field({ type: [ImpactLineRef], description: 'One line per offer the commune is in, or was in during the year.', resolve: (impact) => impact.members }),
    ifJoined: t.field({ type: [ImpactLineRef], description: 'What joining each offer open to the commune would add for a full year.', resolve: (impact) => impact.joinable }),
  }),
})

builder.prismaObjectFields(Commune, (t) => ({
  offers: t.field({
    type: [CommuneOfferRef],
    description: 'Offers the commune is in, can join, is studying, has asked for or has left; a convention between other parties never shows.',
    select: { id: true, territoryId: true },
    args: {
      membership: t.arg({ type: [CommuneMembershipEnum], required: false, description: 'Only these; all when omitted.' }),
      year: t.arg.int({ required: false, description: 'Year of the costs; this year when omitted.' }),
    },
    resolve: async (commune, args, context, info) => {
      const wanted = args.membership?.length ? new Set(args.membership) : null
      const facts = (await communeOfferFacts(commune, context.viewer, checkedYear(args.year), context)).filter((f) => !wanted || wanted.has(f.membership))
      return withOffers(facts, commune.territoryId, queryFromInfo({ context, info, typeName: 'Offer', path: ['offer'] }), context)
    },
  }),
  impact: t.field({
    type: CommuneImpactRef,
    description: 'Annual cost and FTE for the commune, by offer, and what joining an open offer would add.',
    select: { id: true, territoryId: true },
    args: { year: t.arg.int({ required: false, description: 'Calendar year; this year when omitted.' }) },
    resolve: async (commune, args, context) => {
      const year = checkedYear(args.year)
      const entries = await withOffers(await communeOfferFacts(commune, context.viewer, year, context), commune.territoryId, {}, context)
      // A former member left during or after the year still bore its costs for the days it was in.
      const inYear = (e: Entry) => e.membership === 'MEMBER' || (e.state === 'FORMER' && paysIn({ state: e.state, since: e.since, until: e.until }, year))
      return { year, members: entries.filter(inYear), joinable: entries.filter((e) => e.membership === 'JOINABLE') }
    },
  }),
}))
