import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { db } from '@mutualis/api/db.ts'
import { createHttpHandler } from '@mutualis/api/http/handler.ts'
import { importSchema } from '@mutualis/api/import/schema-import.service.ts'
import { importColumnLabels, importColumns, importKindLabels, statusLabels } from '@mutualis/domain'
import { listenDuringTests } from '../fixtures/http-server.ts'
import { createImportTerritory, epciWith, importActor, schemaOf } from '../fixtures/import-territory.ts'

const server = listenDuringTests(createHttpHandler(() => false))
const download = async () => {
  const response = await fetch(`${server.origin}/modele-import.xlsx`)
  expect(response.status).toBe(200)
  const buffer = await response.arrayBuffer()
  return { response, buffer, bytes: new Uint8Array(buffer) }
}

describe('GET /modele-import.xlsx', () => {
  it('is a workbook with the template’s columns, in order, and a sheet explaining each of them', async () => {
    const { response, buffer } = await download()
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="modele-import-mutualis.xlsx"')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(buffer)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Schéma', 'Aide'])
    const [schema, help] = workbook.worksheets
    expect((schema.getRow(1).values as unknown[]).slice(1)).toEqual(['Référence', 'Domaine', 'Offre', 'Type', 'Action', 'Statut', 'Communes', 'Porteur', 'Date d’effet', 'Échéance', 'Coût annuel', 'Clé de répartition', 'ETP', 'Point d’avancement', 'Date du point'])
    expect(schema.rowCount).toBe(1)
    const explained = importColumns.map((_, i) => help.getRow(i + 2).values as string[])
    expect(explained.map((row) => row[1])).toEqual(importColumns.map((column) => importColumnLabels[column]))
    for (const row of explained) expect(row[4].length, row[1]).toBeGreaterThan(20)
    expect(explained.find((row) => row[1] === 'Statut')![4]).toContain('Mis en œuvre, En cours, À venir, À étudier, Non démarré')
  })

  it('offers drop-down lists of the types, statuses and usual clés de répartition', async () => {
    const { bytes, buffer } = await download()
    const sheetXml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string')
    const validations = [...sheetXml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"[^>]*>\s*<formula1>([^<]+)<\/formula1>/g)].map((m) => [m[1], m[2]])
    expect(validations).toEqual(expect.arrayContaining([['D2:D2001', 'Aide!$E$2:$E$13'], ['F2:F2001', 'Aide!$F$2:$F$9'], ['L2:L2001', 'Aide!$G$2:$G$6']]))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(buffer)
    const help = workbook.getWorksheet('Aide')!
    const list = (column: string, length: number) => Array.from({ length }, (_, i) => help.getCell(`${column}${i + 2}`).value)
    expect(list('E', 12)).toEqual(Object.values(importKindLabels))
    expect(list('F', 8)).toEqual(Object.values(statusLabels))
  })

  it('answers GET only', async () => {
    const response = await fetch(`${server.origin}/modele-import.xlsx`, { method: 'POST' })
    expect(response.status).toBe(405)
  })

  it('imports once filled in, with values picked from its lists', async () => {
    const epci = epciWith('Auxonne')
    const { territory } = await createImportTerritory(epci)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await download()).buffer)
    const sheet = workbook.getWorksheet('Schéma')!
    sheet.getRow(2).values = ['AUX-1', 'Voirie', 'Service commun voirie', importKindLabels.SERVICE_COMMUN, 'Créer le service commun de la voirie', statusLabels.IN_PROGRESS, 'Auxonne', epci.name, new Date(Date.UTC(2025, 0, 1)), null, '30 000 €', 'Population', '3', 'Recrutement lancé', new Date(Date.UTC(2025, 5, 2))]
    const report = await importSchema(db, { territoryId: territory.id, bytes: new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer), fileName: 'modele-rempli.xlsx', actor: importActor, dryRun: false })
    expect(report).toMatchObject({ sheet: 'Schéma', accepted: true, written: true, counts: { created: 1 }, ignoredColumns: [] })
    expect(await schemaOf(territory.id)).toEqual([
      expect.objectContaining({
        reference: 'AUX-1', status: 'IN_PROGRESS', effectiveDate: '2025-01-01',
        offer: expect.objectContaining({ name: 'Service commun voirie', kind: 'SERVICE_COMMUN', provider: epci.name, annualCostCents: 3_000_000, fte: 3, members: ['Auxonne (PLANNED)'] }),
        progress: ['2025-06-02 IN_PROGRESS Recrutement lancé'],
      }),
    ])
  })
})
