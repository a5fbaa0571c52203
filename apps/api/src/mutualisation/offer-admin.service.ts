import { annualAmountCheck, canAdminister, checkCalendarDate, checkText, costKeySchema, firstFailure, inputLimits, searchText, type Check } from '@mutualis/domain'
import { audit } from '../audit/audit.service.ts'
import type { SignedInViewer } from '../auth/viewer.ts'
import { db } from '../db.ts'
import { newKeyOf } from './record-key.ts'
import { forbidden, NotFoundError, OfferConflictError, ValidationError } from '../errors.ts'
import type { ActionStatus, CostKind, Eligibility, JoinDeliberation, OfferKind, ParticipationState, StaffMode } from '../generated/sqlite/client.ts'

// Writes to offers: each one checked, authorised against the record's territory, audited in the same transaction.

export interface OfferFields {
  name: string
  summary?: string | null
  kind: OfferKind
  domainId?: string | null
  providerId?: string | null
  status?: ActionStatus | null
  eligibility: Eligibility
  listedIds?: string[] | null
  openingStudied?: boolean | null
  unnamedMembers?: number | null
  startDate?: Date | null
  endDate?: Date | null
  renewalDate?: Date | null
  tacitRenewal?: boolean | null
  noticeMonths?: number | null
  legalBasis?: string | null
  contact?: string | null
  joinDeliberations?: JoinDeliberation[] | null
  costKind?: CostKind | null
  /** Euros. */
  annualAmount?: number | null
  costYear?: number | null
  costKey?: unknown
  proRataFirstYear?: boolean | null
  staff?: Array<{ organisationId: string; mode: StaffMode; fte: number; note?: string | null }> | null
}

function administer(viewer: SignedInViewer, territoryId: string) {
  const permission = canAdminister(viewer, territoryId)
  if (!permission.ok) throw forbidden(permission.reason)
}

function ensure(...checks: Check[]) {
  const check = firstFailure(...checks)
  if (!check.ok) throw new ValidationError(check.reason, check.field)
}

const fail = (field: string, reason: string): Check => ({ ok: false, field, reason })
const ok: Check = { ok: true }

/** The checks that need no database: lengths, dates, numbers, the cost and its key. */
function checkOffer(fields: OfferFields): Check {
  const amount = fields.annualAmount
  const costKind = fields.costKind ?? 'UNKNOWN'
  const key = fields.costKey == null ? null : costKeySchema.safeParse(fields.costKey)
  const amountCheck = amount == null ? null : annualAmountCheck(amount)
  return firstFailure(
    checkText('name', fields.name, inputLimits.name, true),
    checkText('summary', fields.summary, inputLimits.description, false),
    checkText('legalBasis', fields.legalBasis, inputLimits.reference, false),
    checkText('contact', fields.contact, inputLimits.reference, false),
    checkCalendarDate('startDate', fields.startDate),
    checkCalendarDate('endDate', fields.endDate),
    checkCalendarDate('renewalDate', fields.renewalDate),
    fields.startDate && fields.endDate && fields.endDate < fields.startDate ? fail('endDate', 'La fin précède le début.') : ok,
    fields.noticeMonths != null && (!Number.isInteger(fields.noticeMonths) || fields.noticeMonths < 0 || fields.noticeMonths > 120) ? fail('noticeMonths', 'Le préavis est un nombre entier de mois entre 0 et 120.') : ok,
    fields.unnamedMembers != null && (!Number.isInteger(fields.unnamedMembers) || fields.unnamedMembers < 1 || fields.unnamedMembers > 100_000) ? fail('unnamedMembers', 'Le nombre de membres non nommés est un entier positif.') : ok,
    costKind === 'AMOUNT' && amount == null ? fail('annualAmount', 'Indiquez le montant annuel, ou choisissez « gratuit » ou « non renseigné ».') : ok,
    costKind !== 'AMOUNT' && amount != null ? fail('annualAmount', 'Un montant n’a de sens qu’avec le type de coût AMOUNT.') : ok,
    amountCheck && !amountCheck.ok ? fail('annualAmount', amountCheck.reason) : ok,
    fields.costYear != null && (fields.costYear < 2000 || fields.costYear > 2100) ? fail('costYear', 'L’année du coût doit être comprise entre 2000 et 2100.') : ok,
    key && !key.success ? fail('costKey', key.error.issues[0]?.message ?? 'Clé de répartition invalide.') : ok,
    fields.eligibility === 'LISTED' && !fields.listedIds?.length ? fail('listedIds', 'Une offre réservée à des organismes désignés les nomme.') : ok,
    (fields.listedIds?.length ?? 0) > inputLimits.listItems || (fields.staff?.length ?? 0) > inputLimits.listItems ? fail('staff', 'Trop d’éléments dans la liste.') : ok,
    ...(fields.staff ?? []).map((line, i) =>
      !Number.isFinite(line.fte) || line.fte <= 0 || line.fte > 10_000 ? fail(`staff.${i}.fte`, 'Les ETP sont un nombre positif.') : checkText(`staff.${i}.note`, line.note, inputLimits.reference, false),
    ),
  )
}

/** Every organisation and domain named must belong to the offer's territory. */
async function checkReferences(territoryId: string, fields: OfferFields) {
  const organisationIds = [...new Set([...(fields.providerId ? [fields.providerId] : []), ...(fields.listedIds ?? []), ...(fields.staff ?? []).map((s) => s.organisationId)])]
  const [domain, organisations] = await Promise.all([
    fields.domainId ? db.domain.count({ where: { id: fields.domainId, territoryId } }) : 1,
    organisationIds.length ? db.organisation.count({ where: { id: { in: organisationIds }, territoryId } }) : 0,
  ])
  if (!domain) throw new ValidationError('Thématique inconnue dans ce territoire.', 'domainId')
  if (organisations !== organisationIds.length) throw new ValidationError('Organisation inconnue dans ce territoire.', 'listedIds')
}

function columns(fields: OfferFields) {
  return {
    name: fields.name.trim(),
    summary: fields.summary?.trim() || null,
    searchText: searchText(fields.name, fields.summary ?? null),
    kind: fields.kind,
    domainId: fields.domainId ?? null,
    providerId: fields.providerId ?? null,
    status: fields.status ?? null,
    eligibility: fields.eligibility,
    openingStudied: fields.openingStudied ?? false,
    unnamedMembers: fields.unnamedMembers ?? null,
    startDate: fields.startDate ?? null,
    endDate: fields.endDate ?? null,
    renewalDate: fields.renewalDate ?? null,
    tacitRenewal: fields.tacitRenewal ?? null,
    noticeMonths: fields.noticeMonths ?? null,
    legalBasis: fields.legalBasis?.trim() || null,
    contact: fields.contact?.trim() || null,
    joinDeliberations: fields.joinDeliberations ? JSON.stringify([...new Set(fields.joinDeliberations)]) : null,
    costKind: fields.costKind ?? 'UNKNOWN',
    annualCostCents: fields.annualAmount == null ? null : Math.round(fields.annualAmount * 100),
    costYear: fields.costYear ?? null,
    costKey: fields.costKey == null ? null : JSON.stringify(costKeySchema.parse(fields.costKey)),
    proRataFirstYear: fields.proRataFirstYear ?? true,
  }
}


/**
 * Creates (no id) or replaces (id) an offer of the admin's territory: the input is the whole offer.
 * With expectedVersion, a concurrent change is refused rather than overwritten.
 */
export async function saveOffer(viewer: SignedInViewer, id: string | null, fields: OfferFields, expectedVersion: number | null = null) {
  ensure(checkOffer(fields))
  const before = id ? await db.offer.findUnique({ where: { id }, include: { listed: { select: { id: true } }, staff: true } }) : null
  if (id && !before) throw new NotFoundError('Offre introuvable.')
  const territoryId = before?.territoryId ?? viewer.territoryId
  administer(viewer, territoryId)
  if (before && expectedVersion !== null && before.version !== expectedVersion) throw new OfferConflictError('Cette offre a été modifiée entre-temps : relisez-la avant de la changer.', before)
  await checkReferences(territoryId, fields)
  return db.$transaction(async (tx) => {
    const data = columns(fields)
    const listed = (fields.listedIds ?? []).map((organisationId) => ({ id: organisationId }))
    const after = before
      ? await tx.offer.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 }, listed: { set: listed } } })
      : await tx.offer.create({ data: { ...data, territoryId, key: newKeyOf(fields.name), listed: { connect: listed } } })
    if (fields.staff) {
      await tx.offerStaff.deleteMany({ where: { offerId: after.id } })
      await tx.offerStaff.createMany({ data: fields.staff.map((s) => ({ offerId: after.id, organisationId: s.organisationId, mode: s.mode, fte: s.fte, note: s.note?.trim() || null })) })
    }
    await audit(tx, viewer, { territoryId, operation: before ? 'updateOffer' : 'createOffer', entityType: 'Offer', entityId: after.id, before, after: { ...after, listedIds: fields.listedIds ?? [], staff: fields.staff ?? before?.staff ?? [] } })
    return after
  })
}

/** Takes an offer out of the lists; its members, actions and history stay. */
export async function archiveOffer(viewer: SignedInViewer, id: string) {
  const before = await db.offer.findUnique({ where: { id } })
  if (!before) throw new NotFoundError('Offre introuvable.')
  administer(viewer, before.territoryId)
  return db.$transaction(async (tx) => {
    const after = await tx.offer.update({ where: { id }, data: { archivedAt: before.archivedAt ?? new Date(), version: { increment: 1 } } })
    await audit(tx, viewer, { territoryId: before.territoryId, operation: 'archiveOffer', entityType: 'Offer', entityId: id, before, after })
    return after
  })
}

export interface OfferMemberFields {
  state: ParticipationState
  since?: Date | null
  until?: Date | null
  deliberationRef?: string | null
  deliberationDate?: Date | null
  fixedShare?: number | null
  usage?: number | null
  agentTime?: number | null
}

const nonNegative = (field: string, value: number | null | undefined): Check =>
  value != null && (!Number.isFinite(value) || value < 0 || value > 1e9) ? fail(field, 'Une valeur positive ou nulle est attendue.') : ok

/** Sets an organisation's membership of an offer (adding it when absent). Leaving means state FORMER: history stays. */
export async function setOfferMember(viewer: SignedInViewer, offerId: string, organisationId: string, fields: OfferMemberFields) {
  ensure(
    checkCalendarDate('since', fields.since),
    checkCalendarDate('until', fields.until),
    checkCalendarDate('deliberationDate', fields.deliberationDate),
    fields.since && fields.until && fields.until < fields.since ? fail('until', 'La fin de l’adhésion précède son début.') : ok,
    checkText('deliberationRef', fields.deliberationRef, inputLimits.reference, false),
    nonNegative('fixedShare', fields.fixedShare),
    nonNegative('usage', fields.usage),
    nonNegative('agentTime', fields.agentTime),
  )
  const [offer, organisation] = await Promise.all([db.offer.findUnique({ where: { id: offerId } }), db.organisation.findUnique({ where: { id: organisationId } })])
  if (!offer) throw new NotFoundError('Offre introuvable.')
  if (!organisation) throw new NotFoundError('Organisation introuvable.')
  administer(viewer, offer.territoryId)
  if (offer.archivedAt) throw new ValidationError('Cette offre est archivée : ses adhésions ne changent plus.', 'offerId')
  if (organisation.territoryId !== offer.territoryId) throw new ValidationError('Cette organisation ne relève pas du territoire de l’offre.', 'organisationId')
  const key = { offerId_organisationId: { offerId, organisationId } }
  const before = await db.offerMember.findUnique({ where: key })
  return db.$transaction(async (tx) => {
    const data = {
      state: fields.state, since: fields.since ?? null, until: fields.until ?? null, deliberationRef: fields.deliberationRef?.trim() || null,
      deliberationDate: fields.deliberationDate ?? null, fixedShare: fields.fixedShare ?? null, usage: fields.usage ?? null, agentTime: fields.agentTime ?? null,
    }
    const after = await tx.offerMember.upsert({ where: key, create: { ...data, offerId, organisationId }, update: data })
    await audit(tx, viewer, { territoryId: offer.territoryId, operation: 'setOfferMember', entityType: 'OfferMember', entityId: after.id, before, after })
    return after
  })
}
