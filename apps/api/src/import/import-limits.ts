// The bounds of one import: what a spreadsheet may weigh, hold and cost before it is refused.
import type { SheetRow } from '@mutualis/domain'

export const importLimits = {
  /** The file as sent. */
  fileBytes: 10 * 1024 * 1024,
  /** Actions of one sheet (non-empty rows below its header). */
  rows: 2_000,
  /** Each entry of an XLSX or ODS archive, once decompressed: a few kilobytes can inflate to gigabytes. */
  entryBytes: 16 * 1024 * 1024,
  /** All entries of the archive together, decompressed. */
  archiveBytes: 64 * 1024 * 1024,
  entries: 2_000,
  sheets: 50,
  /** Columns read in a row; the template has 15. */
  columns: 100,
  /** Reading, planning and writing. */
  seconds: 60,
} as const

/** Non-empty rows kept of a sheet: its actions, and the rows above a header a title may take. */
export const sheetRowsKept = importLimits.rows + 10

/** A file that cannot be imported at all, with the sentence that says why (French). */
export class ImportFileError extends Error {}

export type Cell = string | number | boolean | Date | null

export interface Sheet {
  name: string
  /** Its non-empty rows, up to sheetRowsKept. */
  rows: SheetRow[]
  /** It holds more non-empty rows than were kept. */
  truncated: boolean
}

export interface Workbook {
  format: 'xlsx' | 'ods' | 'csv'
  sheets: Sheet[]
  /** For a CSV file: the encoding and the separator it was read with. */
  encoding?: 'UTF-8' | 'Windows-1252'
  delimiter?: ';' | ',' | 'tabulation'
}

/** Throws once the import has run longer than its bound; checked between steps and rows. */
export class Deadline {
  private readonly end: number
  constructor(seconds: number = importLimits.seconds) {
    this.end = Date.now() + seconds * 1000
  }
  /** Milliseconds left. */
  remaining(): number {
    return Math.max(0, this.end - Date.now())
  }
  check() {
    if (Date.now() > this.end) throw new ImportFileError(`L’import a dépassé ${importLimits.seconds} secondes et a été arrêté : rien n’a été écrit. Découpez le fichier en plusieurs parties.`)
  }
}

/** Collects a sheet's non-empty rows, keeping at most sheetRowsKept. */
export class SheetCollector {
  readonly rows: SheetRow[] = []
  truncated = false
  constructor(readonly name: string) {}
  add(number: number, cells: Cell[]) {
    let length = cells.length
    while (length > 0 && (cells[length - 1] === null || cells[length - 1] === '')) length--
    if (length === 0) return
    if (length < cells.length) cells = cells.slice(0, length)
    if (this.rows.length >= sheetRowsKept) this.truncated = true
    else this.rows.push({ number, cells })
  }
  sheet(): Sheet {
    return { name: this.name, rows: this.rows, truncated: this.truncated }
  }
}
