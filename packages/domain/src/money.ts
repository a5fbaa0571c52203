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
  if (cents === 0) return `${euroAmount(0)} cette année`
  return `${euroAmount(cents)} par an`
}

const wholeEuros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 0 })
const euroCents = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })

/**
 * « 12 345 € », « 12 345,50 € »: an amount in cents as French text, as Intl writes it: thousands
 * grouped by a narrow no-break space (U+202F), a no-break space (U+00A0) before « € ».
 */
export function euroAmount(cents: number): string {
  return (cents % 100 === 0 ? wholeEuros : euroCents).format(cents / 100)
}
