import { canRecordProgress, checkRecordedDate, checkText, firstFailure, inputLimits } from '@mutualis/domain'
import { audit } from '../audit/audit.service.ts'
import type { SignedInViewer } from '../auth/viewer.ts'
import { db } from '../db.ts'
import { ConflictError, forbidden, NotFoundError, ValidationError } from '../errors.ts'
import type { ActionStatus, ProgressUpdate } from '../generated/sqlite/client.ts'
import { isUniqueViolation } from './prisma-errors.ts'

export interface RecordProgressInput {
  actionId: string
  status: ActionStatus
  note: string
  date: Date
  meeting?: string | null
  clientMutationId: string
  expectedVersion: number
}

export interface RecordProgressResult {
  update: ProgressUpdate
  actionId: string
  replayed: boolean
}

class StaleVersion extends Error {}

async function replayOf(input: RecordProgressInput): Promise<RecordProgressResult | null> {
  const existing = await db.progressUpdate.findUnique({ where: { clientMutationId: input.clientMutationId } })
  if (!existing) return null
  if (existing.actionId !== input.actionId) throw new ValidationError('Cet identifiant de saisie a déjà servi pour une autre action.', 'clientMutationId')
  return { update: existing, actionId: existing.actionId, replayed: true }
}

/**
 * Appends a point d'avancement and moves the action's status. Replaying the same clientMutationId
 * returns the first result (the offline PWA replays); a stale expectedVersion is a conflict carrying
 * the current action, never a silent overwrite.
 */
export async function recordProgress(viewer: SignedInViewer, input: RecordProgressInput): Promise<RecordProgressResult> {
  const replay = await replayOf(input)
  if (replay) return replay

  const action = await db.action.findFirst({
    where: { id: input.actionId, archivedAt: null },
    include: { participants: { select: { organisationId: true, state: true } } },
  })
  if (!action) throw new NotFoundError('Action introuvable (supprimée ou archivée ?).')
  const permission = canRecordProgress(viewer, action)
  if (!permission.ok) throw forbidden(permission.reason)
  const check = firstFailure(
    checkText('clientMutationId', input.clientMutationId, 100, true),
    checkText('note', input.note, inputLimits.note, true),
    checkText('meeting', input.meeting, inputLimits.meeting, false),
    checkRecordedDate('date', input.date, new Date()),
  )
  if (!check.ok) throw new ValidationError(check.reason, check.field)
  if (action.version !== input.expectedVersion) throw new ConflictError(conflictMessage, action)

  try {
    const update = await db.$transaction(async (tx) => {
      const moved = await tx.action.updateMany({
        where: { id: action.id, version: input.expectedVersion },
        data: { status: input.status, version: { increment: 1 } },
      })
      if (moved.count === 0) throw new StaleVersion()
      const created = await tx.progressUpdate.create({
        data: {
          actionId: action.id, date: input.date, statusAfter: input.status, text: input.note.trim(),
          meeting: input.meeting?.trim() || null, author: viewer.name, authorId: viewer.userId, clientMutationId: input.clientMutationId,
        },
      })
      await audit(tx, viewer, {
        territoryId: action.territoryId, operation: 'recordProgress', entityType: 'Action', entityId: action.id,
        before: { status: action.status, version: action.version },
        after: { status: input.status, version: action.version + 1, progressUpdateId: created.id },
      })
      return created
    })
    return { update, actionId: action.id, replayed: false }
  } catch (error) {
    // A concurrent writer won. If it was this very submission replayed, answer as a replay.
    if (error instanceof StaleVersion || isUniqueViolation(error)) {
      const raced = await replayOf(input)
      if (raced) return raced
      throw new ConflictError(conflictMessage, await db.action.findUniqueOrThrow({ where: { id: action.id } }))
    }
    throw error
  }
}

const conflictMessage = "Quelqu'un a modifié cette action entre-temps : relisez son état actuel, puis renvoyez votre point d'avancement si besoin."
