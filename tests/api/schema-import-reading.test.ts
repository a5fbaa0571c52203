// What a real EPCI's spreadsheet throws at the import, on Dijon Métropole: headers of its own,
// commune names as people type them, a commune déléguée, a commune of another EPCI, every usual
// spelling of each status.
import { describe, expect, it } from 'vitest'
import { db } from '@mutualis/api/db.ts'
import { importSchema } from '@mutualis/api/import/schema-import.service.ts'
import { importColumnLabels, importColumns, statusLabels, statusSpellings, type ActionStatus } from '@mutualis/domain'
import { importActor, schemaOf } from '../fixtures/import-territory.ts'
import { communeInsee, dijonOfficial } from '../fixtures/seed.ts'
import { csvFile, odsFile, xlsxFile, type Table } from '../fixtures/spreadsheets.ts'

const dijon = await db.territory.findUniqueOrThrow({ where: { siren: '242100410' } })
const run = (bytes: Uint8Array, dryRun = false) => importSchema(db, { territoryId: dijon.id, bytes, fileName: 'schema.ods', actor: importActor, dryRun })
const header = importColumns.map((column) => importColumnLabels[column])
const table = (...rows: Array<Record<string, string>>): Table => [header, ...rows.map((row) => header.map((column) => row[column] ?? null))]
const participantsOf = async (reference: string) =>
  (await db.action.findFirstOrThrow({ where: { territoryId: dijon.id, reference }, include: { participants: { include: { organisation: true } } } })).participants.map((p) => p.organisation.inseeCode ?? p.organisation.name).sort()

describe('commune names', () => {
  it('attaches names typed in capitals, without accents, with « ST », « lez » or dashes of any kind to the right communes', async () => {
    const report = await run(await odsFile({ Schéma: table(
      { Référence: 'NOMS-1', Domaine: 'Essais', Action: 'Noms approximatifs', Statut: 'en cours', Communes: 'CHENOVE – ST APOLLINAIRE - Plombieres-lez-Dijon\nMarsannay la cote ; fenay, Dijon Métropole, CCAS de Dijon' },
      { Référence: 'NOMS-2', Domaine: 'Essais', Action: 'Toutes sauf deux', Statut: 'en cours', Communes: 'Toutes les communes sauf Dijon et Talant' },
    ) }))
    expect(report.refusals).toEqual([])
    expect(await participantsOf('NOMS-1')).toEqual([...['Chenôve', 'Saint-Apollinaire', 'Plombières-lès-Dijon', 'Marsannay-la-Côte', 'Fénay'].map(communeInsee), 'CCAS de Dijon', 'Dijon Métropole'].sort())
    expect(await participantsOf('NOMS-2')).toEqual(dijonOfficial.communes.map((c) => c.inseeCode).filter((code) => code !== communeInsee('Dijon') && code !== communeInsee('Talant')).sort())
  })

  it('reports a commune déléguée, a former commune, a commune of another EPCI and a misspelling, each with its reason and suggestion, and writes nothing', async () => {
    const before = await db.action.count({ where: { territoryId: dijon.id } })
    const report = await run(await xlsxFile({ Schéma: table(
      { Domaine: 'Essais', Action: 'Pièges', Statut: 'en cours', Communes: 'Talant, Crimolois, Neuilly-lès-Dijon, Beaune, Quetgny' },
      { Domaine: 'Essais', Action: 'Porteur ancien', Statut: 'en cours', Porteur: 'Crimolois' },
    ) }))
    expect(report).toMatchObject({ accepted: false, written: false, counts: { refused: 2 } })
    expect(report.refusals.map(({ row, column, value, reason, suggestion }) => ({ row, column, value, reason, suggestion }))).toEqual([
      { row: 2, column: 'Communes', value: 'Crimolois', reason: '« Crimolois » est une commune déléguée de Neuilly-Crimolois : c’est Neuilly-Crimolois qui est membre de Dijon Métropole.', suggestion: 'Vouliez-vous dire « Neuilly-Crimolois » ?' },
      { row: 2, column: 'Communes', value: 'Neuilly-lès-Dijon', reason: '« Neuilly-lès-Dijon » est une commune déléguée de Neuilly-Crimolois : c’est Neuilly-Crimolois qui est membre de Dijon Métropole.', suggestion: 'Vouliez-vous dire « Neuilly-Crimolois » ?' },
      { row: 2, column: 'Communes', value: 'Beaune', reason: 'Beaune (21) n’est pas membre de Dijon Métropole.', suggestion: null },
      { row: 2, column: 'Communes', value: 'Quetgny', reason: 'Commune inconnue : aucune commune de Dijon Métropole ne s’appelle « Quetgny ».', suggestion: 'Vouliez-vous dire « Quetigny » ?' },
      { row: 3, column: 'Porteur', value: 'Crimolois', reason: '« Crimolois » est une commune déléguée de Neuilly-Crimolois : c’est Neuilly-Crimolois qui est membre de Dijon Métropole.', suggestion: 'Vouliez-vous dire « Neuilly-Crimolois » ?' },
    ])
    expect(await db.action.count({ where: { territoryId: dijon.id } })).toBe(before)
  })
})

describe('a commune that has left the territory', () => {
  it('is refused as no longer a member, never attached to a row', async () => {
    const flavignerot = await db.organisation.findFirstOrThrow({ where: { territoryId: dijon.id, inseeCode: communeInsee('Flavignerot') } })
    await db.organisation.update({ where: { id: flavignerot.id }, data: { leftOn: new Date(Date.UTC(2026, 0, 1)) } })
    try {
      const report = await run(await xlsxFile({ Schéma: table({ Domaine: 'Essais', Action: 'Ancienne membre', Statut: 'en cours', Communes: 'Flavignerot, Talant' }) }), true)
      expect(report).toMatchObject({ accepted: false, counts: { refused: 1 } })
      expect(report.refusals).toMatchObject([{ row: 2, column: 'Communes', value: 'Flavignerot', reason: expect.stringMatching(/n’est pas membre de Dijon Métropole/) }])
    } finally {
      await db.organisation.update({ where: { id: flavignerot.id }, data: { leftOn: null } })
    }
  })
})

describe('headers', () => {
  it('reads an EPCI’s own headers under a title row, and says which columns it leaves out', async () => {
    const sheet: Table = [
      ['Schéma de mutualisation — bilan 2025'],
      [],
      ['N°', 'Thématique', 'Intitulé de l’action', 'ETAT D’AVANCEMENT', 'Communes concernées', 'Coût annuel (€)', 'Service référent', 'Observations', 'Etat'],
      ['ESS-1', 'Essais', 'Colonnes d’un autre nom', 'Réalisé', 'Talant', null, 'DGS', 'Fait en conseil', 'x'],
    ]
    const report = await run(csvFile(sheet, { delimiter: ';', encoding: 'windows-1252' }), true)
    expect(report).toMatchObject({ accepted: true, counts: { created: 1 }, rows: [{ row: 4, reference: 'ESS-1', action: 'Colonnes d’un autre nom', outcome: 'created' }] })
    expect(report.ignoredColumns.map(({ row, column, value, reason }) => [row, column, value, reason])).toEqual([
      [3, 'G', 'Service référent', 'Colonne inconnue du modèle d’import : elle ne sera pas importée.'],
      [3, 'I', 'Etat', 'Deux colonnes donnent « Statut » : la colonne D (« ETAT D’AVANCEMENT ») est lue, celle-ci ne l’est pas.'],
    ])
  })
})

describe('statuses', () => {
  it('reads every usual spelling of every status, from a real file', async () => {
    const spellings = (Object.keys(statusSpellings) as ActionStatus[]).flatMap((status) => [statusLabels[status], ...statusSpellings[status]].map((spelling) => ({ status, spelling })))
    const rows = spellings.map(({ spelling }, i) => ({ Référence: `STATUT-${i}`, Domaine: 'Statuts', Action: `Statut écrit « ${spelling} »`, Statut: spelling }))
    const report = await run(await xlsxFile({ Schéma: table(...rows) }))
    expect(report).toMatchObject({ accepted: true, written: true, counts: { created: spellings.length } })
    const stored = new Map((await schemaOf(dijon.id)).map((action) => [action.reference, action.status]))
    expect(spellings.map(({ spelling }, i) => [spelling, stored.get(`STATUT-${i}`)])).toEqual(spellings.map(({ spelling, status }) => [spelling, status]))
  })
})
