import type { CommuneDetail, CommuneOffer } from '@mutualis/schema/documents/commune'
import type { OfferDetail, OfferMember } from '@mutualis/schema/documents/offer'
import type { OutboxItem } from '../../apps/pwa/src/lib/outbox.rules.ts'

let sequence = 0
const nextId = (prefix: string) => `${prefix}-${++sequence}`

const domains = {
  achats: { id: 'domain-achats', name: 'Achats publics', position: 2 },
  rh: { id: 'domain-rh', name: 'Ressources humaines', position: 1 },
}

/** An offer as a commune sees it; by default one it can join, free of charge. */
export function createCommuneOffer(
  overrides: Partial<Omit<CommuneOffer, 'offer'>> & { name?: string; domain?: keyof typeof domains | null; offer?: Partial<CommuneOffer['offer']> } = {},
): CommuneOffer {
  const { name, domain = 'achats', offer, ...rest } = overrides
  return {
    membership: 'JOINABLE',
    membershipLabel: 'Peut rejoindre',
    state: null,
    since: null,
    pendingRequest: false,
    howToJoin: 'Délibération du conseil municipal, puis signature de la convention.',
    annualCostLabel: 'Gratuit',
    staffFte: 0,
    ...rest,
    offer: {
      id: nextId('offer'),
      name: name ?? 'Groupement de commandes Électricité',
      kind: 'GROUPEMENT_DE_COMMANDES',
      kindLabel: 'Groupement de commandes',
      status: 'IN_PROGRESS',
      statusLabel: 'En cours',
      domain: domain ? domains[domain] : null,
      actions: [{ id: nextId('action') }],
      ...offer,
    },
  }
}

export function createCommune(overrides: Partial<CommuneDetail> = {}): CommuneDetail {
  return {
    id: nextId('commune'),
    inseeCode: '21166',
    name: 'Chenôve',
    territory: { id: 'territory-dijon', siren: '242100410' },
    offers: [],
    impact: { year: 2026, annualCost: 0, annualCostLabel: '0 €', unknownCostOffers: 0, staffFte: 0, staffFteLabel: '0 ETP', byOffer: [] },
    ...overrides,
  }
}

/** An offer as its own page reads it; by default a service commun with no member yet. */
export function createOfferDetail(overrides: Partial<OfferDetail> = {}): OfferDetail {
  return {
    __typename: 'Offer',
    id: nextId('offer'),
    name: 'Service commun Archives',
    summary: null,
    contact: null,
    kindLabel: 'Service commun',
    status: 'IN_PROGRESS',
    domain: null,
    provider: null,
    terms: { startDate: null, endDate: null, renewalDate: null, tacitRenewal: null, noticeMonths: null, dueDates: [], legalBasis: 'Art. L5211-4-2 CGCT', joinDeliberationLabels: [], howToJoin: 'Délibération du conseil municipal.' },
    cost: { kind: 'UNKNOWN', label: 'Coût non renseigné', key: null },
    staff: [],
    members: [],
    unnamedMembers: null,
    actions: [],
    ...overrides,
  }
}

export function createMember(overrides: Partial<OfferMember> & { name?: string } = {}): OfferMember {
  const { name, ...rest } = overrides
  return { organisation: { id: nextId('organisation'), name: name ?? 'Talant' }, state: 'MEMBER', stateLabel: 'Membre', since: '2022-01-01', ...rest }
}

export function createProgressItem(overrides: Partial<Extract<OutboxItem, { kind: 'progress' }>> = {}): OutboxItem {
  const id = overrides.id ?? nextId('cmid')
  return {
    id,
    kind: 'progress',
    label: 'Service commun Informatique',
    createdAt: new Date(Date.UTC(2026, 10, 28, 9, sequence)).toISOString(),
    state: 'pending',
    input: { actionId: 'action-1', status: 'IN_PROGRESS', note: 'Convention signée', date: '2026-11-28', meeting: null, clientMutationId: id, expectedVersion: 1 },
    ...overrides,
  } as OutboxItem
}
