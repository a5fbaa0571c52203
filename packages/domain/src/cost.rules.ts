// The clé de répartition of an offer: how its annual cost is shared among its members.
// Amounts are whole euro cents, so that the shares of an offer add up to its amount exactly.
import { z } from 'zod'

// Kept here for the callers of this module; they live apart so a screen (or the import of a
// spreadsheet) can show and check amounts without zod.
export { annualAmountCheck, costLabel, euroAmount, fteAmount, maxAnnualAmountEuros } from './money.ts'

export const costBases = ['FIXED', 'POPULATION', 'USAGE', 'AGENT_TIME'] as const
export type CostBasis = (typeof costBases)[number]

export const costBasisLabels: Record<CostBasis, string> = {
  FIXED: 'Part fixe',
  POPULATION: 'Population',
  USAGE: 'Usage',
  AGENT_TIME: 'Temps des agents',
}

const costKeyPart = z.object({
  basis: z.enum(costBases),
  /** Share of the amount distributed on this basis, in whole percent. */
  percent: z.number().int().min(1).max(100),
  /** What USAGE counts (« acte pondéré », « heure », « repas »); null for the other bases. */
  unit: z.string().trim().min(1).max(60).nullable(),
})

/** A key: one to four parts whose percentages add up to 100; a usage part names its unit. */
export const costKeySchema = z
  .object({ parts: z.array(costKeyPart).min(1).max(4) })
  .refine((key) => key.parts.reduce((sum, part) => sum + part.percent, 0) === 100, { message: 'Les parts de la clé de répartition doivent totaliser 100 %.', path: ['parts'] })
  .refine((key) => new Set(key.parts.map((part) => part.basis)).size === key.parts.length, { message: 'Chaque base ne figure qu’une fois dans la clé.', path: ['parts'] })
  .refine((key) => key.parts.every((part) => (part.basis === 'USAGE') === (part.unit !== null)), { message: 'Une part à l’usage nomme son unité (acte pondéré, heure, repas…), les autres non.', path: ['parts'] })

export type CostKey = z.infer<typeof costKeySchema>
export type CostKeyPart = CostKey['parts'][number]

/** What a member brings to each basis: official population, fixed share, units used, agents' time. */
export interface CostKeyInputs {
  id: string
  population: number | null
  fixedShare: number | null
  usage: number | null
  agentTime: number | null
}

const basisValue: Record<CostBasis, (member: CostKeyInputs) => number | null> = {
  FIXED: (m) => m.fixedShare,
  POPULATION: (m) => m.population,
  USAGE: (m) => m.usage,
  AGENT_TIME: (m) => m.agentTime,
}

export type CostSplit =
  | { ok: true; shares: Map<string, number> }
  | { ok: false; reason: string }

/** « 50 % population + 50 % acte pondéré », for people. */
export function costKeyLabel(key: CostKey): string {
  return key.parts.map((part) => `${part.percent} % ${part.basis === 'USAGE' ? part.unit : costBasisLabels[part.basis].toLowerCase()}`).join(' + ')
}

/**
 * Shares an annual amount (cents) among members by the key: each part's portion is divided in
 * proportion to the members' values on its basis. Rounding uses the largest remainder, so the
 * shares always add up to the amount. A member without a value on a basis the key uses makes the
 * split unknown (never guessed).
 */
export function splitCost(amountCents: number, key: CostKey, members: readonly CostKeyInputs[]): CostSplit {
  if (!Number.isInteger(amountCents) || amountCents < 0) return { ok: false, reason: 'Le montant doit être un nombre entier de centimes positif.' }
  if (members.length === 0) return { ok: false, reason: 'Aucun membre entre qui répartir le coût.' }
  const exact = new Map(members.map((member) => [member.id, 0]))
  for (const part of key.parts) {
    const values = members.map((member) => basisValue[part.basis](member))
    const missing = members.filter((_member, i) => values[i] === null || !Number.isFinite(values[i]!) || values[i]! < 0)
    if (missing.length > 0) return { ok: false, reason: `${costBasisLabels[part.basis]} non renseigné(e) pour ${missing.length} membre(s).` }
    const total = values.reduce<number>((sum, value) => sum + value!, 0)
    if (total === 0) return { ok: false, reason: `${costBasisLabels[part.basis]} : total nul, la part ne peut pas être répartie.` }
    const portion = (amountCents * part.percent) / 100
    members.forEach((member, i) => exact.set(member.id, exact.get(member.id)! + (portion * values[i]!) / total))
  }
  return { ok: true, shares: largestRemainder(amountCents, exact) }
}

/** Rounds each exact share down, then gives the missing cents to the largest remainders (ties: input order). */
function largestRemainder(total: number, exact: Map<string, number>): Map<string, number> {
  const entries = [...exact.entries()].map(([id, value], order) => ({ id, floor: Math.floor(value + 1e-9), remainder: value - Math.floor(value + 1e-9), order }))
  let missing = total - entries.reduce((sum, entry) => sum + entry.floor, 0)
  for (const entry of [...entries].sort((a, b) => b.remainder - a.remainder || a.order - b.order)) {
    if (missing <= 0) break
    entry.floor += 1
    missing -= 1
  }
  return new Map(entries.map((entry) => [entry.id, entry.floor]))
}

const dayMs = 86_400_000
const utcDay = (year: number, month: number, day: number) => Date.UTC(year, month, day)

/** The days of `year` a membership from `since` to `until` (inclusive, either may be open) covers, and the days of the year. */
function daysCovered(year: number, since: Date | null, until: Date | null): { covered: number; ofYear: number } {
  const start = utcDay(year, 0, 1)
  const end = utcDay(year + 1, 0, 1)
  const from = Math.max(start, since ? since.getTime() : start)
  const to = Math.min(end, until ? until.getTime() + dayMs : end)
  return { covered: Math.max(0, to - from) / dayMs, ofYear: (end - start) / dayMs }
}

/**
 * The part of a year a membership covers, from 0 to 1 (six decimals, for display): a member from
 * `since` to `until` (inclusive, either may be open) pays for the days it is a member that year.
 */
export function memberYearFraction(year: number, since: Date | null, until: Date | null): number {
  const { covered, ofYear } = daysCovered(year, since, until)
  return Math.round((covered / ofYear) * 1e6) / 1e6
}

/**
 * A member's cost for a year: its share, pro rata of the days it is a member when the offer says so.
 * Share × days / days of the year, rounded once to the cent (not through the six-decimal fraction,
 * which is off by cents on shares of a few ten thousand euros).
 */
export function memberAnnualCost(shareCents: number, year: number, since: Date | null, until: Date | null, proRata: boolean): number {
  const { covered, ofYear } = daysCovered(year, since, until)
  if (!proRata) return covered > 0 ? shareCents : 0
  return Math.round((shareCents * covered) / ofYear)
}

/** A member as the year's cost reads it: its key inputs, its state and its dates. */
export interface CostedMember extends CostKeyInputs {
  state: 'MEMBER' | 'PLANNED' | 'REQUESTED' | 'FORMER'
  since: Date | null
  until: Date | null
}

export interface CostedOffer {
  costKind: 'AMOUNT' | 'FREE' | 'UNKNOWN'
  annualCostCents: number | null
  costKey: CostKey | null
  proRataFirstYear: boolean
}

/**
 * Whether a member pays in a year: a member (from `since`, when known), a planned member once its
 * start date is reached, a former member until it left. A request pays nothing.
 */
export function paysIn(member: Pick<CostedMember, 'state' | 'since' | 'until'>, year: number): boolean {
  if (member.state === 'REQUESTED') return false
  if (member.state === 'PLANNED' && !member.since) return false
  if (member.state === 'FORMER' && !member.until) return false
  return memberYearFraction(year, member.since, member.until) > 0
}

/**
 * Each member's cost for a year, in cents: 0 when the offer is free, null when it is not known
 * (no amount, or an amount with no key and several members, or a key input missing). The shares
 * of the members paying that year add up to the amount before any first-year pro-rata.
 */
export function memberCostsForYear(offer: CostedOffer, members: readonly CostedMember[], year: number): Map<string, number | null> {
  const payers = members.filter((member) => paysIn(member, year))
  // Not known: null for every member, paying or not (never « free » by default).
  if (offer.costKind === 'FREE') return new Map(members.map((member) => [member.id, 0]))
  const costs = new Map<string, number | null>(members.map((member) => [member.id, null]))
  if (offer.costKind !== 'AMOUNT' || offer.annualCostCents === null) return costs
  // A known amount: who does not pay this year pays nothing this year.
  for (const member of members) if (!payers.includes(member)) costs.set(member.id, 0)
  const shares = offer.costKey ? splitCost(offer.annualCostCents, offer.costKey, payers) : payers.length === 1 ? { ok: true as const, shares: new Map([[payers[0]!.id, offer.annualCostCents]]) } : null
  if (!shares?.ok) return costs
  for (const payer of payers) costs.set(payer.id, memberAnnualCost(shares.shares.get(payer.id)!, year, payer.since, payer.until, offer.proRataFirstYear))
  return costs
}

/**
 * What joining would cost a newcomer for a full year: its share with the current payers once it
 * is counted among them; 0 when free; null when the key needs figures it does not have yet.
 */
export function costIfJoined(offer: CostedOffer, members: readonly CostedMember[], newcomer: CostKeyInputs, year: number): number | null {
  if (offer.costKind === 'FREE') return 0
  if (offer.costKind !== 'AMOUNT' || offer.annualCostCents === null || !offer.costKey) return null
  const payers = [...members.filter((member) => paysIn(member, year) && member.id !== newcomer.id), newcomer]
  const split = splitCost(offer.annualCostCents, offer.costKey, payers)
  return split.ok ? split.shares.get(newcomer.id)! : null
}

/** The years costs are computed for: the API's `year` arguments, the impact export and the report share them. */
export function costYearCheck(year: number): { ok: true } | { ok: false; reason: string } {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return { ok: false, reason: 'L’année doit être comprise entre 2000 et 2100.' }
  return { ok: true }
}
