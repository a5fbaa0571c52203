// What an import does to one action: created, or matched to a stored one and compared field by
// field — its participants (a commune no longer listed becomes a former participant, never
// deleted) and its points d'avancement (a new one is added, the history kept).
import { randomUUID } from 'node:crypto'
import { importDateLabel, instrumentLabels, offerKindInstrument, searchText, statusLabels, type SchemaRow } from '@mutualis/domain'
import type { Prisma } from '../generated/sqlite/client.ts'
import type { ActionRecord } from './import-state.ts'
import type { PlanContext } from './plan-context.ts'
import type { OfferPlan } from './plan-offers.ts'

type Role = 'PILOT' | 'MEMBER' | 'BENEFICIARY' | 'PARTNER'

export interface ActionPlan {
  row: SchemaRow
  id: string
  outcome: 'created' | 'updated' | 'unchanged'
  create: Prisma.ActionCreateManyInput | null
  update: { version: number; data: Prisma.ActionUncheckedUpdateManyInput } | null
  participations: { create: Prisma.ParticipationCreateManyInput[]; update: Array<{ id: string; data: { role?: Role; state?: 'MEMBER' | 'FORMER' } }> }
  progress: Prisma.ProgressUpdateCreateManyInput | null
  /** What changes, in French, for the report. */
  changes: string[]
}

const dayOf = (date: Date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())
const sameDay = (a: Date | null, b: Date | null) => (a === null || b === null ? a === b : dayOf(a) === dayOf(b))
const day = (date: Date | null) => (date ? importDateLabel({ start: date, end: date, precision: 'DAY' }) : 'aucune')

/** The row's organisations and their role: its « Porteur » pilots, the others keep the role they have (a new one is a member). */
function participationsOf(row: SchemaRow, id: string, existing: ActionRecord | null, context: PlanContext): Pick<ActionPlan, 'participations' | 'changes'> {
  const pilot = row.provider ? context.organisationId(row.provider) : null
  const stored = new Map((existing?.participants ?? []).map((participation) => [participation.organisationId, participation]))
  const wanted = new Map<string, Role>()
  for (const organisationId of context.participantIds(row)) {
    const role = stored.get(organisationId)?.role ?? 'MEMBER'
    wanted.set(organisationId, role === 'PILOT' ? 'MEMBER' : role)
  }
  if (pilot) wanted.set(pilot, 'PILOT')
  const plan: Pick<ActionPlan, 'participations' | 'changes'> = { participations: { create: [], update: [] }, changes: [] }
  const [joined, left, pilots]: string[][] = [[], [], []]
  for (const [organisationId, role] of wanted) {
    const participation = stored.get(organisationId)
    if (!participation) {
      plan.participations.create.push({ id: randomUUID(), organisationId, actionId: id, role, state: 'MEMBER' })
      ;(role === 'PILOT' ? pilots : joined).push(context.nameOf(organisationId))
      continue
    }
    // A request to join is the coordination team's to decide, through the join requests.
    if (participation.state === 'REQUESTED') continue
    const data: { role?: Role; state?: 'MEMBER' } = {}
    if (participation.state === 'FORMER') data.state = 'MEMBER'
    if (participation.role !== role) data.role = role
    if (Object.keys(data).length === 0) continue
    plan.participations.update.push({ id: participation.id, data })
    if (role === 'PILOT') pilots.push(context.nameOf(organisationId))
    else if (data.state) joined.push(context.nameOf(organisationId))
  }
  for (const participation of existing?.participants ?? []) {
    if (wanted.has(participation.organisationId) || (participation.state !== 'MEMBER' && participation.state !== 'PLANNED')) continue
    plan.participations.update.push({ id: participation.id, data: { state: 'FORMER' } })
    left.push(context.nameOf(participation.organisationId))
  }
  if (joined.length) plan.changes.push(`participants ajoutés : ${joined.join(', ')}`)
  if (left.length) plan.changes.push(`participants retirés : ${left.join(', ')}`)
  if (pilots.length && existing) plan.changes.push(`porteur : ${pilots.join(', ')}`)
  return plan
}

/**
 * Plans a row's action. `existing` is the stored action the row designates (null: a new one);
 * `offer` the plan of the row's offer. With an offer, « Type » is the offer's: the action keeps its
 * instrument (a new one takes the offer kind's); without, « Type » is the action's instrument.
 */
export function planAction(row: SchemaRow, existing: ActionRecord | null, offer: OfferPlan | null, position: () => number, context: PlanContext): ActionPlan {
  const id = existing?.id ?? randomUUID()
  const domainId = context.domainId(row.domain)
  const offerId = offer?.id ?? null
  const { participations, changes } = participationsOf(row, id, existing, context)
  const text = row.progress?.text.trim()
  const recorded = text && existing?.progressUpdates.some((update) => update.text.trim() === text && (!row.progress!.date || sameDay(update.date, row.progress!.date)))
  const progress = text && !recorded ? { id: randomUUID(), actionId: id, date: row.progress!.date ?? new Date(dayOf(context.today)), statusAfter: row.status, text, author: 'Import du schéma' } : null
  if (progress && existing) changes.push(`point d’avancement ajouté (${day(progress.date as Date)})`)
  const base = { row, id, participations, progress }
  if (!existing) {
    const instrument = offer ? offerKindInstrument[(offer.create?.kind ?? offer.existing!.kind)] : (row.instrument ?? 'AUTRE')
    const create: Prisma.ActionCreateManyInput = {
      id, territoryId: context.territoryId, key: `action-${randomUUID().slice(0, 8)}`, reference: row.reference, position: position(), title: row.title,
      searchText: searchText(row.title, null), domainId, instrument, status: row.status, openness: 'CLOSED', effectiveDate: row.effectiveDate, plannedDate: row.dueDate,
      sourceText: `« ${context.fileName} », ligne ${row.row} : ${Object.values(row.written).join(' | ')}`, offerId,
    }
    return { ...base, outcome: 'created', create, update: null, changes: [] }
  }
  const data: Prisma.ActionUncheckedUpdateManyInput = {}
  const change = (field: keyof Prisma.ActionUncheckedUpdateManyInput, label: string, from: string, to: string, value: unknown) => {
    ;(data as Record<string, unknown>)[field] = value
    changes.unshift(`${label} : ${from} → ${to}`)
  }
  if (row.title !== existing.title) change('title', 'intitulé', `« ${existing.title} »`, `« ${row.title} »`, row.title)
  if (data.title !== undefined) data.searchText = searchText(row.title, existing.description)
  if (row.status !== existing.status) change('status', 'statut', statusLabels[existing.status], statusLabels[row.status], row.status)
  if (domainId !== existing.domainId) change('domainId', 'domaine', context.domainName(existing.domainId), row.domain, domainId)
  if (offerId !== existing.offerId) change('offerId', 'offre', existing.offerId ? 'une autre' : 'aucune', row.offer ?? 'aucune', offerId)
  if (!offer && row.instrument && row.instrument !== existing.instrument) change('instrument', 'type', instrumentLabels[existing.instrument], instrumentLabels[row.instrument], row.instrument)
  if (!sameDay(row.effectiveDate, existing.effectiveDate)) change('effectiveDate', 'date d’effet', day(existing.effectiveDate), day(row.effectiveDate), row.effectiveDate)
  if (!sameDay(row.dueDate, existing.plannedDate)) change('plannedDate', 'échéance', day(existing.plannedDate), day(row.dueDate), row.dueDate)
  // A reference written as the action's key (an export of an action that had none) gives it none.
  const reference = row.reference && row.reference !== existing.reference && row.reference.toLowerCase() !== existing.key.toLowerCase() ? row.reference : null
  if (reference) change('reference', 'référence', existing.reference ?? 'aucune', reference, reference)
  const changed = Object.keys(data).length > 0
  const outcome = changed || participations.create.length || participations.update.length || progress ? 'updated' : 'unchanged'
  return { ...base, outcome, create: null, update: changed ? { version: existing.version, data } : null, changes }
}
