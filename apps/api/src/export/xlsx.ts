import ExcelJS from 'exceljs'
import type { Cell } from './csv.ts'
import { inertText } from './spreadsheet-text.rules.ts'

/** Excel limits sheet names to 31 characters and forbids a few signs. */
const sheetName = (name: string) => name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31)

/** A real workbook: one sheet named after the list, bold frozen header with filters, dates as dates. */
export async function toXlsx(title: string, header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Mutualis'
  workbook.created = new Date()
  const sheet = workbook.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.addRow([...header]).font = { bold: true }
  for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? inertText(cell) : cell)))
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } }
  sheet.columns.forEach((column, index) => {
    const widest = Math.max(header[index].length, ...rows.map((row) => (row[index] instanceof Date ? 10 : String(row[index] ?? '').length)))
    column.width = Math.min(60, Math.max(10, widest + 2))
    if (rows.some((row) => row[index] instanceof Date)) column.numFmt = 'dd/mm/yyyy'
    column.alignment = { vertical: 'top', wrapText: widest > 60 }
  })
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
}
