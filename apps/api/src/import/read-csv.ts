// A CSV file as French offices write it: « ; » (Excel in French) or « , » between cells, in UTF-8
// or in Windows-1252 (older Excel versions), both detected. Its rows are the spreadsheet's rows.
import { parse } from 'csv-parse/sync'
import iconv from 'iconv-lite'
import { importLimits, ImportFileError, SheetCollector, type Deadline, type Workbook } from './import-limits.ts'

/** UTF-8 when the bytes are valid UTF-8 (with or without its byte order mark), Windows-1252 otherwise. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'UTF-8' | 'Windows-1252' } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportFileError('Ce fichier texte est en UTF-16 (« Texte Unicode » d’Excel) : enregistrez-le en « CSV UTF-8 », en XLSX ou en ODS.')
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'UTF-8' }
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252'), encoding: 'Windows-1252' }
  }
}

const separators = [';', ',', '\t'] as const

/** The separator the first line uses most, outside quotes: « ; » when none is used (a single column). */
export function detectDelimiter(text: string): (typeof separators)[number] {
  const counts = new Map<string, number>(separators.map((separator) => [separator, 0]))
  let quoted = false
  for (const char of text.slice(0, 64 * 1024)) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) break
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1)
  }
  return separators.reduce((best, separator) => (counts.get(separator)! > counts.get(best)! ? separator : best), ';' as (typeof separators)[number])
}

export function readCsv(bytes: Uint8Array, deadline: Deadline): Workbook {
  const { text, encoding } = decodeCsv(bytes)
  if (text.includes('\u0000')) throw new ImportFileError('Ce fichier n’est ni un classeur XLSX ou ODS ni un fichier CSV : enregistrez le tableau dans l’un de ces formats.')
  const delimiter = detectDelimiter(text)
  let records: string[][]
  try {
    records = parse(text, { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: 1_000_000 })
  } catch (error) {
    const line = (error as { lines?: number }).lines
    throw new ImportFileError(`Fichier CSV illisible${line ? ` vers la ligne ${line}` : ''} : ${(error as Error).message}`)
  }
  deadline.check()
  const sheet = new SheetCollector('CSV')
  records.forEach((record, index) => sheet.add(index + 1, record.slice(0, importLimits.columns).map((cell) => cell.trim() || null)))
  return { format: 'csv', sheets: [sheet.sheet()], encoding, delimiter: delimiter === '\t' ? 'tabulation' : delimiter }
}
