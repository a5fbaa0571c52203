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
