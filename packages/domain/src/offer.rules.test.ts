import { describe, expect, it } from 'vitest'
import type { ActionStatus, JoinDeliberation, OfferKind, ParticipationState } from './enums.ts'
import { communeMembership, dueWithin, offerDueDates, offerHowToJoin, offerKindTerms, offerStatus, type OfferForCommune, type OfferTerms } from './offer.rules.ts'

const createOffer = (overrides: Partial<OfferForCommune> = {}): OfferForCommune => ({
  eligibility: 'ALL_COMMUNES',
  listed: [],
  openingStudied: false,
  status: 'IMPLEMENTED',
  archived: false,
  ...overrides,
})
const createTerms = (overrides: Partial<OfferTerms> = {}): OfferTerms => ({ endDate: null, renewalDate: null, noticeMonths: null, ...overrides })
const day = (iso: string) => new Date(`${iso}T00:00:00Z`)
const calendar = (dues: Array<{ kind: string; date: Date }>) => dues.map((due) => `${due.kind} ${due.date.toISOString().slice(0, 10)}`)

describe('offerStatus', () => {
  it.each<{ case: string; set: ActionStatus | null; actions: ActionStatus[]; expected: ActionStatus }>([
    { case: 'the status the coordination team set wins', set: 'TO_STUDY', actions: ['IMPLEMENTED'], expected: 'TO_STUDY' },
    { case: 'otherwise the furthest-along action', set: null, actions: ['PLANNED', 'IN_PROGRESS', 'NOT_STARTED'], expected: 'IN_PROGRESS' },
    { case: 'a service in place whose widening is studied stays in place', set: null, actions: ['TO_STUDY', 'IMPLEMENTED'], expected: 'IMPLEMENTED' },
    { case: 'an abandoned action does not hide one still planned', set: null, actions: ['ABANDONED', 'PLANNED'], expected: 'PLANNED' },
    { case: 'all actions abandoned', set: null, actions: ['ABANDONED', 'ABANDONED'], expected: 'ABANDONED' },
    { case: 'no action', set: null, actions: [], expected: 'NOT_REPORTED' },
  ])('$case', ({ set, actions, expected }) => {
    expect(offerStatus(set, actions)).toBe(expected)
  })
})

describe('communeMembership', () => {
  it.each<{ case: string; offer: Partial<OfferForCommune>; state: ParticipationState | null; pending?: boolean; expected: string | null }>([
    { case: 'a member of an offer open to all', offer: {}, state: 'MEMBER', expected: 'MEMBER' },
    { case: 'a member between named parties', offer: { eligibility: 'CLOSED' }, state: 'MEMBER', expected: 'MEMBER' },
    { case: 'a planned member of an offer listing others', offer: { eligibility: 'LISTED', listed: ['talant'] }, state: 'PLANNED', expected: 'MEMBER' },
    { case: 'a member of an archived offer', offer: { archived: true }, state: 'MEMBER', expected: 'MEMBER' },
    { case: 'an offer between named parties', offer: { eligibility: 'CLOSED' }, state: null, expected: null },
    { case: 'an offer listing the commune', offer: { eligibility: 'LISTED', listed: ['chenove'] }, state: null, expected: 'JOINABLE' },
    { case: 'an offer listing other communes', offer: { eligibility: 'LISTED', listed: ['talant'] }, state: null, expected: null },
    { case: 'an offer open to all communes', offer: {}, state: null, expected: 'JOINABLE' },
    { case: 'an opening under study', offer: { openingStudied: true }, state: null, expected: 'UNDER_STUDY' },
    { case: 'an offer itself still to study', offer: { status: 'TO_STUDY' }, state: null, expected: 'UNDER_STUDY' },
    { case: 'an opening studied for other communes only', offer: { eligibility: 'LISTED', listed: ['talant'], openingStudied: true }, state: null, expected: null },
    { case: 'an abandoned offer', offer: { status: 'ABANDONED' }, state: null, expected: null },
    { case: 'an archived offer', offer: { archived: true }, state: null, expected: null },
    { case: 'a request on an abandoned offer', offer: { status: 'ABANDONED' }, state: 'REQUESTED', expected: null },
    { case: 'a former member of an abandoned offer', offer: { status: 'ABANDONED' }, state: 'FORMER', expected: 'FORMER' },
    { case: 'a former member of an archived offer', offer: { archived: true }, state: 'FORMER', expected: 'FORMER' },
    { case: 'a former member of an offer between named parties', offer: { eligibility: 'CLOSED' }, state: 'FORMER', expected: 'FORMER' },
    { case: 'a former member of an open offer', offer: {}, state: 'FORMER', expected: 'FORMER' },
    { case: 'a pending request on an open offer', offer: {}, state: null, pending: true, expected: 'REQUESTED' },
    { case: 'a pending request of a former member coming back', offer: {}, state: 'FORMER', pending: true, expected: 'REQUESTED' },
    { case: 'a pending request on an offer listing others', offer: { eligibility: 'LISTED', listed: ['talant'] }, state: null, pending: true, expected: null },
    { case: 'a pending request on an offer between named parties', offer: { eligibility: 'CLOSED' }, state: null, pending: true, expected: null },
    { case: 'a pending request on an archived offer', offer: { archived: true }, state: null, pending: true, expected: null },
  ])('$case', ({ offer, state, pending = false, expected }) => {
    expect(communeMembership('chenove', createOffer(offer), state, pending)).toBe(expected)
  })
})

describe('offerDueDates', () => {
  it.each<{ case: string; terms: Partial<OfferTerms>; expected: string[] }>([
    { case: 'no date', terms: { noticeMonths: 3 }, expected: [] },
    { case: 'an end only', terms: { endDate: day('2027-12-31') }, expected: ['END 2027-12-31'] },
    { case: 'a renewal without notice', terms: { renewalDate: day('2027-01-01'), noticeMonths: 0 }, expected: ['RENEWAL 2027-01-01'] },
    { case: 'notice counted back from the renewal', terms: { renewalDate: day('2027-01-01'), noticeMonths: 3 }, expected: ['NOTICE 2026-10-01', 'RENEWAL 2027-01-01'] },
    { case: 'notice counted back from the end when there is no renewal date', terms: { endDate: day('2026-12-31'), noticeMonths: 6 }, expected: ['NOTICE 2026-06-30', 'END 2026-12-31'] },
    {
      case: 'notice from the renewal, not the end, and the three in date order',
      terms: { endDate: day('2026-03-31'), renewalDate: day('2026-12-31'), noticeMonths: 6 },
      expected: ['END 2026-03-31', 'NOTICE 2026-06-30', 'RENEWAL 2026-12-31'],
    },
    { case: 'renewal on 31 March, one month: 28 February', terms: { renewalDate: day('2027-03-31'), noticeMonths: 1 }, expected: ['NOTICE 2027-02-28', 'RENEWAL 2027-03-31'] },
    { case: 'renewal on 31 March of a leap year, one month: 29 February', terms: { renewalDate: day('2028-03-31'), noticeMonths: 1 }, expected: ['NOTICE 2028-02-29', 'RENEWAL 2028-03-31'] },
    { case: 'notice across the new year', terms: { renewalDate: day('2027-01-15'), noticeMonths: 2 }, expected: ['NOTICE 2026-11-15', 'RENEWAL 2027-01-15'] },
  ])('$case', ({ terms, expected }) => {
    expect(calendar(offerDueDates(createTerms(terms)))).toEqual(expected)
  })
})

describe('dueWithin', () => {
  // Renewal on 30 June 2026 with three months' notice: notice by 30 March 2026; the end, 1 July, falls after a window from 30 March.
  const terms = createTerms({ endDate: day('2026-07-01'), renewalDate: day('2026-06-30'), noticeMonths: 3 })

  it.each([
    { case: 'the notice due today and the renewal on the window’s last day', today: '2026-03-30', months: 3, expected: ['NOTICE 2026-03-30', 'RENEWAL 2026-06-30'] },
    { case: 'nothing once the dates are past', today: '2026-07-02', months: 12, expected: [] },
    { case: 'only today with a window of zero months', today: '2026-03-30', months: 0, expected: ['NOTICE 2026-03-30'] },
    { case: 'a window that stops the day before the renewal', today: '2026-03-29', months: 3, expected: ['NOTICE 2026-03-30'] },
  ])('$case', ({ today, months, expected }) => {
    expect(calendar(dueWithin(terms, day(today), months))).toEqual(expected)
  })

  it('keeps the notice due today when asked in the afternoon', () => {
    expect(calendar(dueWithin(terms, new Date('2026-03-30T14:30:00Z'), 1))).toEqual(['NOTICE 2026-03-30'])
  })
})

describe('offerHowToJoin', () => {
  it.each<{ case: string; kind: OfferKind; deliberations: JoinDeliberation[]; studied: boolean; expected: string }>([
    {
      case: 'a service commun lists its three deliberations',
      kind: 'SERVICE_COMMUN',
      deliberations: offerKindTerms.SERVICE_COMMUN.joinDeliberations,
      studied: false,
      expected:
        'Délibération du conseil municipal, délibération du conseil communautaire ou métropolitain, avis du comité social territorial (agents concernés), puis signature de la convention.',
    },
    {
      case: 'a groupement de commandes asks only the municipal council',
      kind: 'GROUPEMENT_DE_COMMANDES',
      deliberations: ['COMMUNE_COUNCIL'],
      studied: false,
      expected: 'Délibération du conseil municipal, puis signature de la convention.',
    },
    {
      case: 'a réseau needs no deliberation',
      kind: 'RESEAU',
      deliberations: offerKindTerms.RESEAU.joinDeliberations,
      studied: false,
      expected: 'Désigner un référent auprès de la mission de coordination : aucune délibération nécessaire.',
    },
    {
      case: 'an opening studied says so first',
      kind: 'ENTENTE',
      deliberations: ['COMMUNE_COUNCIL', 'EPCI_COUNCIL'],
      studied: true,
      expected:
        "Ouverture à l'étude : signaler l'intérêt de la commune à la mission de coordination. À l'issue de l'étude : délibération du conseil municipal, délibération du conseil communautaire ou métropolitain, puis signature de la convention.",
    },
  ])('$case', ({ kind, deliberations, studied, expected }) => {
    expect(offerHowToJoin(kind, deliberations, studied)).toBe(expected)
  })

  it('asks a municipal deliberation for every kind but a réseau', () => {
    const without = Object.entries(offerKindTerms).filter(([, terms]) => !terms.joinDeliberations.includes('COMMUNE_COUNCIL')).map(([kind]) => kind)
    expect(without).toEqual(['RESEAU'])
  })
})
