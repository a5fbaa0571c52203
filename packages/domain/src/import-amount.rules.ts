// Amounts and staff as EPCIs write them: « 12 500 € », « 12 500,50 », « 12,5 k€ », « gratuit »,
// « 0,5 ETP », « mi-temps ». An empty cell is not known — never zero.
import type { CostKind } from './enums.ts'
import { refuse, type ImportRefusal } from './import-text.ts'
import { annualAmountCheck, euroAmount, maxAnnualAmountEuros } from './money.ts'
import { searchText } from './search-text.ts'

export type CostReading = { ok: true; kind: CostKind; cents: number | null } | ImportRefusal
export type FteReading = { ok: true; fte: number | null } | ImportRefusal

const notKnown = /^(?:nc|n\.?\s?c\.?|nr|nd|\?+|-+|\/|non (?:renseignee?|connue?|communiquee?|chiffree?|evaluee?)|inconnue?|a (?:definir|determiner|preciser|chiffrer|evaluer)|en cours de chiffrage|ne sait pas)$/
const free = /^(?:gratuite?s?|gratuite|sans (?:cout|frais)|aucun (?:cout|frais)|cout nul|neant|0+(?:[.,]0+)?)$/

/**
 * « 12 500 », « 12.500.000 », « 1 234,56 », « 1,234.56 », « 12'500 » → the number; null when the
 * separators do not say which is the decimal one (« 12,500 » or « 12.500 »: 12,5 or 12 500?).
 */
function decimalNumber(written: string): number | 'ambiguous' | null {
  // Spaces (and Swiss apostrophes) only ever group thousands.
  if (/[\s']/.test(written) && !/^\d{1,3}(?:[\s']\d{3})+(?:[.,]\d+)?$/.test(written)) return null
  const text = written.replace(/[\s']/g, '')
  if (!/^\d+(?:[.,]\d+)*$/.test(text)) return null
  const separators = text.replace(/\d/g, '')
  if (!separators) return Number(text)
  const mixed = new Set(separators).size > 1
  // The decimal separator is the last one, given once: « 1.234,56 », « 1,234.56 », « 12,5 ».
  const decimal = mixed || separators.length === 1 ? separators.at(-1)! : null
  if (decimal && separators.indexOf(decimal) !== separators.length - 1) return null
  const cut = decimal ? text.lastIndexOf(decimal) : text.length
  const [whole, fraction] = [text.slice(0, cut), text.slice(cut + 1)]
  const grouping = decimal ? separators.slice(0, -1) : separators
  if (grouping && !new RegExp(`^\\d{1,3}(?:\\${grouping[0]}\\d{3})+$`).test(whole)) return null
  if (!grouping && fraction.length === 3 && /^\d{1,3}$/.test(whole)) return 'ambiguous'
  return Number(`${whole.replace(/\D/g, '')}.${fraction || 0}`)
}

function fromEuros(euros: number, written: string): CostReading {
  if (euros < 0) return refuse(`Un coût annuel ne peut pas être négatif : « ${written} ».`)
  if (euros === 0) return { ok: true, kind: 'FREE', cents: null }
  const check = annualAmountCheck(euros)
  if (!check.ok) return refuse(`${check.reason} Lu : « ${written} ».`, euros > maxAnnualAmountEuros ? [] : [euroAmount(Math.round(euros * 100))])
  return { ok: true, kind: 'AMOUNT', cents: Math.round(euros * 100) }
}

/**
 * A « Coût annuel » cell: an amount in euros (AMOUNT, in cents), FREE (« gratuit », or a written
 * zero: the offer costs nothing), or UNKNOWN (empty, « NC », « à définir »). « k€ » and « M€ » scale
 * the figure; « HT », « TTC », « par an » and « environ » are read past.
 */
export function readAnnualCost(value: unknown): CostReading {
  if (value === null || value === undefined) return { ok: true, kind: 'UNKNOWN', cents: null }
  if (typeof value === 'number') return Number.isFinite(value) ? fromEuros(value, String(value)) : refuse('Montant illisible.')
  const written = String(value).trim()
  const text = searchText(written)
    .replace(/^(?:environ|env\.?|~|≈|ca\.?)\s*/, '')
    .replace(/\s*(?:\/\s*an|par an|annuels?)$/, '')
    .replace(/\s*(?:ht|ttc)$/, '')
  if (!text || notKnown.test(text)) return { ok: true, kind: 'UNKNOWN', cents: null }
  if (free.test(text)) return { ok: true, kind: 'FREE', cents: null }
  const m = text.match(/^(-)?\s*(?:€\s*)?([\d\s.,']+?)\s*(k|m)?\s*(?:€|euros?|eur)?$/)
  const number = m ? decimalNumber(m[2].trim()) : null
  if (number === 'ambiguous') {
    const [whole, fraction] = m![2].trim().split(/[.,]/)
    return refuse(`Montant ambigu : « ${written} » peut se lire ${euroAmount(Number(`${whole}${fraction}`) * 100)} ou ${euroAmount(Math.round(Number(`${whole}.${fraction}`) * 100))}.`, [euroAmount(Number(`${whole}${fraction}`) * 100), euroAmount(Math.round(Number(`${whole}.${fraction}`) * 100))], 'Écrire les milliers avec une espace et les centimes après une virgule : « 12 500 € » ou « 12,50 € ».')
  }
  if (number === null) return refuse(`Montant illisible : « ${written} ».`, [], 'Écrire un seul montant annuel en euros, par exemple « 12 500 € », ou « gratuit ».')
  const scale = m![3] === 'k' ? 1_000 : m![3] === 'm' ? 1_000_000 : 1
  // 12,5 × 1 000 is 12 499,999… in floating point: a scaled figure is rounded to the cent, a plain one is not.
  const euros = scale === 1 ? number : Math.round(number * scale * 100) / 100
  return fromEuros(m![1] ? -euros : euros, written)
}

// Fractions of a full-time post as they are said; « temps partiel » names none and is refused.
const namedFte: Array<[RegExp, number]> = [
  [/^(?:a )?(?:temps plein|plein temps|temps complet)$/, 1],
  [/^(?:a )?(?:mi|demi)[- ]?temps$/, 0.5],
  [/^(?:a )?(?:3\/4|trois quarts?)(?: de)? temps$/, 0.75],
  [/^(?:a )?(?:1\/3|un )?tiers(?: de)? temps$/, 0.33],
  [/^(?:a )?(?:1\/4|un )?quarts?(?: de)? temps$/, 0.25],
]
const maxFte = 1000
const hundredths = (n: number) => Math.round(n * 100) / 100

function fteCheck(fte: number, written: string): FteReading {
  if (!Number.isFinite(fte) || fte < 0) return refuse(`Un nombre d’ETP ne peut pas être négatif : « ${written} ».`)
  if (fte > maxFte) return refuse(`Plus de ${maxFte} ETP pour une offre : « ${written} » ne semble pas un nombre d’équivalents temps plein.`)
  return { ok: true, fte }
}

/**
 * An « ETP » cell in full-time equivalents: « 0,5 », « 0,5 ETP », « 1 ETP », « mi-temps », « 80 % »,
 * « 1/2 », « 17,5 h par semaine » (of 35 h). Empty or « NC » is not known (null). A headcount
 * (« 2 agents ») is refused: two agents half-time are one ETP.
 */
export function readFte(value: unknown): FteReading {
  if (value === null || value === undefined) return { ok: true, fte: null }
  if (typeof value === 'number') return fteCheck(value, String(value))
  const written = String(value).trim()
  const text = searchText(written)
    .replace(/\s*(?:e\.?t\.?p\.?|equivalents? temps pleins?)$/, '')
    .trim()
  if (!text || notKnown.test(text)) return { ok: true, fte: null }
  for (const [pattern, fte] of namedFte) if (pattern.test(text)) return { ok: true, fte }
  let m: RegExpMatchArray | null
  if ((m = text.match(/^(-?\d+(?:[.,]\d+)?)$/))) return fteCheck(Number(m[1].replace(',', '.')), written)
  if ((m = text.match(/^(\d+(?:[.,]\d+)?)\s*%(?: d'un(?: etp| temps plein)?)?$/))) return fteCheck(hundredths(Number(m[1].replace(',', '.')) / 100), written)
  if ((m = text.match(/^(\d+)\/(\d+)$/)) && Number(m[2]) > 0) return fteCheck(hundredths(Number(m[1]) / Number(m[2])), written)
  if ((m = text.match(/^(\d+(?:[.,]\d+)?)\s*h(?:eures?)?\s*(\d{2})?\s*(?:\/\s*sem(?:aine)?|par semaine|hebdo(?:madaires?)?)$/))) {
    return fteCheck(hundredths((Number(m[1].replace(',', '.')) + Number(m[2] ?? 0) / 60) / 35), written)
  }
  if (/^temps partiel$/.test(text)) return refuse('« Temps partiel » ne dit pas la quotité.', ['0,8', '0,5'], 'Indiquer la quotité en ETP, par exemple « 0,8 » pour un temps partiel à 80 %.')
  if (/^\d+(?:[.,]\d+)?\s*(?:agents?|personnes?|postes?|salaries?)$/.test(text)) {
    return refuse(`Un nombre d’agents n’est pas un nombre d’ETP : « ${written} ».`, [], 'Indiquer les équivalents temps plein : deux agents à mi-temps font « 1 ».')
  }
  return refuse(`Nombre d’ETP illisible : « ${written} ».`, [], 'Écrire un nombre d’équivalents temps plein, par exemple « 0,5 » ou « 1,5 ».')
}
