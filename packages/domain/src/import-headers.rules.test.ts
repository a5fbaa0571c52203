import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importColumnLabels, importColumns, readHeaders, type ImportColumn } from './import-headers.rules.ts'
import { columnLetter } from './import-text.ts'

const columnOf = (header: string): ImportColumn | undefined => {
  const { columns } = readHeaders([header], { required: [] })
  return (Object.keys(columns) as ImportColumn[])[0]
}

describe('readHeaders', () => {
  it.each([
    ['Domaine', 'domain'],
    ['THÉMATIQUE', 'domain'],
    ['Thématique', 'domain'],
    ['Offre', 'offer'],
    ['Type', 'kind'],
    ['Type de mutualisation', 'kind'],
    ['Action', 'action'],
    ['Intitulé', 'action'],
    ['intitule de l’action', 'action'],
    ['Statut', 'status'],
    ['État d’avancement', 'status'],
    ["ETAT D'AVANCEMENT", 'status'],
    ['État dʼavancement', 'status'],
    ['Etat d`avancement', 'status'],
    ['Avancement', 'status'],
    ['Communes', 'communes'],
    ['Communes concernées', 'communes'],
    ['communes  concernees', 'communes'],
    ['Collectivités', 'communes'],
    ['Porteur', 'provider'],
    ['Pilote', 'provider'],
    ["Date d'effet", 'effectiveDate'],
    ['Date d’effet (JJ/MM/AAAA)', 'effectiveDate'],
    ['Échéance', 'dueDate'],
    ['ECHEANCE', 'dueDate'],
    ['Coût annuel', 'annualCost'],
    ['Coût annuel (€)', 'annualCost'],
    ['Coût annuel en euros HT', 'annualCost'],
    ['Clé de répartition', 'costKey'],
    ['ETP', 'fte'],
    ['E.T.P.', 'fte'],
    ['Point d’avancement', 'progress'],
    ['Commentaires', 'progress'],
    ['Date du point', 'progressDate'],
    ['Référence', 'reference'],
    ['Réf.', 'reference'],
    ['N°', 'reference'],
    ['Statut *', 'status'],
    [' Communes\n', 'communes'],
    ['Porteur ', 'provider'],
  ])('« %s » is the column %s', (header, column) => {
    expect(columnOf(header)).toBe(column)
  })

  it('keeps « Point d’avancement » (the note) apart from « Avancement » (the status), and « ETP » from « État »', () => {
    const { columns } = readHeaders(['Avancement', 'Point d’avancement', 'État', 'ETP'], { required: [] })
    expect(columns).toEqual({ status: 0, progress: 1, fte: 3 })
  })

  it('reads the template itself whole, in any order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...importColumns], { minLength: importColumns.length }), (order) => {
        const { columns, unknown, duplicates, missing } = readHeaders(order.map((column) => importColumnLabels[column]))
        expect(unknown).toEqual([])
        expect(duplicates).toEqual([])
        expect(missing).toEqual([])
        for (const column of importColumns) expect(columns[column]).toBe(order.indexOf(column))
      }),
    )
  })

  it('ignores case, accents and spacing in every template header', () => {
    const messy = fc.tuple(fc.constantFrom(...importColumns), fc.constantFrom('upper', 'lower', 'bare', 'spaced')).map(([column, how]) => {
      const label = importColumnLabels[column]
      const text = how === 'upper' ? label.toUpperCase() : how === 'lower' ? label.toLowerCase() : how === 'bare' ? label.normalize('NFD').replace(/\p{Diacritic}/gu, '') : `  ${label.replace(/ /g, '   ')}  `
      return { column, text }
    })
    fc.assert(
      fc.property(messy, ({ column, text }) => {
        expect(columnOf(text)).toBe(column)
      }),
    )
  })

  it('reports an unknown header with its column letter and the closest template column', () => {
    const { unknown, columns } = readHeaders(['Action', 'Statu', 'Couleur'], { row: 3 })
    expect(columns).toEqual({ action: 0 })
    expect(unknown).toEqual([
      { row: 3, column: 'B', value: 'Statu', reason: 'Colonne inconnue du modèle d’import : elle ne sera pas importée.', suggestion: 'Renommer la colonne en « Statut ».' },
      { row: 3, column: 'C', value: 'Couleur', reason: 'Colonne inconnue du modèle d’import : elle ne sera pas importée.', suggestion: 'Renommer la colonne d’après le modèle d’import, ou la laisser : elle ne sera pas importée.' },
    ])
  })

  it('never takes a near miss for a column: « Etat » is the status, « Etp » the staff, « Eta » neither', () => {
    expect([columnOf('Etat'), columnOf('Etp'), columnOf('Eta')]).toEqual(['status', 'fte', undefined])
  })

  it('reports a second header for the same column and keeps the first', () => {
    const { columns, duplicates } = readHeaders(['Action', 'Commentaires', 'Observations'])
    expect(columns.progress).toBe(1)
    expect(duplicates).toEqual([
      {
        row: 1,
        column: 'C',
        value: 'Observations',
        reason: 'Deux colonnes donnent « Point d’avancement » : la colonne B (« Commentaires ») est lue, celle-ci ne l’est pas.',
        suggestion: 'Supprimer ou renommer l’une des deux colonnes.',
      },
    ])
  })

  it('refuses amounts in thousands of euros rather than importing 12 for 12 000 €', () => {
    const { columns, duplicates } = readHeaders(['Action', 'Coût annuel (k€)'])
    expect(columns.annualCost).toBeUndefined()
    expect(duplicates[0]).toMatchObject({ column: 'B', value: 'Coût annuel (k€)', suggestion: 'Donner les montants en euros et nommer la colonne « Coût annuel ».' })
  })

  it('reports a required column no header gives, and skips empty header cells', () => {
    const { missing, unknown } = readHeaders(['Domaine', '', null, 'Statut'])
    expect(unknown).toEqual([])
    expect(missing).toEqual([{ row: 1, column: 'Action', value: '', reason: 'Colonne « Action » absente : aucune ligne ne peut être importée sans elle.', suggestion: 'Ajouter une colonne « Action » (voir le modèle d’import).' }])
  })
})

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('%i → %s', (index, letter) => expect(columnLetter(index)).toBe(letter))
})
