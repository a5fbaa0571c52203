import { canAdminister, canRequestToJoin, checkCalendarDate, checkText, firstFailure, inputLimits, joinability } from '@mutualis/domain'
import { audit } from '../audit/audit.service.ts'
import type { SignedInViewer } from '../auth/viewer.ts'
import { db } from '../db.ts'
import { ConflictError, forbidden, NotFoundError, ValidationError } from '../errors.ts'
import type { Action, JoinRequest } from '../generated/sqlite/client.ts'
import { isUniqueViolation } from './prisma-errors.ts'

const refusals = {
  CLOSED: 'Cette action n’est pas ouverte à d’autres organisations.',
  ABANDONED: 'Cette action est abandonnée.',
  ALREADY_MEMBER: 'Votre organisation participe déjà à cette action.',
  NOT_LISTED: 'Cette action est ouverte à d’autres organisations que la vôtre.',
} as const

export interface RequestToJoinInput {
  actionId: string
  organisationId: string
  note?: string | null
  clientMutationId: string
}

/**
 * This very request, already recorded: an offline replay, or a twin sent at the same time. A
 * clientMutationId names one person's request for one organisation to join one action; anyone
 * else sending it gets a refusal, never that request (its note included).
 */
async function replayOf(viewer: SignedInViewer, input: RequestToJoinInput): Promise<JoinRequest | null> {
  const existing = await db.joinRequest.findUnique({ where: { clientMutationId: input.clientMutationId } })
  if (!existing) return null
  const same = existing.requestedById === viewer.userId && existing.organisationId === input.organisationId && existing.actionId === input.actionId
  if (!same) throw new ValidationError('Cet identifiant de saisie a déjà servi pour une autre demande.', 'clientMutationId')
  return existing
}

/**
 * A request for this organisation and action got in first. When it was a twin of this one, committed
 * since this request looked for a replay, the answer is that request, not « conflit ».
 */
async function replayOrConflict(viewer: SignedInViewer, input: RequestToJoinInput, action: Action): Promise<JoinRequest> {
  const replay = await replayOf(viewer, input)
  if (replay) return replay
  throw new ConflictError('Une demande d’adhésion est déjà en cours pour cette action.', action)
}

/** An editor asks, for their organisation, to join an open action: a REQUESTED participation the coordination team decides on. */
export async function requestToJoin(viewer: SignedInViewer, input: RequestToJoinInput): Promise<JoinRequest> {
  const [action, organisation] = await Promise.all([
    db.action.findFirst({ where: { id: input.actionId, archivedAt: null }, include: { openTo: { select: { id: true } } } }),
    db.organisation.findUnique({ where: { id: input.organisationId } }),
  ])
  if (!organisation) throw new NotFoundError('Organisation introuvable.')
  const permission = canRequestToJoin(viewer, organisation)
  if (!permission.ok) throw forbidden(permission.reason)
  // Before the action's state is judged: a replay sent once the request was accepted, or the action
  // archived, still gets its answer.
  const replay = await replayOf(viewer, input)
  if (replay) return replay
  if (!action) throw new NotFoundError('Action introuvable (supprimée ou archivée ?).')
  if (organisation.territoryId !== action.territoryId) throw new ValidationError('Cette organisation ne relève pas du territoire de l’action.', 'organisationId')
  const check = firstFailure(checkText('note', input.note, inputLimits.note, false), checkText('clientMutationId', input.clientMutationId, 100, true))
  if (!check.ok) throw new ValidationError(check.reason, check.field)
  const participation = await db.participation.findUnique({ where: { organisationId_actionId: { organisationId: organisation.id, actionId: action.id } } })
  const verdict = joinability(organisation.id, { ...action, openTo: action.openTo.map((o) => o.id) }, participation?.state)
  if (!verdict.ok) throw new ValidationError(refusals[verdict.reason], 'actionId')
  if (verdict.pendingRequest) return replayOrConflict(viewer, input, action)

  try {
    return await db.$transaction(async (tx) => {
      const request = await tx.joinRequest.create({
        data: { actionId: action.id, organisationId: organisation.id, note: input.note?.trim() || null, requestedById: viewer.userId, clientMutationId: input.clientMutationId },
      })
      await tx.participation.upsert({
        where: { organisationId_actionId: { organisationId: organisation.id, actionId: action.id } },
        create: { organisationId: organisation.id, actionId: action.id, role: 'MEMBER', state: 'REQUESTED' },
        update: { state: 'REQUESTED' },
      })
      await audit(tx, viewer, { territoryId: action.territoryId, operation: 'requestToJoin', entityType: 'JoinRequest', entityId: request.id, after: request })
      return request
    })
  } catch (error) {
    if (isUniqueViolation(error)) return replayOrConflict(viewer, input, action)
    throw error
  }
}

export type JoinDecision =
  | { accept: true; since: Date | null; deliberationRef: string; deliberationDate: Date | null }
  | { accept: false; reason: string }

/** The coordination team accepts (membership from a date, on a deliberation) or declines (with a reason). */
export async function decideJoinRequest(viewer: SignedInViewer, requestId: string, decision: JoinDecision): Promise<JoinRequest> {
  const request = await db.joinRequest.findUnique({ where: { id: requestId }, include: { action: true } })
  if (!request) throw new NotFoundError('Demande d’adhésion introuvable.')
  const permission = canAdminister(viewer, request.action.territoryId)
  if (!permission.ok) throw forbidden(permission.reason)
  if (request.status !== 'PENDING') throw new ConflictError('Cette demande a déjà été traitée.', request.action)
  const check = decision.accept
    ? firstFailure(
        checkText('deliberationRef', decision.deliberationRef, inputLimits.reference, true),
        decision.deliberationDate ? checkCalendarDate('deliberationDate', decision.deliberationDate) : { ok: false, field: 'deliberationDate', reason: 'La date de la délibération est obligatoire.' },
        checkCalendarDate('since', decision.since),
      )
    : checkText('reason', decision.reason, inputLimits.reason, true)
  if (!check.ok) throw new ValidationError(check.reason, check.field)

  return db.$transaction(async (tx) => {
    const decided = await tx.joinRequest.updateMany({
      where: { id: request.id, status: 'PENDING' },
      data: decision.accept
        ? { status: 'ACCEPTED', decidedById: viewer.userId, decidedAt: new Date(), deliberationRef: decision.deliberationRef.trim(), deliberationDate: decision.deliberationDate }
        : { status: 'DECLINED', decidedById: viewer.userId, decidedAt: new Date(), declineReason: decision.reason.trim() },
    })
    if (decided.count === 0) throw new ConflictError('Cette demande vient d’être traitée par quelqu’un d’autre.', request.action)
    const key = { organisationId_actionId: { organisationId: request.organisationId, actionId: request.actionId } }
    if (decision.accept) await tx.participation.update({ where: key, data: { state: 'MEMBER', since: decision.since ?? decision.deliberationDate } })
    else await tx.participation.deleteMany({ where: { organisationId: request.organisationId, actionId: request.actionId, state: 'REQUESTED' } })
    const after = await tx.joinRequest.findUniqueOrThrow({ where: { id: request.id } })
    await audit(tx, viewer, { territoryId: request.action.territoryId, operation: 'decideJoinRequest', entityType: 'JoinRequest', entityId: request.id, before: { ...request, action: undefined }, after })
    return after
  })
}
