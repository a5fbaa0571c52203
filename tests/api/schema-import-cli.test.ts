import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { db } from '@mutualis/api/db.ts'
import { importColumnLabels, importColumns } from '@mutualis/domain'
import { createImportTerritory, epciWith } from '../fixtures/import-territory.ts'
import { csvFile, xlsxFile, type Table } from '../fixtures/spreadsheets.ts'

const apiDir = path.resolve(import.meta.dirname, '../../apps/api')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-import-cli-'))
const epci = epciWith('Beaune')
const { territory } = await createImportTerritory(epci)

/** Runs `pnpm --filter @mutualis/api schema:import …` as an operator would, against this file's database. */
function schemaImport(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(path.join(apiDir, 'node_modules/.bin/tsx'), ['scripts/schema-import.ts', ...args], { cwd: apiDir, env: { ...process.env }, timeout: 150_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr })
    })
  })
}

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, bytes)
  return file
}

const header = importColumns.map((column) => importColumnLabels[column])
const rows = (...values: Array<Record<string, string>>): Table => [header, ...values.map((row) => header.map((column) => row[column] ?? null))]
const good = rows(
  { Référence: 'BEA-1', Domaine: 'Numérique', Offre: 'Service commun informatique', Type: 'Service commun', Action: 'Créer le service commun informatique', Statut: 'réalisé', Communes: 'Beaune, Savigny les Beaune', Porteur: epci.name },
  { Référence: 'BEA-2', Domaine: 'Numérique', Action: 'Étudier un logiciel partagé', Statut: 'à l’étude', Communes: 'Beaune' },
)
const actions = () => db.action.count({ where: { territoryId: territory.id } })

// Each run starts a process on a machine that may be busy: minutes, not the default seconds.
describe('schema:import', { timeout: 180_000 }, () => {
  it('exits 2 for a bad command line, saying how to call it', async () => {
    const file = write('bon.xlsx', await xlsxFile({ Schéma: good }))
    const cases: Array<[string[], string]> = [
      [[], '--territory et --file sont obligatoires.'],
      [['--territory', epci.siren], '--territory et --file sont obligatoires.'],
      [['--territory', 'Beaune', '--file', file], '--territory attend le SIREN de l’EPCI (9 chiffres) ; « Beaune » n’en est pas un.'],
      [['--territory', epci.siren, '--file', path.join(dir, 'absent.xlsx')], `aucun fichier « ${path.join(dir, 'absent.xlsx')} ».`],
      [['--territory', epci.siren, '--file', file, '--force'], "Unknown option '--force'"],
      [['--territory', '999999999', '--file', file], 'aucun territoire de SIREN 999999999 : créez-le d’abord (territory:create).'],
    ]
    for (const [args, message] of cases) {
      const result = await schemaImport(...args)
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr, args.join(' ')).toContain(message)
      expect(result.stderr, args.join(' ')).toContain('Usage : pnpm --filter @mutualis/api schema:import --territory <SIREN> --file')
    }
  })

  it('reports a dry run as JSON, exits 0 and writes nothing', async () => {
    const result = await schemaImport('--territory', epci.siren, '--file', write('bon.xlsx', await xlsxFile({ Schéma: good })), '--dry-run', '--json')
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout)
    expect(report).toMatchObject({ territory: { siren: epci.siren }, fileName: 'bon.xlsx', dryRun: true, accepted: true, written: false, counts: { rows: 2, created: 2 } })
    expect(report.rows.map((row: { reference: string; outcome: string }) => [row.reference, row.outcome])).toEqual([['BEA-1', 'created'], ['BEA-2', 'created']])
    expect(await actions()).toBe(0)
  })

  it('imports, exits 0, and says so; a second run has nothing to change', async () => {
    const file = write('bon.csv', csvFile(good, { delimiter: ';', encoding: 'windows-1252' }))
    const first = await schemaImport('--territory', epci.siren, '--file', file)
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('Créées : 2 · modifiées : 0 · inchangées : 0 · refusées : 0')
    expect(first.stdout).toContain('Import écrit.')
    expect(await actions()).toBe(2)
    const second = await schemaImport('--territory', epci.siren, '--file', file)
    expect(second.code).toBe(0)
    expect(second.stdout).toContain('Rien à changer')
  })

  it('exits 1 when a row is refused, listing why, and writes nothing', async () => {
    const bad = rows({ Domaine: 'Numérique', Action: 'Wifi public', Statut: 'en cours', Communes: 'Beaune, Dijon' })
    const file = write('refus.ods.csv', csvFile(bad, { delimiter: ',', encoding: 'utf-8' }))
    const text = await schemaImport('--territory', epci.siren, '--file', file)
    expect(text.code).toBe(1)
    expect(text.stdout).toContain(`ligne 2, colonne « Communes » (« Dijon ») : Dijon (21) n’est pas membre de ${epci.name}.`)
    expect(text.stdout).toContain('Rien n’a été écrit')
    const json = await schemaImport('--territory', epci.siren, '--file', file, '--json')
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toMatchObject({ accepted: false, written: false, refusals: [{ row: 2, column: 'Communes', value: 'Dijon' }] })
    expect(await actions()).toBe(2)
  })

  it('exits 1 for a file it cannot read', async () => {
    const result = await schemaImport('--territory', epci.siren, '--file', write('ancien.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), '--json')
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout).error).toContain('Les classeurs Excel 97-2003 (.xls) ne sont pas lus')
  })

  it('shows its progress on stderr for a long file', async () => {
    const long = rows(...Array.from({ length: 400 }, (_, i) => ({ Référence: `L-${i}`, Domaine: 'Voirie', Action: `Tronçon ${i}`, Statut: 'prévu', Communes: 'Beaune' })))
    const result = await schemaImport('--territory', epci.siren, '--file', write('long.xlsx', await xlsxFile({ Schéma: long })))
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('Import : comparaison 400/400')
    expect(result.stderr).toMatch(/Import : écriture 400\/400/)
    expect(await actions()).toBe(402)
  })
})
