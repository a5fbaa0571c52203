// What an import does to the territory's offers: each offer of the sheet matched to a stored one by
// its name (accents and case ignored) or created, and what its rows state compared field by field.
import { randomUUID } from 'node:crypto'
import { costKeyLabel, costLabel, fteAmount, importKey, importKindLabels, participationStateLabels, searchText, type ActionStatus, type OfferDraft, type SchemaRow } from '@mutualis/domain'
import type { Prisma } from '../generated/sqlite/client.ts'
import { parseCostKey } from '../mutualisation/offer-fields.ts'
import { newKeyOf } from '../mutualisation/record-key.ts'
import type { PlanContext } from './plan-context.ts'
import type { OfferRecord } from './import-state.ts'

type MemberState = 'MEMBER' | 'PLANNED'

export interface OfferPlan {
  draft: OfferDraft
  id: string
  existing: OfferRecord | null
  create: Prisma.OfferCreateManyInput | null
  update: { version: number; data: Prisma.OfferUncheckedUpdateManyInput } | null
  /** The offer's staff, replaced whole; null: unchanged. */
  staff: Array<Omit<Prisma.OfferStaffCreateManyInput, 'offerId'>> | null
  members: { create: Array<{ organisationId: string; state: MemberState }>; update: Array<{ id: string; state: MemberState }> }
  /** What changes, in French, for the report. */
  changes: string[]
}

/** A row's communes and organisations are members of its offer once its action is in place, planned members while it is under way. */
export function memberStateFor(status: ActionStatus): MemberState | null {
  if (status === 'IMPLEMENTED') return 'MEMBER'
  if (status === 'IN_PROGRESS' || status === 'PLANNED') return 'PLANNED'
  return null
}

const cost = (kind: string, cents: number | null) => costLabel(kind === 'AMOUNT' ? cents : null, kind === 'FREE')
const hundredths = (n: number) => Math.round(n * 100) / 100

function membersOf(draft: OfferDraft, rows: ReadonlyMap<number, SchemaRow>, context: PlanContext, existing: OfferRecord | null, providerId: string | null): OfferPlan['members'] & { changes: string[] } {
  const target = new Map<string, MemberState>()
  // Who provides an offer does not join it.
  const provider = existing?.providerId ?? providerId
  for (const number of draft.rows) {
    const row = rows.get(number)
    const state = row && memberStateFor(row.status)
    if (!row || !state) continue
    for (const id of context.participantIds(row)) if (id !== provider && target.get(id) !== 'MEMBER') target.set(id, state)
  }
  const stored = new Map((existing?.members ?? []).map((member) => [member.organisationId, member]))
  const plan: OfferPlan['members'] & { changes: string[] } = { create: [], update: [], changes: [] }
  for (const [organisationId, state] of target) {
    const member = stored.get(organisationId)
    const name = context.nameOf(organisationId)
    if (!member) plan.create.push({ organisationId, state })
    // A member is never made a planned one again, and a pending request is the join requests' to decide.
    else if (member.state === 'FORMER' || (member.state === 'PLANNED' && state === 'MEMBER')) plan.update.push({ id: member.id, state })
    else continue
    plan.changes.push(`membre : ${name} (${participationStateLabels[state].toLowerCase()})`)
  }
  return plan
}

/**
 * Plans one offer. A cell left empty states nothing and keeps what is stored; the provider of an
 * offer between named parties (none stored) stays none: its rows' « Porteur » pilots their actions.
 */
export function planOffer(draft: OfferDraft, existing: OfferRecord | null, rows: ReadonlyMap<number, SchemaRow>, context: PlanContext): OfferPlan {
  const providerId = draft.provider ? context.organisationId(draft.provider) : null
  const id = existing?.id ?? randomUUID()
  const members = membersOf(draft, rows, context, existing, providerId)
  const staffLine = (fte: number) => [{ organisationId: providerId ?? context.epciId!, mode: draft.kind?.startsWith('MISE_A_DISPOSITION') || existing?.kind.startsWith('MISE_A_DISPOSITION') ? ('MADE_AVAILABLE' as const) : ('SHARED' as const), fte, note: null }]
  if (!existing) {
    const costKind = draft.cost?.kind ?? 'UNKNOWN'
    return {
      draft, id, existing, update: null, members,
      create: {
        id, territoryId: context.territoryId, key: newKeyOf(draft.name), name: draft.name, searchText: searchText(draft.name, null), kind: draft.kind!,
        domainId: context.domainId(draft.domain), providerId, eligibility: 'CLOSED', costKind, annualCostCents: costKind === 'AMOUNT' ? draft.cost!.cents : null,
        costYear: costKind === 'AMOUNT' ? context.today.getUTCFullYear() : null, costKey: draft.costKey ? JSON.stringify(draft.costKey) : null,
      },
      staff: draft.fte ? staffLine(draft.fte) : null,
      changes: [`offre « ${draft.name} » créée`, ...members.changes.map((change) => `offre « ${draft.name} », ${change}`)],
    }
  }
  const data: Prisma.OfferUncheckedUpdateManyInput = {}
  const changes: string[] = []
  if (draft.kind && draft.kind !== existing.kind) {
    data.kind = draft.kind
    changes.push(`type : ${importKindLabels[existing.kind]} → ${importKindLabels[draft.kind]}`)
  }
  if (providerId && existing.providerId && providerId !== existing.providerId) {
    data.providerId = providerId
    changes.push(`porteur : ${context.nameOf(existing.providerId)} → ${context.nameOf(providerId)}`)
  }
  if (draft.cost && (draft.cost.kind !== existing.costKind || (draft.cost.kind === 'AMOUNT' && draft.cost.cents !== existing.annualCostCents))) {
    Object.assign(data, { costKind: draft.cost.kind, annualCostCents: draft.cost.kind === 'AMOUNT' ? draft.cost.cents : null, costYear: draft.cost.kind === 'AMOUNT' ? (existing.costYear ?? context.today.getUTCFullYear()) : existing.costYear })
    changes.push(`coût annuel : ${cost(existing.costKind, existing.annualCostCents)} → ${cost(draft.cost.kind, draft.cost.cents)}`)
  }
  const storedKey = parseCostKey(existing.costKey)
  if (draft.costKey && (!storedKey || costKeyLabel(storedKey) !== costKeyLabel(draft.costKey))) {
    data.costKey = JSON.stringify(draft.costKey)
    changes.push(`clé de répartition : ${storedKey ? costKeyLabel(storedKey) : 'aucune'} → ${costKeyLabel(draft.costKey)}`)
  }
  const storedFte = hundredths(existing.staff.reduce((sum, line) => sum + line.fte, 0))
  const staff = draft.fte !== null && hundredths(draft.fte) !== storedFte ? staffLine(draft.fte) : null
  if (staff) changes.push(`ETP : ${fteAmount(storedFte)} → ${fteAmount(draft.fte!)}`)
  changes.push(...members.changes)
  const changed = Object.keys(data).length > 0
  return {
    draft, id, existing, create: null, staff, members,
    update: changed ? { version: existing.version, data } : null,
    changes: changes.map((change) => `offre « ${existing.name} », ${change}`),
  }
}

/** The stored offers a sheet's offer may be, by name: more than one is a question the sheet cannot answer. */
export function offersByName(offers: readonly OfferRecord[]): Map<string, OfferRecord[]> {
  const byName = new Map<string, OfferRecord[]>()
  for (const offer of offers) if (!offer.archivedAt) byName.set(importKey(offer.name), [...(byName.get(importKey(offer.name)) ?? []), offer])
  return byName
}
