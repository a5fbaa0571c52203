import { inertText } from './spreadsheet-text.rules.ts'

/** A cell as the exports hold it: text, a number, a calendar date, or nothing. */
export type Cell = string | number | Date | null

const bom = '\uFEFF'
const needsQuotes = /[;"\r\n]|^\s|\s$/

/** JJ/MM/AAAA, the way French spreadsheets read and show a date. */
export function frenchDate(date: Date): string {
  const [year, month, day] = date.toISOString().slice(0, 10).split('-')
  return `${day}/${month}/${year}`
}

function field(cell: Cell): string {
  if (cell === null) return ''
  const text = cell instanceof Date ? frenchDate(cell) : typeof cell === 'number' ? String(cell).replace('.', ',') : inertText(cell)
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * CSV as French Excel opens it by double-click: UTF-8 with a byte order mark (or accents break),
 * `;` between fields (`,` is the decimal separator), CRLF line ends, RFC 4180 quoting.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  return bom + [header, ...rows].map((row) => row.map(field).join(';')).join('\r\n') + '\r\n'
}
