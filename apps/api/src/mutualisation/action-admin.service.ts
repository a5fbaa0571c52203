import { randomUUID } from 'node:crypto'
import { canAdminister, checkCalendarDate, checkText, firstFailure, inputLimits, searchText } from '@mutualis/domain'
import { audit } from '../audit/audit.service.ts'
import type { SignedInViewer } from '../auth/viewer.ts'
import { db } from '../db.ts'
import { ConflictError, forbidden, NotFoundError, ValidationError } from '../errors.ts'
import type { Action, ActionStatus, Instrument, Openness } from '../generated/sqlite/client.ts'

export interface ActionFields {
  title: string
  description?: string | null
  domainId: string
  instrument: Instrument
  status: ActionStatus
  openness: Openness
  effectiveDate?: Date | null
  plannedDate?: Date | null
  offerId?: string | null
  openToIds?: string[] | null
}

/** On update: absent keeps, null clears an optional field. */
export type ActionChanges = { [K in keyof ActionFields]?: ActionFields[K] | null }

function administer(viewer: SignedInViewer, territoryId: string) {
  const permission = canAdminister(viewer, territoryId)
  if (!permission.ok) throw forbidden(permission.reason)
}

/** Lengths, dates, and references that must all belong to the viewer's territory. */
async function checkFields(territoryId: string, fields: ActionChanges) {
  const check = firstFailure(
    checkText('title', fields.title, inputLimits.title, fields.title !== undefined && fields.title !== null),
    checkText('description', fields.description, inputLimits.description, false),
    checkCalendarDate('effectiveDate', fields.effectiveDate),
    checkCalendarDate('plannedDate', fields.plannedDate),
  )
  if (!check.ok) throw new ValidationError(check.reason, check.field)
  if ((fields.openToIds?.length ?? 0) > inputLimits.listItems) throw new ValidationError('Trop d’organisations listées.', 'openToIds')
  const [domain, offer, openTo] = await Promise.all([
    fields.domainId ? db.domain.count({ where: { id: fields.domainId, territoryId } }) : 1,
    fields.offerId ? db.offer.count({ where: { id: fields.offerId, territoryId } }) : 1,
    fields.openToIds?.length ? db.organisation.count({ where: { id: { in: fields.openToIds }, territoryId } }) : 0,
  ])
  if (!domain) throw new ValidationError('Thématique inconnue dans ce territoire.', 'domainId')
  if (!offer) throw new ValidationError('Offre inconnue dans ce territoire.', 'offerId')
  if (openTo !== new Set(fields.openToIds ?? []).size) throw new ValidationError('Organisation inconnue dans ce territoire.', 'openToIds')
}

export async function createAction(viewer: SignedInViewer, fields: ActionFields): Promise<Action> {
  administer(viewer, viewer.territoryId)
  await checkFields(viewer.territoryId, fields)
  const last = await db.action.aggregate({ where: { territoryId: viewer.territoryId }, _max: { position: true } })
  const { openToIds, ...data } = fields
  return db.$transaction(async (tx) => {
    const action = await tx.action.create({
      data: {
        ...data, territoryId: viewer.territoryId, key: `action-${randomUUID().slice(0, 8)}`, position: (last._max.position ?? -1) + 1,
        title: fields.title.trim(), description: fields.description?.trim() || null, searchText: searchText(fields.title, fields.description),
        sourceText: '', openTo: openToIds?.length ? { connect: openToIds.map((id) => ({ id })) } : undefined,
      },
    })
    await audit(tx, viewer, { territoryId: viewer.territoryId, operation: 'createAction', entityType: 'Action', entityId: action.id, after: action })
    return action
  })
}

async function guardedChange(viewer: SignedInViewer, actionId: string, expectedVersion: number, operation: string, data: (before: Action) => Parameters<typeof db.action.update>[0]['data']) {
  const before = await db.action.findUnique({ where: { id: actionId } })
  if (!before) throw new NotFoundError('Action introuvable.')
  administer(viewer, before.territoryId)
  if (before.version !== expectedVersion) throw new ConflictError('Cette action a été modifiée entre-temps : relisez-la avant de la changer.', before)
  return db.$transaction(async (tx) => {
    const moved = await tx.action.updateMany({ where: { id: actionId, version: expectedVersion }, data: { version: { increment: 1 } } })
    if (moved.count === 0) throw new ConflictError('Cette action vient d’être modifiée par quelqu’un d’autre.', before)
    const after = await tx.action.update({ where: { id: actionId }, data: data(before) })
    await audit(tx, viewer, { territoryId: before.territoryId, operation, entityType: 'Action', entityId: actionId, before, after })
    return after
  })
}

export async function updateAction(viewer: SignedInViewer, actionId: string, expectedVersion: number, fields: ActionChanges) {
  const current = await db.action.findUnique({ where: { id: actionId }, select: { territoryId: true } })
  if (current) await checkFields(current.territoryId, fields)
  const { openToIds, ...rest } = fields
  // Absent fields stay as they are; null clears an optional field but never a required one.
  const required = new Set(['title', 'domainId', 'instrument', 'status', 'openness'])
  const defined = Object.fromEntries(Object.entries(rest).filter(([key, value]) => value !== undefined && !(value === null && required.has(key))))
  return guardedChange(viewer, actionId, expectedVersion, 'updateAction', (before) => ({
    ...defined,
    ...(rest.title !== undefined || rest.description !== undefined
      ? { searchText: searchText(rest.title ?? before.title, rest.description === undefined ? before.description : rest.description) }
      : {}),
    ...(openToIds ? { openTo: { set: openToIds.map((id) => ({ id })) } } : {}),
  }))
}

export function archiveAction(viewer: SignedInViewer, actionId: string, expectedVersion: number) {
  return guardedChange(viewer, actionId, expectedVersion, 'archiveAction', () => ({ archivedAt: new Date() }))
}
