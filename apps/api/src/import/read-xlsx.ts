// An XLSX workbook, read row by row with exceljs's streaming reader: memory stays that of the rows
// kept, whatever the sheets hold. The archive was checked first (zip-archive.ts).
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { importLimits, ImportFileError, SheetCollector, type Cell, type Deadline, type Workbook } from './import-limits.ts'

/** A cell's value as the rules read it: rich text as its text, a formula as its result, a link as its label. */
export function xlsxCell(value: unknown): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value
  if (typeof value === 'object') {
    const object = value as { richText?: Array<{ text: string }>; result?: unknown; formula?: unknown; sharedFormula?: unknown; text?: unknown; error?: string }
    if (object.richText) return object.richText.map((run) => run.text).join('')
    if ('formula' in object || 'sharedFormula' in object) return xlsxCell(object.result)
    if (object.text !== undefined) return xlsxCell(object.text)
    if (object.error) return object.error
  }
  return String(value)
}

export async function readXlsx(bytes: Uint8Array, deadline: Deadline): Promise<Workbook> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore',
  })
  const sheets = []
  try {
    for await (const worksheet of reader) {
      const collector = new SheetCollector((worksheet as unknown as { name: string }).name)
      let seen = 0
      for await (const row of worksheet) {
        // Every row is read through, so the archive's next sheet comes; only the first ones are kept.
        if (++seen % 500 === 0) deadline.check()
        const values = row.values as unknown[]
        const cells: Cell[] = []
        for (let column = 1; column < Math.min(values.length, importLimits.columns + 1); column++) cells.push(xlsxCell(values[column]))
        collector.add(row.number, cells)
      }
      if (sheets.length < importLimits.sheets) sheets.push(collector.sheet())
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error
    throw new ImportFileError('Fichier endommagé : ce classeur XLSX ne se lit pas.')
  }
  return { format: 'xlsx', sheets }
}
