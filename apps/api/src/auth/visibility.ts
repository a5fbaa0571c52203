import type { Reader } from '@mutualis/domain'
import type { Prisma } from '../generated/sqlite/client.ts'
import type { Viewer } from './viewer.ts'

/** The viewer as the visibility rules of packages/domain read it. */
export function readerOf(viewer: Viewer): Reader {
  return viewer.kind === 'user' ? viewer : null
}

/**
 * canSeeJoinRequest as a database filter, for lists that must leave out what the reader may not
 * see rather than fail on it: a commune's REQUESTED participations, an action's requests.
 */
export function visibleJoinRequestsWhere(viewer: Viewer): Prisma.JoinRequestWhereInput {
  if (viewer.kind !== 'user') return { id: { in: [] } }
  if (viewer.role === 'ADMIN' || viewer.role === 'ANALYST') return { organisation: { territoryId: viewer.territoryId } }
  return { organisationId: { in: [...viewer.organisationIds] } }
}

/** Participations the reader may see: all but the REQUESTED ones outside canSeeJoinRequest. */
export function visibleParticipationsWhere(viewer: Viewer): Prisma.ParticipationWhereInput {
  if (viewer.kind !== 'user') return { state: { not: 'REQUESTED' } }
  const requested = visibleJoinRequestsWhere(viewer) as Prisma.ParticipationWhereInput
  return { OR: [{ state: { not: 'REQUESTED' } }, { AND: [{ state: 'REQUESTED' }, requested] }] }
}

/** Offer memberships the reader may see: a REQUESTED one only under canSeeJoinRequest, as participations. */
export function visibleOfferMembersWhere(viewer: Viewer): Prisma.OfferMemberWhereInput {
  return visibleParticipationsWhere(viewer) as Prisma.OfferMemberWhereInput
}
