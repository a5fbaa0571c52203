// Amounts as French text. Apart from cost.rules.ts (and its zod schemas), so the PWA's first
// screen can show a cost without loading a validation library.

/**
 * A yearly cost as people read it: « 12 345 € par an », « Gratuit » (only for an offer that is
 * free: a member paying nothing this year of a paying offer reads « 0 € cette année »), or
 * « Coût non renseigné ».
 */
export function costLabel(cents: number | null, free: boolean): string {
  if (free) return 'Gratuit'
  if (cents === null) return 'Coût non renseigné'
  if (cents === 0) return '0 € cette année'
  return `${euroAmount(cents)} par an`
}

/** « 12 345 € », « 12 345,50 € »: an amount in cents as French text. */
export function euroAmount(cents: number): string {
  const euros = cents / 100
  return `${euros.toLocaleString('fr-FR', { minimumFractionDigits: Number.isInteger(euros) ? 0 : 2, maximumFractionDigits: 2 })} €`
}
