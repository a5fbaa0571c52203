import { canAdminister, checkCalendarDate, checkText, firstFailure, inputLimits, searchText } from '@mutualis/domain'
import { audit } from '../audit/audit.service.ts'
import type { SignedInViewer } from '../auth/viewer.ts'
import { db } from '../db.ts'
import { forbidden, NotFoundError, ValidationError } from '../errors.ts'
import type { ParticipationRole, ParticipationState, ProcurementProcedure } from '../generated/sqlite/client.ts'

function administer(viewer: SignedInViewer, territoryId: string) {
  const permission = canAdminister(viewer, territoryId)
  if (!permission.ok) throw forbidden(permission.reason)
}

function ensure(...checks: Parameters<typeof firstFailure>) {
  const check = firstFailure(...checks)
  if (!check.ok) throw new ValidationError(check.reason, check.field)
}

const keyOf = (text: string) => `${text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40)}-${Date.now().toString(36)}`

export interface SharedServiceFields {
  name: string
  createdOn?: Date | null
}

// The deprecated services communs and joint contracts are offers of those kinds: these writes keep
// their former inputs working on the offer (same id), audited as before.

const procurementKinds = ['GROUPEMENT_DE_COMMANDES', 'CENTRALE_D_ACHAT'] as const

/** Creates (no id) or updates (id) a service commun of the admin's territory. */
export async function saveSharedService(viewer: SignedInViewer, id: string | null, fields: SharedServiceFields) {
  ensure(checkText('name', fields.name, inputLimits.name, true), checkCalendarDate('createdOn', fields.createdOn))
  const before = id ? await db.offer.findUnique({ where: { id, kind: 'SERVICE_COMMUN' } }) : null
  if (id && !before) throw new NotFoundError('Service commun introuvable.')
  administer(viewer, before?.territoryId ?? viewer.territoryId)
  return db.$transaction(async (tx) => {
    const data = { name: fields.name.trim(), searchText: searchText(fields.name, before?.summary ?? null), startDate: fields.createdOn ?? null }
    const after = before
      ? await tx.offer.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } } })
      : await tx.offer.create({ data: { ...data, kind: 'SERVICE_COMMUN', eligibility: 'CLOSED', territoryId: viewer.territoryId, key: keyOf(fields.name) } })
    await audit(tx, viewer, { territoryId: after.territoryId, operation: before ? 'updateSharedService' : 'createSharedService', entityType: 'Offer', entityId: after.id, before, after })
    return after
  })
}

export interface JointContractFields {
  subject: string
  procedure: ProcurementProcedure
  startDate?: Date | null
  endDate?: Date | null
  renewalDate?: Date | null
}

export async function saveJointContract(viewer: SignedInViewer, id: string | null, fields: JointContractFields) {
  ensure(
    checkText('subject', fields.subject, inputLimits.title, true),
    checkCalendarDate('startDate', fields.startDate),
    checkCalendarDate('endDate', fields.endDate),
    checkCalendarDate('renewalDate', fields.renewalDate),
  )
  if (fields.startDate && fields.endDate && fields.endDate < fields.startDate) throw new ValidationError('La fin du marché précède son début.', 'endDate')
  const before = id ? await db.offer.findUnique({ where: { id, kind: { in: [...procurementKinds] } } }) : null
  if (id && !before) throw new NotFoundError('Marché mutualisé introuvable.')
  administer(viewer, before?.territoryId ?? viewer.territoryId)
  return db.$transaction(async (tx) => {
    const data = {
      name: fields.subject.trim(), searchText: searchText(fields.subject, before?.summary ?? null), kind: fields.procedure,
      startDate: fields.startDate ?? null, endDate: fields.endDate ?? null, renewalDate: fields.renewalDate ?? null,
    }
    const after = before
      ? await tx.offer.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } } })
      : await tx.offer.create({ data: { ...data, eligibility: 'CLOSED', territoryId: viewer.territoryId, key: keyOf(fields.subject) } })
    await audit(tx, viewer, { territoryId: after.territoryId, operation: before ? 'updateJointContract' : 'createJointContract', entityType: 'Offer', entityId: after.id, before, after })
    return after
  })
}

export async function archiveCatalogEntry(viewer: SignedInViewer, kind: 'SharedService' | 'JointContract', id: string) {
  const before = await db.offer.findUnique({ where: { id, kind: kind === 'SharedService' ? 'SERVICE_COMMUN' : { in: [...procurementKinds] } } })
  if (!before) throw new NotFoundError('Élément introuvable.')
  administer(viewer, before.territoryId)
  return db.$transaction(async (tx) => {
    const after = await tx.offer.update({ where: { id }, data: { archivedAt: before.archivedAt ?? new Date(), version: { increment: 1 } } })
    await audit(tx, viewer, { territoryId: before.territoryId, operation: `archive${kind}`, entityType: 'Offer', entityId: id, before, after })
    return after
  })
}

export interface ParticipationFields {
  role: ParticipationRole
  state: ParticipationState
  since?: Date | null
}

/** Sets an organisation's part in an action (adding it when absent). Removing someone means state FORMER: history stays. */
export async function setParticipation(viewer: SignedInViewer, actionId: string, organisationId: string, fields: ParticipationFields) {
  ensure(checkCalendarDate('since', fields.since))
  const [action, organisation] = await Promise.all([db.action.findUnique({ where: { id: actionId } }), db.organisation.findUnique({ where: { id: organisationId } })])
  if (!action) throw new NotFoundError('Action introuvable.')
  if (!organisation) throw new NotFoundError('Organisation introuvable.')
  administer(viewer, action.territoryId)
  if (organisation.territoryId !== action.territoryId) throw new ValidationError('Cette organisation ne relève pas du territoire de l’action.', 'organisationId')
  const key = { organisationId_actionId: { organisationId, actionId } }
  const before = await db.participation.findUnique({ where: key })
  return db.$transaction(async (tx) => {
    const data = { role: fields.role, state: fields.state, since: fields.since ?? null }
    const after = await tx.participation.upsert({ where: key, create: { ...data, organisationId, actionId }, update: data })
    await audit(tx, viewer, { territoryId: action.territoryId, operation: 'setParticipation', entityType: 'Participation', entityId: after.id, before, after })
    return after
  })
}
