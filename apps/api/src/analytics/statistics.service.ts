import { canSeeJoinRequest, joinOpportunities } from '@mutualis/domain'
import { GraphQLError } from 'graphql'
import { db } from '../db.ts'
import type { ActionStatus, Instrument, ParticipationState, Prisma } from '../generated/sqlite/client.ts'
import { ActionStatus as ActionStatuses, Instrument as Instruments } from '../generated/sqlite/enums.ts'
import type { Viewer } from '../auth/viewer.ts'
import { readerOf, visibleJoinRequestsWhere, visibleParticipationsWhere } from '../auth/visibility.ts'
import { communesWhere } from '../territories/communes-where.ts'
import { matrixCell, type MatrixCell } from '@mutualis/domain'
import { territoryOfferFacts, type CommuneOfferFacts } from '../mutualisation/commune-offers.service.ts'

// Every count is one GROUP BY (or one load of the few rows a rule needs), never a query per row.

export const allStatuses = Object.values(ActionStatuses) as ActionStatus[]
const allInstruments = Object.values(Instruments) as Instrument[]

/** Counts for every value, zeros included, in the enumeration's order. */
function complete<K extends string>(keys: readonly K[], counts: ReadonlyMap<K, number>) {
  return keys.map((key) => ({ key, count: counts.get(key) ?? 0 }))
}

export async function countsByStatus(where: Prisma.ActionWhereInput) {
  const groups = await db.action.groupBy({ by: ['status'], where, _count: { _all: true } })
  return complete(allStatuses, new Map(groups.map((g) => [g.status, g._count._all])))
}

export async function countsByInstrument(where: Prisma.ActionWhereInput) {
  const groups = await db.action.groupBy({ by: ['instrument'], where, _count: { _all: true } })
  return complete(allInstruments, new Map(groups.map((g) => [g.instrument, g._count._all])))
}

/** Per domain (in document order, domains without a matching action left out): total and counts by status. */
export async function countsByDomain(where: Prisma.ActionWhereInput) {
  const groups = await db.action.groupBy({ by: ['domainId', 'status'], where, _count: { _all: true } })
  const domains = await db.domain.findMany({ where: { id: { in: [...new Set(groups.map((g) => g.domainId))] } }, orderBy: [{ territoryId: 'asc' }, { position: 'asc' }] })
  return domains.map((domain) => {
    const mine = groups.filter((g) => g.domainId === domain.id)
    return {
      domain,
      total: mine.reduce((sum, g) => sum + g._count._all, 0),
      byStatus: complete(allStatuses, new Map(mine.map((g) => [g.status, g._count._all]))),
    }
  })
}

const territoryOf = (siren: string | null | undefined) => (siren ? { territory: { siren } } : {})

export const territoryRequired = 'Plusieurs territoires sont chargés : précisez territory (SIREN de l’EPCI).'

/**
 * Per-commune views make sense within one territory: with several loaded (the national scale
 * data set holds every EPCI), the caller must name one rather than receive tens of thousands of rows.
 */
export async function requireTerritory(siren: string | null | undefined) {
  if (!siren && (await db.territory.count()) > 1) {
    throw new GraphQLError(territoryRequired, { extensions: { code: 'VALIDATION' } })
  }
}

function byTerritory<T extends { territoryId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const group = groups.get(row.territoryId)
    if (group) group.push(row)
    else groups.set(row.territoryId, [row])
  }
  return groups
}

/** Per commune: actions it is a member of, actions it could join, and (for those allowed to see them) its pending requests. */
export async function communeStatistics(territorySiren: string | null | undefined, viewer: Viewer) {
  await requireTerritory(territorySiren)
  const [communes, memberships, participations, candidates, pending] = await Promise.all([
    db.organisation.findMany({ where: { ...communesWhere(), ...territoryOf(territorySiren) }, orderBy: { searchName: 'asc' } }),
    db.participation.groupBy({
      by: ['organisationId'],
      where: { state: 'MEMBER', organisation: { kind: 'COMMUNE', ...territoryOf(territorySiren) }, action: { archivedAt: null } },
      _count: { _all: true },
    }),
    db.participation.findMany({
      where: { organisation: { kind: 'COMMUNE', ...territoryOf(territorySiren) }, action: { archivedAt: null, openness: { in: ['OPEN', 'UNDER_STUDY'] } }, ...visibleParticipationsWhere(viewer) },
      select: { organisationId: true, actionId: true, state: true },
    }),
    joinCandidates(territorySiren),
    viewer.kind === 'user'
      ? db.joinRequest.groupBy({ by: ['organisationId'], where: { AND: [visibleJoinRequestsWhere(viewer), { status: 'PENDING', action: { archivedAt: null } }] }, _count: { _all: true } })
      : Promise.resolve(null),
  ])
  const memberCount = new Map(memberships.map((m) => [m.organisationId, m._count._all]))
  const pendingCount = pending && new Map(pending.map((p) => [p.organisationId, p._count._all]))
  const states = statesByOrganisation(participations)
  const candidatesOf = byTerritory(candidates)
  const mayCount = (commune: { id: string; territoryId: string }) => canSeeJoinRequest(readerOf(viewer), { organisationId: commune.id, territoryId: commune.territoryId })
  return communes.map((commune) => ({
    commune,
    memberships: memberCount.get(commune.id) ?? 0,
    openOpportunities: joinOpportunities(commune.id, candidatesOf.get(commune.territoryId) ?? [], states.get(commune.id) ?? new Map()).length,
    pendingRequests: pendingCount && mayCount(commune) ? (pendingCount.get(commune.id) ?? 0) : null,
  }))
}

async function joinCandidates(territorySiren: string | null | undefined) {
  const actions = await db.action.findMany({
    where: { archivedAt: null, openness: { in: ['OPEN', 'UNDER_STUDY'] }, ...territoryOf(territorySiren) },
    select: { id: true, territoryId: true, instrument: true, openness: true, status: true, openTo: { select: { id: true } } },
    orderBy: { position: 'asc' },
  })
  return actions.map((action) => ({ ...action, openTo: action.openTo.map((o) => o.id) }))
}

function statesByOrganisation(rows: ReadonlyArray<{ organisationId: string; actionId: string; state: ParticipationState }>) {
  const states = new Map<string, Map<string, ParticipationState>>()
  for (const row of rows) {
    if (!states.has(row.organisationId)) states.set(row.organisationId, new Map())
    states.get(row.organisationId)!.set(row.actionId, row.state)
  }
  return states
}

/**
 * Communes × services communs: where each commune stands with each service, by the offer rule of
 * packages/domain (the one Commune.offers applies), in four statements.
 */
export async function membershipMatrix(territorySiren: string | null | undefined, viewer: Viewer) {
  await requireTerritory(territorySiren)
  const [communes, sharedServices] = await Promise.all([
    db.organisation.findMany({ where: { ...communesWhere(), ...territoryOf(territorySiren) }, orderBy: { searchName: 'asc' } }),
    db.offer.findMany({ where: { kind: 'SERVICE_COMMUN', archivedAt: null, ...territoryOf(territorySiren) }, orderBy: { name: 'asc' } }),
  ])
  const territoryId = communes[0]?.territoryId
  const facts = territoryId ? await territoryOfferFacts(territoryId, communes, viewer, new Date().getUTCFullYear()) : new Map<string, CommuneOfferFacts[]>()
  const rows = communes.map((commune) => {
    const mine = new Map((facts.get(commune.id) ?? []).map((fact) => [fact.offerId, fact]))
    const cells: MatrixCell[] = sharedServices.map((service) => {
      const fact = mine.get(service.id)
      return matrixCell(fact?.membership ?? null, fact?.state ?? null)
    })
    return { commune, cells, memberOf: cells.filter((cell) => cell === 'MEMBER').length }
  })
  return { sharedServices, rows }
}
