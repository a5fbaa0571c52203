import { describe, expect, it } from 'vitest'
import { db } from '@mutualis/api/db.ts'
import { ImportFileError } from '@mutualis/api/import/import-limits.ts'
import { importSchema, type ImportReport } from '@mutualis/api/import/schema-import.service.ts'
import { costLabel, importColumnLabels, importColumns } from '@mutualis/domain'
import { createImportTerritory, epciWith, importActor, schemaOf } from '../fixtures/import-territory.ts'
import { csvFile, odsFile, xlsxFile, type Table } from '../fixtures/spreadsheets.ts'

const header = importColumns.map((column) => importColumnLabels[column])
type Row = Partial<Record<(typeof header)[number], string | number | Date | null>>
const table = (...rows: Row[]): Table => [header, ...rows.map((row) => header.map((column) => row[column] ?? null))]
const day = (iso: string) => new Date(`${iso}T00:00:00Z`)

const tenareze = epciWith("Larroque-sur-l'Osse")
const { territory, ccas } = await createImportTerritory(tenareze)
const run = (bytes: Uint8Array, options: { dryRun?: boolean; fileName?: string; territoryId?: string } = {}) =>
  importSchema(db, { territoryId: options.territoryId ?? territory.id, bytes, fileName: options.fileName ?? 'schema.xlsx', actor: importActor, dryRun: options.dryRun ?? false })
const outcomes = (report: ImportReport) => report.rows.map((row) => [row.reference, row.outcome])
const imports = (territoryId = territory.id) => db.auditEntry.count({ where: { territoryId, operation: 'importSchema' } })

// The CC de la Ténarèze's schéma as an office would type it: capitals, « ST », curly apostrophes,
// dashes of both kinds between names, statuses in their usual spellings, amounts with their unit.
const schema = table(
  {
    Référence: 'TEN-1', Domaine: 'Ressources humaines', Offre: 'Service commun RH', Type: 'Services communs', Action: 'Créer le service commun des ressources humaines',
    Statut: 'Mis en oeuvre au 1er janvier 2022', Communes: 'CONDOM - LARROQUE ST SERNIN - LARROQUE SUR L’OSSE – LAURAET', Porteur: 'CC de la Tenarèze',
    'Date d’effet': day('2022-01-01'), 'Coût annuel': '45 000 €', 'Clé de répartition': '50 % population + 50 % temps passé', ETP: '2,5',
  },
  { Référence: 'TEN-2', Offre: 'Service commun RH', Action: 'Étendre le service commun RH à Valence-sur-Baïse', Statut: 'à l’étude', Communes: 'Valence sur Baise', 'Point d’avancement': 'Présenté en conférence des maires', 'Date du point': day('2024-03-15') },
  { Référence: 'TEN-3', Domaine: 'Achats', Offre: 'Groupement de commandes énergie', Type: 'Groupement de commande', Action: 'Acheter l’électricité en commun', Statut: 'EN COURS', Communes: 'Toutes les communes sauf Condom', Porteur: 'Condom', 'Coût annuel': 'gratuit' },
  { Référence: 'TEN-4', Domaine: 'Achats', Type: 'Étude', Action: 'Étudier l’adhésion à une centrale d’achat', Statut: 'non démarré', Communes: `${ccas}, Montréal`, Échéance: 'fin 2025' },
)

describe('importSchema', () => {
  it('reports a dry run row by row and writes nothing', async () => {
    const report = await run(await xlsxFile({ Schéma: schema }), { dryRun: true })
    expect(report).toMatchObject({ accepted: true, written: false, dryRun: true, format: 'xlsx', sheet: 'Schéma', refusals: [], counts: { rows: 4, created: 4, updated: 0, unchanged: 0, refused: 0 } })
    expect(report.created).toEqual({ domains: ['Ressources humaines', 'Achats'], offers: ['Service commun RH', 'Groupement de commandes énergie'] })
    expect(await db.action.count({ where: { territoryId: territory.id } })).toBe(0)
    expect(await db.offer.count({ where: { territoryId: territory.id } })).toBe(0)
    expect(await db.domain.count({ where: { territoryId: territory.id } })).toBe(0)
    expect(await imports()).toBe(0)
  })

  it('imports a schéma from XLSX: offers, actions, communes, statuses, costs and points d’avancement, audited as one import', async () => {
    const report = await run(await xlsxFile({ Schéma: schema }))
    expect(report).toMatchObject({ accepted: true, written: true, counts: { created: 4 } })
    const others = tenareze.communes.map((commune) => commune.name).filter((name) => name !== 'Condom')
    expect(await schemaOf(territory.id)).toEqual([
      {
        reference: 'TEN-1', title: 'Créer le service commun des ressources humaines', domain: 'Ressources humaines', status: 'IMPLEMENTED', instrument: 'SERVICE_COMMUN',
        effectiveDate: '2022-01-01', plannedDate: null,
        offer: {
          name: 'Service commun RH', kind: 'SERVICE_COMMUN', provider: 'CC de la Tenarèze', costKind: 'AMOUNT', annualCostCents: 4_500_000,
          costKey: JSON.stringify({ parts: [{ basis: 'POPULATION', percent: 50, unit: null }, { basis: 'AGENT_TIME', percent: 50, unit: null }] }), fte: 2.5,
          members: ['Condom (MEMBER)', 'Larroque-Saint-Sernin (MEMBER)', "Larroque-sur-l'Osse (MEMBER)", 'Lauraët (MEMBER)'],
        },
        participants: ['CC de la Tenarèze (PILOT, MEMBER)', 'Condom (MEMBER, MEMBER)', 'Larroque-Saint-Sernin (MEMBER, MEMBER)', "Larroque-sur-l'Osse (MEMBER, MEMBER)", 'Lauraët (MEMBER, MEMBER)'],
        progress: [`${new Date().toISOString().slice(0, 10)} IMPLEMENTED Mis en oeuvre au 1er janvier 2022`],
      },
      expect.objectContaining({
        reference: 'TEN-2', domain: 'Ressources humaines', status: 'TO_STUDY', instrument: 'SERVICE_COMMUN', participants: ['Valence-sur-Baïse (MEMBER, MEMBER)'],
        progress: ['2024-03-15 TO_STUDY Présenté en conférence des maires'],
      }),
      expect.objectContaining({
        reference: 'TEN-3', domain: 'Achats', status: 'IN_PROGRESS', instrument: 'GROUPEMENT_DE_COMMANDES',
        offer: expect.objectContaining({ kind: 'GROUPEMENT_DE_COMMANDES', provider: 'Condom', costKind: 'FREE', members: others.map((name) => `${name} (PLANNED)`).sort() }),
        participants: ['Condom (PILOT, MEMBER)', ...others.map((name) => `${name} (MEMBER, MEMBER)`)].sort(),
      }),
      expect.objectContaining({ reference: 'TEN-4', status: 'NOT_STARTED', instrument: 'ETUDE', offer: null, plannedDate: '2025-12-31', participants: [`${ccas} (MEMBER, MEMBER)`, 'Montréal (MEMBER, MEMBER)'] }),
    ])
    const audit = await db.auditEntry.findMany({ where: { territoryId: territory.id } })
    expect(audit.map((entry) => [entry.operation, entry.actorLabel])).toEqual([['importSchema', 'test d’import']])
    expect(JSON.parse(audit[0].after!)).toMatchObject({ fileName: 'schema.xlsx', counts: { created: 4 } })
  })

  it('changes nothing when the same file is imported again, in any format', async () => {
    const before = await schemaOf(territory.id)
    for (const [bytes, format] of [
      [await xlsxFile({ Schéma: schema }), 'xlsx'],
      [await odsFile({ Schéma: schema }), 'ods'],
      [csvFile(schema, { delimiter: ';', encoding: 'utf-8' }), 'csv'],
      [csvFile(schema, { delimiter: ',', encoding: 'windows-1252' }), 'csv'],
    ] as const) {
      const report = await run(bytes)
      expect(report, format).toMatchObject({ format, accepted: true, written: false, counts: { unchanged: 4, created: 0, updated: 0 } })
    }
    expect(await schemaOf(territory.id)).toEqual(before)
    expect(await imports()).toBe(1)
  })

  it('updates what an edited file changes, keeping the progress history and former participants', async () => {
    const edited = table(
      { ...schema1(), Communes: 'Condom, Larroque-Saint-Sernin, Larroque-sur-l’Osse', 'Coût annuel': '48 000 €' },
      { Référence: 'TEN-2', Domaine: 'Ressources humaines', Offre: 'Service commun RH', Action: 'Étendre le service commun RH à Valence-sur-Baïse', Statut: 'en cours', Communes: 'Valence-sur-Baïse', 'Point d’avancement': 'Délibération de Valence-sur-Baïse', 'Date du point': '01/06/2024' },
      ...schema.slice(3).map((cells) => Object.fromEntries(header.map((column, i) => [column, cells[i]]))),
    )
    const report = await run(csvFile(edited, { delimiter: ';', encoding: 'windows-1252' }), { fileName: 'schema-modifie.csv' })
    expect(report).toMatchObject({ accepted: true, written: true, encoding: 'Windows-1252', delimiter: ';' })
    expect(outcomes(report)).toEqual([['TEN-1', 'updated'], ['TEN-2', 'updated'], ['TEN-3', 'unchanged'], ['TEN-4', 'unchanged']])
    expect(report.rows[0].changes).toEqual([
      'participants retirés : Lauraët',
      `offre « Service commun RH », coût annuel : ${costLabel(4_500_000, false)} → ${costLabel(4_800_000, false)}`,
      // TEN-2 under way: Valence-sur-Baïse is to join the offer.
      'offre « Service commun RH », membre : Valence-sur-Baïse (adhésion prévue)',
    ])
    expect(report.rows[1].changes).toEqual(['statut : À étudier → En cours', 'point d’avancement ajouté (1er juin 2024)'])
    const [first, second] = await schemaOf(territory.id)
    expect(first.participants).toContain('Lauraët (MEMBER, FORMER)')
    expect(first.offer?.annualCostCents).toBe(4_800_000)
    // Lauraët leaves the action, not the offer: leaving an offer takes its own deliberation.
    expect(first.offer?.members).toContain('Lauraët (MEMBER)')
    expect(second).toMatchObject({ status: 'IN_PROGRESS', progress: ['2024-03-15 TO_STUDY Présenté en conférence des maires', '2024-06-01 IN_PROGRESS Délibération de Valence-sur-Baïse'] })
    expect(second.offer?.members).toContain('Valence-sur-Baïse (PLANNED)')
    expect(await imports()).toBe(2)
  })
})

function schema1(): Row {
  return Object.fromEntries(header.map((column, i) => [column, schema[1][i]])) as Row
}

describe('importSchema refuses', () => {
  it('a file with a refused row, writing nothing at all', async () => {
    const before = await schemaOf(territory.id)
    const bad = table(
      { Référence: 'TEN-5', Domaine: 'Culture', Offre: 'Réseau des bibliothèques', Type: 'Réseau', Action: 'Créer le réseau', Statut: 'prévu', Communes: 'Condom, Montreal' },
      { Référence: 'TEN-6', Domaine: 'Culture', Action: 'Saison culturelle commune', Statut: 'bientôt', Communes: 'Condom, Auch' },
    )
    const report = await run(await xlsxFile({ Schéma: bad }))
    expect(report).toMatchObject({ accepted: false, written: false, counts: { created: 1, refused: 1 } })
    expect(report.refusals.map(({ row, column, value, reason }) => ({ row, column, value, reason }))).toEqual([
      { row: 3, column: 'Statut', value: 'bientôt', reason: 'Statut inconnu : « bientôt ».' },
      { row: 3, column: 'Communes', value: 'Auch', reason: 'Auch (32) n’est pas membre de CC de la Tenarèze.' },
    ])
    expect(await schemaOf(territory.id)).toEqual(before)
    expect(await db.domain.count({ where: { territoryId: territory.id, name: 'Culture' } })).toBe(0)
    expect(await imports()).toBe(2)
  })

  it('a new offer without its type, a reference given twice, and a row that contradicts its offer', async () => {
    const report = await run(await xlsxFile({ Schéma: table(
      { Domaine: 'Culture', Offre: 'Réseau des bibliothèques', Action: 'Créer le réseau', Statut: 'prévu' },
      { Référence: 'TEN-1', Domaine: 'RH', Offre: 'Service commun RH', Action: 'Autre action', Statut: 'prévu' },
      { Domaine: 'RH', Offre: 'Service commun RH', Type: 'Service commun', Action: 'Encore une', Statut: 'prévu', ETP: '1' },
      { Domaine: 'RH', Offre: 'Service commun RH', Action: 'Et une autre', Statut: 'prévu', ETP: '2' },
    ) }), { dryRun: true })
    expect(report.refusals.map(({ row, column, reason }) => [row, column, reason])).toEqual([
      [2, 'Type', 'Type manquant : l’offre « Réseau des bibliothèques » est nouvelle, et aucune de ses lignes ne donne son type.'],
      [5, 'ETP', 'L’offre « Service commun RH » a déjà « 1 » à la ligne 4 : une offre n’a qu’un nombre d’ETP.'],
    ])
    // TEN-1 is matched by its reference: a new title renames the action.
    expect(report.rows.find((row) => row.reference === 'TEN-1')).toMatchObject({ outcome: 'updated', changes: expect.arrayContaining(['intitulé : « Créer le service commun des ressources humaines » → « Autre action »']) })
  })

  it('a sheet longer than the bound, as a whole', async () => {
    const long = table(...Array.from({ length: 2_001 }, (_, i) => ({ Domaine: 'D', Action: `Action ${i}` })))
    const refusal = run(await xlsxFile({ Schéma: long }), { dryRun: true })
    await expect(refusal).rejects.toBeInstanceOf(ImportFileError)
    await expect(refusal).rejects.toThrow(`La feuille « Schéma » compte plus de ${(2000).toLocaleString('fr-FR')} lignes : importez le schéma en plusieurs fichiers.`)
  })

  it('a sheet without an « Action » column', async () => {
    const report = await run(csvFile([['Domaine', 'Statut'], ['RH', 'en cours']], { delimiter: ';', encoding: 'utf-8' }), { dryRun: true })
    expect(report).toMatchObject({ accepted: false, counts: { rows: 0 } })
    expect(report.refusals).toEqual([expect.objectContaining({ row: 1, column: 'Action', reason: 'Colonne « Action » absente : aucune ligne ne peut être importée sans elle.' })])
  })
})

describe('importSchema is for', () => {
  const viewer = (role: 'ADMIN' | 'EDITOR' | 'ANALYST', territoryId: string) => ({ kind: 'user' as const, userId: 'u', name: 'Test', role, territoryId, organisationIds: [], platformAdmin: false, via: 'session' as const })
  const as = async (actor: Parameters<typeof importSchema>[1]['actor']) =>
    importSchema(db, { territoryId: territory.id, bytes: await xlsxFile({ Schéma: schema }), fileName: 'schema.xlsx', actor, dryRun: true }).then(
      (report) => report.counts.rows,
      (error: Error) => error.message,
    )

  it('the territory’s administrators and the command line, no one else', async () => {
    const dijon = await db.territory.findUniqueOrThrow({ where: { siren: '242100410' } })
    expect(await as(viewer('ADMIN', territory.id))).toBe(4)
    expect(await as(importActor)).toBe(4)
    expect(await as(viewer('ADMIN', dijon.id))).toBe('Cet élément relève d’un autre territoire.')
    expect(await as(viewer('EDITOR', territory.id))).toBe('Réservé à la mission de coordination (administrateurs).')
    expect(await as(viewer('ANALYST', territory.id))).toBe('Réservé à la mission de coordination (administrateurs).')
    expect(await as({ kind: 'anonymous' })).toBe('Connectez-vous pour importer un schéma.')
  })
})
