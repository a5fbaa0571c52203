// An OpenDocument spreadsheet (LibreOffice, OnlyOffice…): its content.xml read with saxes, row by
// row. Repeated rows and columns (« number-rows-repeated », LibreOffice's way of writing a million
// empty rows) are counted, never expanded. saxes expands no entity a document declares.
import { SaxesParser, type SaxesTagNS } from 'saxes'
import type JSZip from 'jszip'
import { importLimits, ImportFileError, SheetCollector, type Cell, type Deadline, type Workbook } from './import-limits.ts'

const ns = {
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
}
const odsMimetype = 'application/vnd.oasis.opendocument.spreadsheet'

const attribute = (tag: SaxesTagNS, uri: string, local: string) => Object.values(tag.attributes).find((a) => a.uri === uri && a.local === local)?.value
const count = (value: string | undefined) => Math.max(1, Number.parseInt(value ?? '1', 10) || 1)

/** A typed cell: its office:value (numbers, percentages, amounts), date or boolean; text cells keep their text. */
function typedValue(tag: SaxesTagNS): { type: string; value: Cell } {
  const type = attribute(tag, ns.office, 'value-type') ?? 'string'
  if (type === 'float' || type === 'percentage' || type === 'currency') return { type, value: Number(attribute(tag, ns.office, 'value')) }
  if (type === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(attribute(tag, ns.office, 'date-value') ?? '')
    return { type, value: m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null }
  }
  if (type === 'boolean') return { type, value: attribute(tag, ns.office, 'boolean-value') === 'true' }
  return { type: 'string', value: null }
}

/** Parses content.xml; checks the deadline every few thousand tags. */
function parseContent(xml: string, deadline: Deadline): Workbook['sheets'] {
  const sheets: Workbook['sheets'] = []
  const parser = new SaxesParser({ xmlns: true })
  let sheet: SheetCollector | null = null
  let rowNumber = 0
  let row: { cells: Cell[]; repeat: number; column: number } | null = null
  let cell: { typed: Cell; isText: boolean; repeat: number; paragraphs: string[] } | null = null
  let annotation = 0
  let tags = 0
  parser.on('opentag', (tag) => {
    if (++tags % 5000 === 0) deadline.check()
    if (tag.uri === ns.office && tag.local === 'annotation') annotation++
    if (annotation > 0 || tag.uri === ns.office) return
    if (tag.uri === ns.table && tag.local === 'table') {
      sheet = new SheetCollector(attribute(tag, ns.table, 'name') ?? `Feuille ${sheets.length + 1}`)
      rowNumber = 0
    } else if (tag.uri === ns.table && tag.local === 'table-row') {
      row = { cells: [], repeat: count(attribute(tag, ns.table, 'number-rows-repeated')), column: 0 }
    } else if (tag.uri === ns.table && (tag.local === 'table-cell' || tag.local === 'covered-table-cell')) {
      const { type, value } = typedValue(tag)
      cell = { typed: value, isText: type === 'string', repeat: count(attribute(tag, ns.table, 'number-columns-repeated')), paragraphs: [] }
    } else if (cell && tag.uri === ns.text && tag.local === 'p') {
      cell.paragraphs.push('')
    } else if (cell && tag.uri === ns.text) {
      const space = tag.local === 's' ? ' '.repeat(Math.min(count(attribute(tag, ns.text, 'c')), 1000)) : tag.local === 'tab' ? '\t' : tag.local === 'line-break' ? '\n' : ''
      if (space && cell.paragraphs.length > 0) cell.paragraphs[cell.paragraphs.length - 1] += space
    }
  })
  parser.on('text', (text) => {
    if (cell && annotation === 0 && cell.paragraphs.length > 0) cell.paragraphs[cell.paragraphs.length - 1] += text
  })
  parser.on('closetag', (tag) => {
    if (tag.uri === ns.office && tag.local === 'annotation') {
      annotation--
      return
    }
    if (annotation > 0 || tag.uri !== ns.table) return
    if ((tag.local === 'table-cell' || tag.local === 'covered-table-cell') && cell && row) {
      const text = cell.paragraphs.join('\n')
      const value = cell.isText ? text || null : cell.typed
      for (let i = 0; i < cell.repeat && row.column < importLimits.columns; i++) row.cells[row.column++] = value
      cell = null
    } else if (tag.local === 'table-row' && row && sheet) {
      const cells = Array.from({ length: row.cells.length }, (_, i) => row!.cells[i] ?? null)
      const filled = cells.some((value) => value !== null && value !== '')
      // An empty row repeated a million times is only counted; a filled one repeated is as many rows.
      for (let i = 0; filled && i < row.repeat && !sheet.truncated; i++) sheet.add(rowNumber + i + 1, cells)
      rowNumber += row.repeat
      row = null
    } else if (tag.local === 'table' && sheet) {
      if (sheets.length < importLimits.sheets) sheets.push(sheet.sheet())
      sheet = null
    }
  })
  try {
    parser.write(xml).close()
  } catch (error) {
    if (error instanceof ImportFileError) throw error
    throw new ImportFileError('Fichier endommagé : le contenu de ce classeur ODS n’est pas du XML lisible.')
  }
  return sheets
}

/** An ODS archive, already checked by openArchive. */
export async function readOds(zip: JSZip, deadline: Deadline): Promise<Workbook> {
  const mimetype = await zip.file('mimetype')?.async('string')
  const content = zip.file('content.xml')
  if ((mimetype && mimetype.trim() !== odsMimetype) || !content) throw new ImportFileError('Ce fichier OpenDocument n’est pas un classeur (ODS) : enregistrez le tableau au format ODS, XLSX ou CSV.')
  return { format: 'ods', sheets: parseContent(await content.async('string'), deadline) }
}
