// What the readers of an imported spreadsheet share: the key two spellings compare equal on,
// refusals ready for the import report, and « did you mean » suggestions.
import leven from 'leven'
import { searchText } from './search-text.ts'

/** A cell the rules could not read: a French reason, and what to write instead when there is a guess. */
export interface ImportRefusal {
  ok: false
  reason: string
  /** Values that would be accepted (official names, labels), closest first; may be empty. */
  suggestions: string[]
  /** The suggestions as a French sentence for the report, or null when there is none. */
  suggestion: string | null
}

/** One line of the import report: where, what was read, why it was refused, what to write instead. */
export interface ImportReportRow {
  /** The sheet's row number as the spreadsheet shows it (1 for the header row). */
  row: number
  /** The template's column name (« Communes »), or the column letter when the header is not known. */
  column: string
  value: string
  reason: string
  suggestion: string | null
}

const quoted = (values: readonly string[]) => values.map((value) => `« ${value} »`)

/** « « A » », « « A » ou « B » », « « A », « B » ou « C » ». */
export function frenchAlternatives(values: readonly string[]): string {
  const items = quoted(values)
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ou ${items.at(-1)}`
}

export function refuse(reason: string, suggestions: readonly string[] = [], suggestion?: string): ImportRefusal {
  const unique = [...new Set(suggestions)]
  return { ok: false, reason, suggestions: unique, suggestion: suggestion ?? (unique.length > 0 ? `Vouliez-vous dire ${frenchAlternatives(unique)} ?` : null) }
}

export function reportRow(row: number, column: string, value: string, refusal: Pick<ImportRefusal, 'reason' | 'suggestion'>): ImportReportRow {
  return { row, column, value, reason: refusal.reason, suggestion: refusal.suggestion }
}

/** « A », « Z », « AA »: the letter a spreadsheet shows above the column of that zero-based index. */
export function columnLetter(index: number): string {
  let letters = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}

/**
 * The key two spellings of a header, a status or a commune name compare equal on: accents, case,
 * punctuation, spacing and apostrophe shapes ignored (« État d’avancement : », « etat d'avancement »
 * and « ÉTAT Dʼ AVANCEMENT » give « etat d avancement »).
 */
export function importKey(text: string): string {
  let key = ''
  for (const char of text) key += charKey(char)
  return key.replace(/ {2,}/g, ' ').trim()
}

// Reading a commune list compares against the 37,590 official names: keys are built character by
// character through a cache, some ten times faster than normalising each name whole.
const charKeys = new Map<string, string>()
function charKey(char: string): string {
  let key = charKeys.get(char)
  if (key !== undefined) return key
  // Before searchText: ʼ (U+02BC, which autocorrect types for an apostrophe) and ` are diacritics
  // to Unicode, and removing them would glue « dʼavancement » into one word.
  const apostrophe = /[ʼ`´‘’']/.test(char)
  const plain = apostrophe ? '' : searchText(char.normalize('NFKC')).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
  // What searchText removes is an accent (« e » + U+0301, « S^t »): it joins; anything else separates.
  key = plain || (!apostrophe && /^[\p{Diacritic}\p{M}]$/u.test(char) ? '' : ' ')
  if (charKeys.size < 10_000) charKeys.set(char, key)
  return key
}

/**
 * The candidates whose key is within a few edits of `key` (a third of its length, at least two:
 * « Talnat » finds « Talant », « Statu » finds « Statut »), or that start with it word for word
 * (« Plombières » finds « Plombières-lès-Dijon »); closest first, then in the candidates' order.
 */
export function closestLabels(key: string, candidates: ReadonlyArray<{ key: string; label: string }>, most = 3): string[] {
  if (!key) return []
  const limit = Math.max(2, Math.floor(key.length / 3))
  const scored = candidates
    .map((candidate, order) => ({ label: candidate.label, order, distance: candidate.key.startsWith(`${key} `) ? 0.5 : leven(key, candidate.key, { maxDistance: limit + 1 }) }))
    .filter((candidate) => candidate.distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
  return [...new Set(scored.map((candidate) => candidate.label))].slice(0, most)
}
