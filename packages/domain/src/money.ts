// Amounts as French text, and their bounds. Apart from cost.rules.ts (and its zod schemas), so the
// PWA's first screen can show a cost, and a spreadsheet's amounts be read, without a validation library.

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

// Built on first use and kept: the first Intl object of a page loads the locale data (tens of
// milliseconds on a phone), which the PWA's first screen does without (its amounts come as labels).
let wholeEuros: Intl.NumberFormat | undefined
let euroCents: Intl.NumberFormat | undefined
let fte: Intl.NumberFormat | undefined

/**
 * « 12 345 € », « 12 345,50 € »: an amount in cents as French text, as Intl writes it: thousands
 * grouped by a narrow no-break space (U+202F), a no-break space (U+00A0) before « € ».
 */
export function euroAmount(cents: number): string {
  const format =
    cents % 100 === 0
      ? (wholeEuros ??= new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 0 }))
      : (euroCents ??= new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }))
  return format.format(cents / 100)
}

/** « 0,5 ETP »: full-time equivalents. */
export function fteAmount(value: number): string {
  return `${(fte ??= new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 })).format(value)} ETP`
}

/**
 * The largest annual amount an offer may state, in euros. Amounts are stored as cents in a 32-bit
 * integer column (21 474 836,47 € at most): beyond it PostgreSQL refuses the write.
 */
export const maxAnnualAmountEuros = 20_000_000

/** An offer's annual amount in euros: from 0 to maxAnnualAmountEuros. */
export function annualAmountCheck(amount: number): { ok: true } | { ok: false; reason: string } {
  if (!Number.isFinite(amount) || amount < 0 || amount > maxAnnualAmountEuros) {
    return { ok: false, reason: `Le montant annuel doit être compris entre 0 et ${euroAmount(maxAnnualAmountEuros * 100)}.` }
  }
  // Amounts are kept in whole cents: a fraction of a cent would be rounded away without a word.
  if (Math.abs(amount * 100 - Math.round(amount * 100)) > 1e-6) return { ok: false, reason: 'Le montant annuel se donne au centime près (deux décimales au plus).' }
  return { ok: true }
}
