import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { Deadline, ImportFileError, importLimits, sheetRowsKept } from '@mutualis/api/import/import-limits.ts'
import { readSpreadsheet } from '@mutualis/api/import/read-spreadsheet.ts'
import { csvFile, odsFile, xlsxFile, type Table } from '../fixtures/spreadsheets.ts'

const read = (bytes: Uint8Array) => readSpreadsheet(bytes, new Deadline())
const refusal = (bytes: Uint8Array) => read(bytes).then(() => null, (error: unknown) => (error instanceof ImportFileError ? error.message : `unexpected ${String(error)}`))
const cells = (workbook: Awaited<ReturnType<typeof read>>, sheet = 0) => workbook.sheets[sheet].rows.map((row) => [row.number, ...row.cells])

const effet = new Date(Date.UTC(2021, 9, 1))
const table: Table = [
  ['Action', 'Statut', 'Communes', 'Date d’effet', 'Coût annuel'],
  ['Service commun des archives', 'Mis en œuvre', 'Dijon, Chenôve\nTalant', effet, 12500.5],
  [],
  ['Groupement « énergie » ; gaz', 'en cours', 'Saint-Apollinaire', null, null],
]

describe('readSpreadsheet', () => {
  it('reads an XLSX workbook: text, line breaks, dates, numbers, row numbers with the empty rows left out', async () => {
    const workbook = await read(await xlsxFile({ Schéma: table, Notes: [['libre']] }))
    expect(workbook.format).toBe('xlsx')
    expect(workbook.sheets.map((sheet) => sheet.name)).toEqual(['Schéma', 'Notes'])
    expect(cells(workbook)).toEqual([
      [1, 'Action', 'Statut', 'Communes', 'Date d’effet', 'Coût annuel'],
      [2, 'Service commun des archives', 'Mis en œuvre', 'Dijon, Chenôve\nTalant', effet, 12500.5],
      [4, 'Groupement « énergie » ; gaz', 'en cours', 'Saint-Apollinaire'],
    ])
  })

  it('reads XLSX rich text, formulas and links by what they show', async () => {
    const bytes = await xlsxFile({ Schéma: [['Action', 'ETP']] }, (workbook) => {
      const sheet = workbook.getWorksheet('Schéma')!
      sheet.getCell('A2').value = { richText: [{ text: 'Service ' }, { font: { bold: true }, text: 'commun' }] }
      sheet.getCell('B2').value = { formula: '0.5*2', result: 1 }
      sheet.getCell('A3').value = { text: 'Portail', hyperlink: 'https://example.org' }
    })
    expect(cells(await read(bytes))).toEqual([[1, 'Action', 'ETP'], [2, 'Service commun', 1], [3, 'Portail']])
  })

  it('reads every accented letter of a long XLSX sheet intact, wherever its bytes fall in the archive', async () => {
    const text = (i: number) => `Réactivation n° ${i} des rencontres plénières différée — reprise prévue à l’été, Œuvre « commune »`
    const rows: Table = [['Action'], ...Array.from({ length: 2000 }, (_, i) => [text(i)])]
    const [sheet] = (await read(await xlsxFile({ Schéma: rows }))).sheets
    expect(sheet.rows.slice(1).map((row) => row.cells[0])).toEqual(Array.from({ length: 2000 }, (_, i) => text(i)))
  })

  it('reads an ODS workbook: paragraphs, runs of spaces, dates, numbers, without expanding repeated empty rows and columns', async () => {
    const workbook = await read(await odsFile({ Schéma: [...table, ['Deux  espaces', 'à l’étude']] }))
    expect(workbook.format).toBe('ods')
    expect(cells(workbook)).toEqual([
      [1, 'Action', 'Statut', 'Communes', 'Date d’effet', 'Coût annuel'],
      [2, 'Service commun des archives', 'Mis en œuvre', 'Dijon, Chenôve\nTalant', effet, 12500.5],
      [4, 'Groupement « énergie » ; gaz', 'en cours', 'Saint-Apollinaire'],
      [5, 'Deux  espaces', 'à l’étude'],
    ])
    expect(workbook.sheets[0].truncated).toBe(false)
  })

  it.each([
    ['UTF-8 with « ; »', { delimiter: ';', encoding: 'utf-8' }, 'UTF-8', ';'],
    ['UTF-8 with « , » and a byte order mark', { delimiter: ',', encoding: 'utf-8', bom: true }, 'UTF-8', ','],
    ['Windows-1252 with « ; »', { delimiter: ';', encoding: 'windows-1252' }, 'Windows-1252', ';'],
    ['Windows-1252 with « , »', { delimiter: ',', encoding: 'windows-1252' }, 'Windows-1252', ','],
  ] as const)('reads a CSV file in %s', async (_name, options, encoding, delimiter) => {
    const workbook = await read(csvFile(table, options))
    expect(workbook).toMatchObject({ format: 'csv', encoding, delimiter })
    expect(cells(workbook)).toEqual([
      [1, 'Action', 'Statut', 'Communes', 'Date d’effet', 'Coût annuel'],
      [2, 'Service commun des archives', 'Mis en œuvre', 'Dijon, Chenôve\nTalant', '01/10/2021', '12500,5'],
      [4, 'Groupement « énergie » ; gaz', 'en cours', 'Saint-Apollinaire'],
    ])
  })

  it('keeps the first rows of a long sheet and says it holds more', async () => {
    const rows: Table = [['Action'], ...Array.from({ length: sheetRowsKept + 5 }, (_, i) => [`Action ${i}`])]
    for (const bytes of [csvFile(rows, { delimiter: ';', encoding: 'utf-8' }), await odsFile({ S: rows }), await xlsxFile({ S: rows })]) {
      const [sheet] = (await read(bytes)).sheets
      expect(sheet.rows).toHaveLength(sheetRowsKept)
      expect(sheet.truncated).toBe(true)
    }
  })

  it('refuses a zip bomb before reading it, whatever its name says', async () => {
    const zip = new JSZip()
    zip.file('[Content_Types].xml', '<Types/>')
    zip.file('xl/workbook.xml', '<workbook/>')
    zip.file('xl/worksheets/sheet1.xml', new Uint8Array(importLimits.entryBytes + 1024))
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } })
    expect(bomb.length).toBeLessThan(100_000)
    expect(await refusal(bomb)).toBe('Le fichier contient une partie (« xl/worksheets/sheet1.xml ») de plus de 16 Mo une fois décompressée : il n’est pas lu.')
  })

  it('refuses an archive whose parts add up past the bound', async () => {
    const zip = new JSZip()
    for (let i = 0; i < 5; i++) zip.file(`part${i}.xml`, new Uint8Array(importLimits.entryBytes - 1))
    expect(await refusal(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }))).toBe('Le fichier fait plus de 64 Mo une fois décompressé : il n’est pas lu.')
  })

  it('refuses files it cannot read, saying what to do', async () => {
    expect(await refusal(new Uint8Array(importLimits.fileBytes + 1).fill(65))).toBe('Le fichier fait 10 Mo, plus que les 10 Mo acceptés : importez-le en plusieurs parties.')
    expect(await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toContain('Les classeurs Excel 97-2003 (.xls) ne sont pas lus')
    expect(await refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe('Fichier endommagé : ce n’est pas un classeur XLSX ou ODS lisible.')
    expect(await refusal(new Uint8Array(0))).toBe('Le fichier est vide.')
    expect(await refusal(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toContain('UTF-16')
    const notWorkbook = new JSZip()
    notWorkbook.file('photo.txt', 'bonjour')
    expect(await refusal(await notWorkbook.generateAsync({ type: 'uint8array' }))).toBe('Cette archive n’est pas un classeur : enregistrez le tableau au format XLSX, ODS ou CSV.')
  })
})
