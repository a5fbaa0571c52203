import {
  communeMembership,
  costIfJoined,
  memberCostsForYear,
  offerHowToJoin,
  offerStatus,
  type CommuneMembership,
  type CostedMember,
  type ParticipationState,
} from '@mutualis/domain'
import { visibleJoinRequestsWhere, visibleOfferMembersWhere } from '../auth/visibility.ts'
import type { Viewer } from '../auth/viewer.ts'
import { db } from '../db.ts'
import type { Offer, Prisma } from '../generated/sqlite/client.ts'
import { joinDeliberationsOf, parseCostKey } from './offer-fields.ts'

/** What the rules read of every offer of a territory: one statement, whatever the query asks for. */
function ruleData(territoryId: string, viewer: Viewer) {
  return db.offer.findMany({
    where: { territoryId, archivedAt: null },
    select: {
      id: true, kind: true, eligibility: true, openingStudied: true, status: true, joinDeliberations: true,
      costKind: true, annualCostCents: true, costKey: true, proRataFirstYear: true,
      listed: { select: { id: true } },
      actions: { where: { archivedAt: null }, select: { status: true } },
      members: {
        where: visibleOfferMembersWhere(viewer),
        select: { organisationId: true, state: true, since: true, until: true, fixedShare: true, usage: true, agentTime: true, organisation: { select: { population: true } } },
      },
      staff: { select: { organisationId: true, fte: true } },
    },
    orderBy: [{ domain: { position: 'asc' } }, { name: 'asc' }],
  })
}

type RuleOffer = Awaited<ReturnType<typeof ruleData>>[number]

export interface CommuneOfferFacts {
  offerId: string
  membership: CommuneMembership
  state: ParticipationState | null
  since: Date | null
  until: Date | null
  pendingRequest: boolean
  /** How to join, for an offer the commune is not in. */
  howToJoin: string | null
  /** Cents: a member's cost for the year, or what joining would cost; null when not known. */
  annualCostCents: number | null
  /** The offer costs nothing. */
  free: boolean
  staffFte: number
}

const costedMembers = (offer: RuleOffer): CostedMember[] =>
  offer.members.map((m) => ({ id: m.organisationId, state: m.state, since: m.since, until: m.until, population: m.organisation.population, fixedShare: m.fixedShare, usage: m.usage, agentTime: m.agentTime }))

interface Commune {
  id: string
  territoryId: string
  population: number | null
}

/** The same for several communes of one territory, in two statements whatever their number. */
export async function territoryOfferFacts(territoryId: string, communes: readonly Commune[], viewer: Viewer, year: number): Promise<Map<string, CommuneOfferFacts[]>> {
  const [offers, requests] = await Promise.all([
    ruleData(territoryId, viewer),
    db.joinRequest.findMany({
      where: { AND: [visibleJoinRequestsWhere(viewer), { organisationId: { in: communes.map((c) => c.id) }, status: 'PENDING', action: { offerId: { not: null }, archivedAt: null } }] },
      select: { organisationId: true, action: { select: { offerId: true } } },
    }),
  ])
  const requested = new Set(requests.map((r) => `${r.organisationId} ${r.action.offerId}`))
  const prepared = offers.map((offer) => {
    const status = offerStatus(offer.status, offer.actions.map((a) => a.status))
    return {
      offer,
      status,
      rule: { eligibility: offer.eligibility, listed: offer.listed.map((o) => o.id), openingStudied: offer.openingStudied, status, archived: false },
      costed: { costKind: offer.costKind, annualCostCents: offer.annualCostCents, costKey: parseCostKey(offer.costKey), proRataFirstYear: offer.proRataFirstYear },
      members: costedMembers(offer),
      memberCosts: null as Map<string, number | null> | null,
    }
  })
  const result = new Map<string, CommuneOfferFacts[]>()
  for (const commune of communes) {
    const facts: CommuneOfferFacts[] = []
    for (const entry of prepared) {
      const { offer } = entry
      const mine = offer.members.find((m) => m.organisationId === commune.id) ?? null
      const pending = requested.has(`${commune.id} ${offer.id}`)
      const membership = communeMembership(commune.id, entry.rule, mine?.state ?? null, pending)
      if (!membership) continue
      const inOffer = membership === 'MEMBER' || membership === 'FORMER'
      const inputs = mine ? entry.members.find((m) => m.id === commune.id)! : { id: commune.id, population: commune.population, fixedShare: null, usage: null, agentTime: null }
      // The members' shares are computed once per offer, for every commune of the list; a planned
      // member not started yet pays nothing that year (« 0 € cette année »).
      const annualCostCents = inOffer
        ? ((entry.memberCosts ??= memberCostsForYear(entry.costed, entry.members, year)).get(commune.id) ?? null)
        : costIfJoined(entry.costed, entry.members, inputs, year)
      facts.push({
        offerId: offer.id,
        membership,
        state: mine?.state ?? null,
        since: mine?.since ?? null,
        until: mine?.until ?? null,
        pendingRequest: pending,
        howToJoin: inOffer ? null : offerHowToJoin(offer.kind, joinDeliberationsOf(offer), offer.openingStudied || entry.status === 'TO_STUDY'),
        annualCostCents,
        free: offer.costKind === 'FREE',
        staffFte: offer.staff.filter((s) => s.organisationId === commune.id).reduce((sum, s) => sum + s.fte, 0),
      })
    }
    result.set(commune.id, facts)
  }
  return result
}

/** Work shared by every commune of one request: a page listing 23 communes' offers reads the offers once. */
const perRequest = new WeakMap<object, Map<string, Promise<unknown>>>()

function once<T>(request: object, key: string, load: () => Promise<T>): Promise<T> {
  let memo = perRequest.get(request)
  if (!memo) perRequest.set(request, (memo = new Map()))
  if (!memo.has(key)) memo.set(key, load())
  return memo.get(key) as Promise<T>
}

/**
 * Where a commune stands with each offer of its territory, in domain then name order, with its
 * cost and staff for the year. Computed for all the territory's communes at once and kept for the
 * request, so that listing every commune's offers costs the statements of one.
 */
export async function communeOfferFacts(commune: { id: string; territoryId: string }, viewer: Viewer, year: number, request: object): Promise<CommuneOfferFacts[]> {
  const all = await once(request, `facts ${commune.territoryId} ${year}`, async () => {
    const communes = await db.organisation.findMany({ where: { territoryId: commune.territoryId, kind: 'COMMUNE' }, select: { id: true, territoryId: true, population: true } })
    return territoryOfferFacts(commune.territoryId, communes, viewer, year)
  })
  return all.get(commune.id) ?? []
}

/**
 * The offers behind some facts, loaded with the query's selection (the territory's offers once per
 * request and selection), in the facts' order.
 */
export async function withOffers<F extends { offerId: string }>(
  facts: F[],
  territoryId: string,
  selection: { select?: Prisma.OfferSelect; include?: Prisma.OfferInclude },
  request: object,
): Promise<Array<F & { offer: Offer }>> {
  if (facts.length === 0) return []
  const rows = await once(request, `offers ${territoryId} ${JSON.stringify(selection)}`, async () =>
    (await db.offer.findMany({ ...selection, where: { territoryId, archivedAt: null } })) as Offer[],
  )
  const byId = new Map(rows.map((row) => [row.id, row]))
  return facts.flatMap((fact) => (byId.has(fact.offerId) ? [{ ...fact, offer: byId.get(fact.offerId)! }] : []))
}
