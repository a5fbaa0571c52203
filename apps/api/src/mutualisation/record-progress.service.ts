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

/**
 * This very submission, already recorded: an offline replay, or a twin sent at the same time. A
 * clientMutationId names one author's update of one action; anyone else sending it gets a refusal,
 * never that update (its note included).
 */
async function replayOf(viewer: SignedInViewer, input: RecordProgressInput): Promise<RecordProgressResult | null> {
  const existing = await db.progressUpdate.findUnique({ where: { clientMutationId: input.clientMutationId } })
  if (!existing) return null
  if (existing.actionId !== input.actionId || existing.authorId !== viewer.userId) throw new ValidationError(reusedIdMessage, 'clientMutationId')
  return { update: existing, actionId: existing.actionId, replayed: true }
}

/**
 * A concurrent writer moved the action. When it was a twin of this submission, committed since this
 * request looked for a replay, the answer is that replay: the offline PWA must not show « conflit »
 * for an update that was saved.
 */
async function replayOrConflict(viewer: SignedInViewer, input: RecordProgressInput): Promise<RecordProgressResult> {
  const replay = await replayOf(viewer, input)
  if (replay) return replay
  throw new ConflictError(conflictMessage, await db.action.findUniqueOrThrow({ where: { id: input.actionId } }))
}

/**
 * Appends a point d'avancement and moves the action's status. Replaying the same clientMutationId
 * returns the first result (the offline PWA replays); a stale expectedVersion is a conflict carrying
 * the current action, never a silent overwrite.
 */
export async function recordProgress(viewer: SignedInViewer, input: RecordProgressInput): Promise<RecordProgressResult> {
  // Archived ones too: permission is checked before any replay is looked up, and a replay sent after
  // the action was archived still deserves its answer.
  const action = await db.action.findUnique({
    where: { id: input.actionId },
    include: { participants: { select: { organisationId: true, state: true } } },
  })
  if (!action) throw new NotFoundError(notFoundMessage)
  const permission = canRecordProgress(viewer, action)
  if (!permission.ok) throw forbidden(permission.reason)
  const replay = await replayOf(viewer, input)
  if (replay) return replay
  if (action.archivedAt) throw new NotFoundError(notFoundMessage)
  const check = firstFailure(
    checkText('clientMutationId', input.clientMutationId, 100, true),
    checkText('note', input.note, inputLimits.note, true),
    checkText('meeting', input.meeting, inputLimits.meeting, false),
    checkRecordedDate('date', input.date, new Date()),
  )
  if (!check.ok) throw new ValidationError(check.reason, check.field)
  if (action.version !== input.expectedVersion) return replayOrConflict(viewer, input)

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
    if (error instanceof StaleVersion || isUniqueViolation(error)) return replayOrConflict(viewer, input)
    throw error
  }
}

const conflictMessage = "Quelqu'un a modifié cette action entre-temps : relisez son état actuel, puis renvoyez votre point d'avancement si besoin."
const notFoundMessage = 'Action introuvable (supprimée ou archivée ?).'
const reusedIdMessage = 'Cet identifiant de saisie a déjà servi pour une autre saisie.'
