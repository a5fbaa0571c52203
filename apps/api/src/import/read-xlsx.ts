// An XLSX workbook (Office Open XML), read with jszip and saxes as the ODS reader reads its own:
// each part decoded whole before it is parsed (exceljs's streaming reader decodes each chunk apart,
// and garbles a letter whose bytes two chunks share), rows kept up to the bound, dates told from
// numbers by their cell's format. The archive was checked first (zip-archive.ts).
import type JSZip from 'jszip'
import { SaxesParser, type SaxesTag } from 'saxes'
import { importLimits, ImportFileError, SheetCollector, type Cell, type Deadline, type Workbook } from './import-limits.ts'

const local = (name: string) => name.slice(name.indexOf(':') + 1)
const attribute = (tag: SaxesTag, name: string) => Object.entries(tag.attributes).find(([key]) => local(key) === name)?.[1] as string | undefined

interface Handlers {
  open?(name: string, tag: SaxesTag): void
  text?(text: string): void
  close?(name: string): void
}

/** Parses one part of the workbook; saxes expands no entity a document declares. */
function parse(xml: string, part: string, handlers: Handlers, deadline: Deadline) {
  const parser = new SaxesParser()
  let tags = 0
  parser.on('opentag', (tag) => {
    if (++tags % 5000 === 0) deadline.check()
    handlers.open?.(local(tag.name), tag)
  })
  if (handlers.text) parser.on('text', handlers.text)
  if (handlers.close) parser.on('closetag', (tag) => handlers.close!(local(tag.name)))
  try {
    parser.write(xml).close()
  } catch (error) {
    if (error instanceof ImportFileError) throw error
    throw new ImportFileError(`Fichier endommagé : la partie « ${part} » du classeur n’est pas du XML lisible.`)
  }
}

async function partText(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path.replace(/^\//, ''))
  return file ? file.async('string') : null
}

// Excel writes a carriage return and other control characters as « _x000D_ ».
const unescape = (text: string) => text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, code: string) => String.fromCharCode(Number.parseInt(code, 16)))

/** The built-in formats that show a date, and custom ones whose code (quotes and brackets aside) names days, months or years. */
const builtInDates = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58])
const isDateFormat = (code: string) => /[dmy]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''))

async function dateStyles(zip: JSZip, deadline: Deadline): Promise<boolean[]> {
  const xml = await partText(zip, 'xl/styles.xml')
  if (!xml) return []
  const custom = new Map<number, string>()
  const styles: boolean[] = []
  let inCellXfs = false
  parse(xml, 'xl/styles.xml', {
    open(name, tag) {
      if (name === 'numFmt') custom.set(Number(attribute(tag, 'numFmtId')), attribute(tag, 'formatCode') ?? '')
      else if (name === 'cellXfs') inCellXfs = true
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attribute(tag, 'numFmtId') ?? 0)
        styles.push(builtInDates.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!)))
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false
    },
  }, deadline)
  return styles
}

async function sharedStrings(zip: JSZip, deadline: Deadline): Promise<string[]> {
  const xml = await partText(zip, 'xl/sharedStrings.xml')
  if (!xml) return []
  const strings: string[] = []
  let current: string | null = null
  let inText = false
  let phonetic = 0
  parse(xml, 'xl/sharedStrings.xml', {
    open(name) {
      if (name === 'si') current = ''
      else if (name === 'rPh') phonetic++
      else if (name === 't' && phonetic === 0) inText = true
    },
    text(text) {
      if (inText && current !== null) current += text
    },
    close(name) {
      if (name === 't') inText = false
      else if (name === 'rPh') phonetic--
      else if (name === 'si') {
        strings.push(unescape(current ?? ''))
        current = null
      }
    },
  }, deadline)
  return strings
}

/** The workbook's sheets in its order: their names and the parts that hold them. */
async function sheetParts(zip: JSZip, deadline: Deadline): Promise<{ sheets: Array<{ name: string; path: string }>; date1904: boolean }> {
  const [workbook, relations] = await Promise.all([partText(zip, 'xl/workbook.xml'), partText(zip, 'xl/_rels/workbook.xml.rels')])
  const targets = new Map<string, string>()
  parse(relations ?? '', 'xl/_rels/workbook.xml.rels', {
    open(name, tag) {
      const target = attribute(tag, 'Target')
      if (name === 'Relationship' && target) targets.set(attribute(tag, 'Id') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`)
    },
  }, deadline)
  const sheets: Array<{ name: string; path: string }> = []
  let date1904 = false
  parse(workbook ?? '', 'xl/workbook.xml', {
    open(name, tag) {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attribute(tag, 'date1904') ?? '')
      const path = targets.get(attribute(tag, 'id') ?? '')
      if (name === 'sheet' && path) sheets.push({ name: attribute(tag, 'name') ?? `Feuille ${sheets.length + 1}`, path })
    },
  }, deadline)
  return { sheets, date1904 }
}

const columnIndex = (reference: string) => {
  let index = 0
  for (const char of reference.replace(/\d+$/, '').toUpperCase()) index = index * 26 + char.charCodeAt(0) - 64
  return index - 1
}

/** Days since 30 December 1899 (31 December 1903 in the 1904 system), as a calendar day. */
const serialDate = (serial: number, date1904: boolean) => new Date(Date.UTC(1899, 11, 30) + Math.floor(serial + (date1904 ? 1462 : 0)) * 86_400_000)

function readSheet(xml: string, name: string, strings: readonly string[], dates: readonly boolean[], date1904: boolean, deadline: Deadline) {
  const sheet = new SheetCollector(name)
  let row: { number: number; cells: Cell[] } | null = null
  let cell: { column: number; type: string; date: boolean; value: string } | null = null
  let reading: 'v' | 't' | null = null
  let lastRow = 0
  parse(xml, name, {
    open(tag, element) {
      if (tag === 'row') {
        lastRow = Number(attribute(element, 'r') ?? lastRow + 1)
        row = { number: lastRow, cells: [] }
      } else if (tag === 'c' && row) {
        const reference = attribute(element, 'r')
        cell = { column: reference ? columnIndex(reference) : row.cells.length, type: attribute(element, 't') ?? 'n', date: dates[Number(attribute(element, 's') ?? 0)] ?? false, value: '' }
      } else if (cell && (tag === 'v' || (tag === 't' && cell.type === 'inlineStr'))) reading = tag === 'v' ? 'v' : 't'
    },
    text(text) {
      if (cell && reading) cell.value += text
    },
    close(tag) {
      if (tag === 'v' || tag === 't') reading = null
      else if (tag === 'c' && cell && row) {
        if (cell.column < importLimits.columns) row.cells[cell.column] = cellValue(cell, strings, date1904)
        cell = null
      } else if (tag === 'row' && row) {
        sheet.add(row.number, Array.from({ length: row.cells.length }, (_, i) => row!.cells[i] ?? null))
        row = null
      }
    },
  }, deadline)
  return sheet.sheet()
}

function cellValue(cell: { type: string; date: boolean; value: string }, strings: readonly string[], date1904: boolean): Cell {
  const { type, value } = cell
  if (value === '') return null
  if (type === 's') return strings[Number(value)] ?? null
  if (type === 'inlineStr' || type === 'str') return unescape(value)
  if (type === 'b') return value === '1'
  if (type === 'e') return value
  if (type === 'd') return Number.isNaN(Date.parse(value)) ? value : new Date(Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10))))
  const number = Number(value)
  if (!Number.isFinite(number)) return value
  return cell.date && number > 0 ? serialDate(number, date1904) : number
}

/** An XLSX archive, already checked by openArchive. */
export async function readXlsx(zip: JSZip, deadline: Deadline): Promise<Workbook> {
  const [{ sheets, date1904 }, strings, dates] = await Promise.all([sheetParts(zip, deadline), sharedStrings(zip, deadline), dateStyles(zip, deadline)])
  const read = []
  for (const { name, path } of sheets.slice(0, importLimits.sheets)) {
    const xml = await partText(zip, path)
    if (xml !== null) read.push(readSheet(xml, name, strings, dates, date1904, deadline))
  }
  return { format: 'xlsx', sheets: read }
}
