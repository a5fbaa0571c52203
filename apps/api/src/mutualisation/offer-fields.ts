import { costKeySchema, offerKindTerms, type CostKey, type JoinDeliberation, type OfferKind } from '@mutualis/domain'
import { JoinDeliberation as JoinDeliberations } from '../generated/sqlite/enums.ts'

// The two offer columns stored as JSON text (SQLite has no lists of enums): read back, checked.

/** The clé de répartition stored with an offer, or null when none is known (or the stored text is not a valid key). */
export function parseCostKey(stored: string | null): CostKey | null {
  if (!stored) return null
  try {
    const parsed = costKeySchema.safeParse(JSON.parse(stored))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

const known = new Set<string>(Object.values(JoinDeliberations))

/** The deliberations needed to join: the offer's own list, or the usual ones of its kind. */
export function joinDeliberationsOf(offer: { kind: OfferKind; joinDeliberations: string | null }): JoinDeliberation[] {
  if (offer.joinDeliberations) {
    try {
      const list = JSON.parse(offer.joinDeliberations) as unknown
      if (Array.isArray(list) && list.every((d) => typeof d === 'string' && known.has(d))) return list as JoinDeliberation[]
    } catch {
      // Falls back to the kind's usual deliberations below.
    }
  }
  return offerKindTerms[offer.kind].joinDeliberations
}
