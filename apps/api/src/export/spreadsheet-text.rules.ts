import { frenchText } from '@mutualis/domain'

/**
 * Text as a spreadsheet must show it, never run it (OWASP « CSV injection »). Excel and LibreOffice
 * read a cell starting with = + - @, a tab or a carriage return as a formula: on opening a CSV, and
 * in an XLSX once someone edits the cell or saves it as CSV. A note typed by one person could then
 * fetch data or open a link on the computer of whoever opens the export. A leading single quote
 * keeps it text and the rest as typed. Numbers and dates are typed cells and never come here.
 */
export function inertText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

/**
 * A column of prose people wrote (titles, descriptions, points d'avancement), set by frenchText
 * as the report sets it. Keys, codes, names, labels, numbers and dates never pass here: the
 * analysts' scripts read them as they are.
 */
export const prose =
  <Node>(value: (node: Node) => string | null | undefined) =>
  (node: Node): string | null => {
    const text = value(node)
    return text === null || text === undefined ? null : frenchText(text)
  }
