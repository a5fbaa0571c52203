import { describe, expect, it } from 'vitest'
import { createCommuneMatcher } from './commune-names.rules.ts'
import { costKeyLabel } from './cost.rules.ts'
import { gatherOffers } from './import-offers.rules.ts'
import { readSchemaSheet, type SchemaRowContext, type SheetRow } from './import-row.rules.ts'
import { codeOf, officialCommunes, officialEpcis } from './official-communes.fixture.ts'

const dijon = officialEpcis.find((epci) => epci.siren === '242100410')!
const context: SchemaRowContext = {
  matcher: createCommuneMatcher({ ...dijon, name: 'Dijon Métropole' }, { communes: officialCommunes }),
  organisations: [{ key: 'ccas-dijon', name: 'CCAS de Dijon' }],
  today: new Date(Date.UTC(2026, 10, 30)),
}
const code = (name: string) => codeOf(dijon, name)
const header = ['Référence', 'Domaine', 'Offre', 'Type', 'Action', 'Statut', 'Communes', 'Porteur', 'Date d’effet', 'Échéance', 'Coût annuel', 'Clé de répartition', 'ETP', 'Point d’avancement', 'Date du point']
const sheet = (...rows: unknown[][]): SheetRow[] => [header, ...rows].map((cells, i) => ({ number: i + 1, cells }))
const row = (values: Partial<Record<(typeof header)[number], unknown>>) => header.map((column) => values[column] ?? null)

describe('readSchemaSheet', () => {
  it('reads a row of the template into an action of an offer', () => {
    const reading = readSchemaSheet(
      sheet(row({
        Référence: 'FIN-1', Domaine: 'Finances', Offre: 'Service commun des finances', Type: 'Services communs', Action: 'Créer le service commun', Statut: 'Mis en oeuvre',
        Communes: 'Dijon, Chenove, CCAS de Dijon', Porteur: 'Dijon Métropole', 'Date d’effet': '01/10/2021', Échéance: 'fin 2023', 'Coût annuel': '12 500 €',
        'Clé de répartition': 'au prorata de la population', ETP: '2,5', 'Point d’avancement': 'Convention signée', 'Date du point': new Date(Date.UTC(2021, 9, 1)),
      })),
      context,
    )
    expect(reading.refusals).toEqual([])
    expect(reading.headerRow).toBe(1)
    const [action] = reading.rows
    expect(action).toMatchObject({
      row: 2, reference: 'FIN-1', domain: 'Finances', offer: 'Service commun des finances', kind: 'SERVICE_COMMUN', instrument: 'SERVICE_COMMUN',
      title: 'Créer le service commun', status: 'IMPLEMENTED', participants: { communes: [code('Dijon'), code('Chenôve')], territory: false, organisations: ['ccas-dijon'] },
      provider: { kind: 'TERRITORY' }, effectiveDate: new Date(Date.UTC(2021, 9, 1)), dueDate: new Date(Date.UTC(2023, 11, 31)),
      cost: { kind: 'AMOUNT', cents: 1_250_000 }, fte: 2.5, progress: { text: 'Convention signée', date: new Date(Date.UTC(2021, 9, 1)) },
    })
    expect(costKeyLabel(action.costKey!)).toBe('100 % population')
  })

  it('finds the header under a title, takes the domain of a heading row or of the row above', () => {
    const reading = readSchemaSheet(
      [
        { number: 1, cells: ['Schéma de mutualisation 2021-2026'] },
        { number: 3, cells: ['Thématique', 'Intitulé de l’action', 'État d’avancement', 'Communes concernées'] },
        { number: 4, cells: ['RESSOURCES HUMAINES'] },
        { number: 5, cells: [null, 'Plan de formation commun', 'en cours', 'toutes les communes'] },
        { number: 6, cells: [null, 'Bourse de l’emploi', 'à l’étude', ''] },
        { number: 7, cells: ['Achats', 'Groupement électricité', 'réalisé', 'Talant'] },
      ],
      context,
    )
    expect(reading.refusals).toEqual([])
    expect(reading.headerRow).toBe(3)
    expect(reading.rows.map((action) => [action.row, action.domain, action.title, action.status, action.participants.communes.length])).toEqual([
      [5, 'RESSOURCES HUMAINES', 'Plan de formation commun', 'IN_PROGRESS', 23],
      [6, 'RESSOURCES HUMAINES', 'Bourse de l’emploi', 'TO_STUDY', 0],
      [7, 'Achats', 'Groupement électricité', 'IMPLEMENTED', 1],
    ])
  })

  it('reports a sheet without an « Action » column', () => {
    const reading = readSchemaSheet([{ number: 1, cells: ['Domaine', 'Statut'] }, { number: 2, cells: ['Finances', 'en cours'] }], context)
    expect(reading.headerRow).toBe(0)
    expect(reading.rows).toEqual([])
    expect(reading.headers.missing).toEqual([expect.objectContaining({ column: 'Action', reason: 'Colonne « Action » absente : aucune ligne ne peut être importée sans elle.' })])
  })

  it('refuses each faulty cell with its row, column, value, reason and suggestion, and keeps the row out', () => {
    const reading = readSchemaSheet(
      sheet(
        row({ Domaine: 'Finances', Action: 'Bon', Statut: 'réalisé', Communes: 'Talant' }),
        row({ Domaine: 'Finances', Action: 'Mauvais', Statut: 'bientôt', Communes: 'Talant, Crimolois', 'Coût annuel': '12,500', Type: 'Servise comun', Offre: 'X' }),
        row({ Action: 'Sans offre', Statut: 'en cours', ETP: '1' }),
        row({ Domaine: 'Finances', Statut: 'en cours' }),
        row({ Domaine: 'Finances', Action: 'Point daté sans texte', 'Date du point': '01/01/2025' }),
        row({ Domaine: 'Finances', Action: 'Point futur', 'Point d’avancement': 'À faire', 'Date du point': '01/01/2030' }),
      ),
      context,
    )
    expect(reading.rows.map((action) => action.title)).toEqual(['Bon'])
    expect(reading.refusals.map(({ row, column, value, reason, suggestion }) => ({ row, column, value, reason, suggestion }))).toEqual([
      { row: 3, column: 'Type', value: 'Servise comun', reason: 'Type inconnu : « Servise comun ».', suggestion: 'Vouliez-vous dire « Service commun » ?' },
      { row: 3, column: 'Statut', value: 'bientôt', reason: 'Statut inconnu : « bientôt ».', suggestion: expect.stringContaining('Statuts acceptés') },
      { row: 3, column: 'Communes', value: 'Crimolois', reason: '« Crimolois » est une commune déléguée de Neuilly-Crimolois : c’est Neuilly-Crimolois qui est membre de Dijon Métropole.', suggestion: 'Vouliez-vous dire « Neuilly-Crimolois » ?' },
      { row: 3, column: 'Coût annuel', value: '12,500', reason: expect.stringContaining('Montant ambigu'), suggestion: expect.any(String) },
      { row: 4, column: 'ETP', value: '1', reason: '« ETP » se rapporte à une offre, et cette ligne n’en nomme aucune.', suggestion: 'Indiquer l’offre dans la colonne « Offre », ou vider la cellule.' },
      { row: 5, column: 'Action', value: '', reason: 'Intitulé de l’action manquant : chaque ligne est une action.', suggestion: null },
      { row: 6, column: 'Date du point', value: '01/01/2025', reason: 'Date du point sans point d’avancement.', suggestion: expect.any(String) },
      { row: 7, column: 'Date du point', value: '01/01/2030', reason: 'La date est dans le futur. Lu : « 01/01/2030 ».', suggestion: expect.any(String) },
    ])
  })

  it('refuses a row without a domain when none is above it', () => {
    const reading = readSchemaSheet(sheet(row({ Action: 'Orpheline', Statut: 'en cours' })), context)
    expect(reading.refusals).toEqual([expect.objectContaining({ row: 2, column: 'Domaine', reason: 'Domaine manquant : ni cette ligne ni une ligne au-dessus n’en donne.' })])
  })

  it('refuses a reference given twice, after its first row', () => {
    const reading = readSchemaSheet(sheet(row({ Référence: 'A-1', Domaine: 'D', Action: 'Un' }), row({ Référence: 'a-1', Domaine: 'D', Action: 'Deux' })), context)
    expect(reading.rows.map((action) => action.title)).toEqual(['Un'])
    expect(reading.refusals).toEqual([expect.objectContaining({ row: 3, column: 'Référence', value: 'a-1', reason: 'La référence « a-1 » est déjà celle de la ligne 2 : chaque action a la sienne.' })])
  })

  it('tells a cost said unknown from a cost not stated', () => {
    const rows = readSchemaSheet(sheet(row({ Domaine: 'D', Offre: 'O', Action: 'A', 'Coût annuel': 'NC' }), row({ Domaine: 'D', Offre: 'O', Action: 'B' })), context).rows
    expect(rows.map((action) => action.cost)).toEqual([{ kind: 'UNKNOWN', cents: null }, null])
  })

  it('reads back a text an export made inert', () => {
    const [action] = readSchemaSheet(sheet(row({ Domaine: 'D', Action: "'=Créer le service", Statut: 'prévu' })), context).rows
    expect(action.title).toBe('=Créer le service')
  })

  it('keeps a status that says more as the point d’avancement', () => {
    const [action] = readSchemaSheet(sheet(row({ Domaine: 'D', Action: 'A', Statut: 'Mis en oeuvre au 1er octobre 2021' })), context).rows
    expect(action).toMatchObject({ status: 'IMPLEMENTED', progress: { text: 'Mis en oeuvre au 1er octobre 2021', date: null } })
  })

  it('reads a mise à disposition’s direction from the row’s provider, and an action’s instrument without one', () => {
    const rows = readSchemaSheet(
      sheet(
        row({ Domaine: 'D', Offre: 'Archives', Type: 'Mise à disposition', Porteur: 'Dijon', Action: 'A' }),
        row({ Domaine: 'D', Offre: 'Voirie', Type: 'Mise à disposition', Porteur: 'Dijon Métropole', Action: 'B' }),
        row({ Domaine: 'D', Type: 'Mise à disposition', Action: 'C' }),
      ),
      context,
    ).rows
    expect(rows.map((action) => [action.kind, action.instrument])).toEqual([
      ['MISE_A_DISPOSITION_ASCENDANTE', 'MISE_A_DISPOSITION'],
      ['MISE_A_DISPOSITION_DESCENDANTE', 'MISE_A_DISPOSITION'],
      [null, 'MISE_A_DISPOSITION'],
    ])
  })
})

describe('gatherOffers', () => {
  it('gathers the rows of an offer by its name, each field from the first row stating it', () => {
    const { rows } = readSchemaSheet(
      sheet(
        row({ Domaine: 'Achats', Offre: 'Groupement énergie', Type: 'Groupement de commandes', Action: 'Électricité', 'Coût annuel': '' }),
        row({ Domaine: 'Achats', Offre: 'GROUPEMENT ENERGIE', Action: 'Gaz', 'Coût annuel': 'gratuit', Porteur: 'Dijon Métropole' }),
        row({ Domaine: 'Achats', Offre: 'Autre', Type: 'Centrale d’achat', Action: 'UGAP' }),
      ),
      context,
    )
    const { offers, refusals } = gatherOffers(rows)
    expect(refusals).toEqual([])
    expect(offers).toEqual([
      { name: 'Groupement énergie', key: 'groupement energie', rows: [2, 3], domain: 'Achats', kind: 'GROUPEMENT_DE_COMMANDES', provider: { kind: 'TERRITORY' }, cost: { kind: 'FREE', cents: null }, costKey: null, fte: null },
      { name: 'Autre', key: 'autre', rows: [4], domain: 'Achats', kind: 'CENTRALE_D_ACHAT', provider: null, cost: null, costKey: null, fte: null },
    ])
  })

  it('gives an offer its first row’s porteur, its actions keeping their own', () => {
    const { rows } = readSchemaSheet(sheet(row({ Domaine: 'D', Offre: 'O', Type: 'Convention', Action: 'A', Porteur: 'Dijon' }), row({ Domaine: 'D', Offre: 'O', Action: 'B', Porteur: 'Chenôve' })), context)
    const { offers, refusals } = gatherOffers(rows)
    expect(refusals).toEqual([])
    expect(offers[0].provider).toEqual({ kind: 'COMMUNE', code: code('Dijon'), name: 'Dijon' })
    expect(rows.map((action) => action.provider)).toEqual([{ kind: 'COMMUNE', code: code('Dijon'), name: 'Dijon' }, { kind: 'COMMUNE', code: code('Chenôve'), name: 'Chenôve' }])
  })

  it('refuses a row that contradicts an earlier row of its offer', () => {
    const { rows } = readSchemaSheet(
      sheet(
        row({ Domaine: 'D', Offre: 'O', Type: 'Service commun', Action: 'A', 'Coût annuel': '12 000 €', 'Clé de répartition': 'population' }),
        row({ Domaine: 'D', Offre: 'O', Type: 'Convention', Action: 'B', 'Coût annuel': '12000', 'Clé de répartition': '100 % population' }),
        row({ Domaine: 'D', Offre: 'O', Action: 'C', 'Coût annuel': '15 000 €' }),
      ),
      context,
    )
    const { refusals, refusedRows } = gatherOffers(rows)
    expect(refusals.map(({ row, column, value, reason }) => ({ row, column, value, reason }))).toEqual([
      { row: 3, column: 'Type', value: 'Convention', reason: 'L’offre « O » a déjà « Service commun » à la ligne 2 : une offre n’a qu’un type.' },
      { row: 4, column: 'Coût annuel', value: '15 000 €', reason: 'L’offre « O » a déjà « 12 000 € » à la ligne 2 : une offre n’a qu’un coût annuel.' },
    ])
    expect([...refusedRows]).toEqual([3, 4])
  })
})
