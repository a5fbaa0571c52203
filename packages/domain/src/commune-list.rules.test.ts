import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readCommuneList, type CommuneListReading } from './commune-list.rules.ts'
import { createCommuneMatcher, type CommuneTerritory } from './commune-names.rules.ts'
import { codeOf, officialCommunes, officialEpcis, territoryOf } from './official-communes.fixture.ts'

const dijon = officialEpcis.find((epci) => epci.siren === '242100410')!
const tenareze = territoryOf(officialCommunes.find((commune) => commune.nom === 'Lauraët')!.code)
const dijonMatcher = createCommuneMatcher(dijon, { communes: officialCommunes })
const tenarezeMatcher = createCommuneMatcher(tenareze, { communes: officialCommunes })

const names = (territory: CommuneTerritory, reading: CommuneListReading) => reading.codes.map((code) => territory.members.find((member) => member.code === code)!.name)
/** Each name as the report shows it: what was written, and what it was read as or why it was refused. */
const items = (reading: CommuneListReading) => reading.items.map((item) => [item.text, item.ok ? (item.kind === 'MEMBER' ? item.name : item.kind) : item.cause])

describe('readCommuneList', () => {
  it('reads the list quoted in issue 13, split by « - » and « – » in capitals with « ST » and no accents', () => {
    const reading = readCommuneList("LARROQUE ST SERNIN - LARROQUE SUR L'OSSE – LAURAET", tenarezeMatcher)
    expect(reading.ok).toBe(true)
    expect(names(tenareze, reading)).toEqual(['Larroque-Saint-Sernin', "Larroque-sur-l'Osse", 'Lauraët'])
    expect(items(reading)).toEqual([
      ['LARROQUE ST SERNIN', 'Larroque-Saint-Sernin'],
      ["LARROQUE SUR L'OSSE", "Larroque-sur-l'Osse"],
      ['LAURAET', 'Lauraët'],
    ])
  })

  it.each([
    ['line breaks between names', "LARROQUE ST SERNIN -\nLARROQUE SUR L'OSSE\n– LAURAET"],
    ['a line break inside a name', "LARROQUE ST\nSERNIN, LARROQUE SUR\nL'OSSE, LAURAET"],
    ['hyphens only', "Larroque-Saint-Sernin-Larroque-sur-l'Osse-Lauraët"],
    ['curly apostrophes and commas', 'Larroque-St-Sernin, Larroque-sur-l’Osse, Lauraët'],
    ['« et »', "Larroque-Saint-Sernin, Larroque-sur-l'Osse et Lauraët"],
  ])('reads the same three communes with %s', (_case, cell) => {
    expect(names(tenareze, readCommuneList(cell, tenarezeMatcher))).toEqual(['Larroque-Saint-Sernin', "Larroque-sur-l'Osse", 'Lauraët'])
  })

  it.each([
    ['Saint-Apollinaire, Plombières-lès-Dijon ; Chenôve / Talant', ['Saint-Apollinaire', 'Plombières-lès-Dijon', 'Chenôve', 'Talant']],
    ['Dijon-Chenôve-Talant', ['Dijon', 'Chenôve', 'Talant']],
    ['DIJON – CHENOVE — TALANT', ['Dijon', 'Chenôve', 'Talant']],
    ['Dijon et Chenôve', ['Dijon', 'Chenôve']],
    ['Ville de Dijon, commune de Talant, la ville d’Ahuy', ['Dijon', 'Talant', 'Ahuy']],
    ['Bressey s/ Tille, Magny s/Tille', ['Bressey-sur-Tille', 'Magny-sur-Tille']],
    ['Neuilly-Crimolois', ['Neuilly-Crimolois']],
    ['Fontaine-lès-Dijon, Plombières-lès-Dijon, Dijon', ['Fontaine-lès-Dijon', 'Plombières-lès-Dijon', 'Dijon']],
    ['Dijon, DIJON, dijon', ['Dijon']],
    ['Chevigny-St-Sauveur\nQuetigny\nSennecey-lès-Dijon', ['Chevigny-Saint-Sauveur', 'Quetigny', 'Sennecey-lès-Dijon']],
    ['21231 ; 21166', ['Dijon', 'Chenôve']],
  ])('« %s »', (cell, expected) => {
    const reading = readCommuneList(cell, dijonMatcher)
    expect(reading.ok).toBe(true)
    expect(names(dijon, reading)).toEqual(expected)
  })

  it('reads an empty cell as no commune, without a refusal', () => {
    expect(readCommuneList('', dijonMatcher)).toEqual({ ok: true, all: false, codes: [], territory: false, items: [] })
    expect(readCommuneList(null, dijonMatcher)).toEqual({ ok: true, all: false, codes: [], territory: false, items: [] })
  })

  it('reports a commune déléguée and keeps reading the others', () => {
    const reading = readCommuneList('Crimolois, Dijon', dijonMatcher)
    expect(reading.ok).toBe(false)
    expect(items(reading)).toEqual([
      ['Crimolois', 'FORMER'],
      ['Dijon', 'Dijon'],
    ])
    expect(reading.items[0]).toMatchObject({ reason: '« Crimolois » est une commune déléguée de Neuilly-Crimolois : c’est Neuilly-Crimolois qui est membre de Dijon Métropole.', suggestions: ['Neuilly-Crimolois'] })
  })

  it('reads « Neuilly-lès-Dijon », a former commune, as itself and not as Dijon', () => {
    const reading = readCommuneList('Neuilly-lès-Dijon', dijonMatcher)
    expect(items(reading)).toEqual([['Neuilly-lès-Dijon', 'FORMER']])
    expect(reading.codes).toEqual([])
  })

  it('never attaches a misspelt name to the commune it contains: « Plombiere lès Dijon » is not Dijon', () => {
    const reading = readCommuneList('Plombiere lès Dijon - Talant', dijonMatcher)
    expect(items(reading)).toEqual([
      ['Plombiere lès Dijon', 'UNKNOWN'],
      ['Talant', 'Talant'],
    ])
    expect(reading.items[0]).toMatchObject({ suggestions: ['Plombières-lès-Dijon'] })
    expect(names(dijon, reading)).toEqual(['Talant'])
  })

  it('suggests the member a misspelt name is close to, not the commune of another département it begins with', () => {
    const reading = readCommuneList('Chevigny St Sauver', dijonMatcher)
    expect(reading.items).toEqual([expect.objectContaining({ text: 'Chevigny St Sauver', cause: 'UNKNOWN', suggestions: ['Chevigny-Saint-Sauveur'] })])
  })

  it('reports a commune of another EPCI and an unknown name in the same cell', () => {
    const reading = readCommuneList('Dijon, Lauraët, Talnat', dijonMatcher)
    expect(items(reading)).toEqual([
      ['Dijon', 'Dijon'],
      ['Lauraët', 'NOT_MEMBER'],
      ['Talnat', 'UNKNOWN'],
    ])
    expect(reading.items.slice(1)).toMatchObject([{ reason: 'Lauraët (32) n’est pas membre de Dijon Métropole.' }, { suggestions: ['Talant'], suggestion: 'Vouliez-vous dire « Talant » ?' }])
  })

  it('tells the EPCI itself from its communes', () => {
    const reading = readCommuneList('Dijon Métropole, Chenôve', dijonMatcher)
    expect(reading).toMatchObject({ ok: true, territory: true, codes: [codeOf(dijon, 'Chenôve')] })
  })

  describe('all the communes', () => {
    const every = dijon.members.map((member) => member.code)
    it.each([
      'toutes les communes',
      'Toutes',
      'TOUTES LES COMMUNES',
      'Toutes les communes membres',
      'toutes les communes de la Métropole',
      'Toutes les communes de Dijon Métropole',
      "L'ensemble des communes",
      'les 23 communes',
      'Les 23 communes de la métropole',
      'tout le territoire',
    ])('« %s »', (cell) => {
      expect(readCommuneList(cell, dijonMatcher)).toEqual({ ok: true, all: true, codes: every, territory: false, items: [] })
    })

    it('less the communes named after « sauf », « hors » or « à l’exception de »', () => {
      for (const cell of ['Toutes les communes sauf Dijon et Talant', 'toutes hors Dijon, Talant', 'Toutes, à l’exception de Dijon et de Talant']) {
        const reading = readCommuneList(cell, dijonMatcher)
        expect([cell, reading.all, reading.codes]).toEqual([cell, true, every.filter((code) => code !== codeOf(dijon, 'Dijon') && code !== codeOf(dijon, 'Talant'))])
      }
      expect(readCommuneList('Toutes, à l’exception d’Ahuy', dijonMatcher).codes).toEqual(every.filter((code) => code !== codeOf(dijon, 'Ahuy')))
    })

    it('refuses a count that is not the territory’s', () => {
      expect(readCommuneList('les 22 communes', dijonMatcher)).toMatchObject({ ok: false, all: false, codes: [], items: [{ reason: 'Dijon Métropole compte 23 communes, pas 22 : nommer les communes, ou écrire « toutes les communes ».' }] })
    })

    it('refuses « toutes les communes volontaires »: it does not say which', () => {
      expect(readCommuneList('Toutes les communes volontaires', dijonMatcher)).toMatchObject({
        ok: false,
        codes: [],
        items: [{ text: 'Toutes les communes volontaires', reason: '« Toutes les communes volontaires » ne dit pas lesquelles : nommer les communes, ou écrire « toutes les communes ».' }],
      })
    })
  })

  it('reads any members of Dijon Métropole or of the CC de la Ténarèze back, whatever the separators and spelling', () => {
    const separator = fc.constantFrom(', ', ' ; ', ' - ', ' – ', ' — ', ' / ', '\n', ' et ', ',\n', '-')
    const spelling = fc.constantFrom<(name: string) => string>(
      (name) => name,
      (name) => name.toUpperCase(),
      (name) => name.normalize('NFD').replace(/\p{Diacritic}/gu, ''),
      (name) => name.replace(/-/g, ' '),
      (name) => name.replace(/\bSaint\b/g, 'St').replace(/'/g, '’'),
    )
    const list = (territory: CommuneTerritory) => fc.shuffledSubarray([...territory.members], { minLength: 1 }).chain((members) => fc.tuple(fc.constant(members), fc.array(fc.tuple(separator, spelling), { minLength: members.length, maxLength: members.length })))
    for (const [territory, matcher] of [[dijon, dijonMatcher], [tenareze, tenarezeMatcher]] as const) {
      fc.assert(
        fc.property(list(territory), ([members, ways]) => {
          const cell = members.map((member, i) => (i === 0 ? '' : ways[i][0]) + ways[i][1](member.name)).join('')
          const reading = readCommuneList(cell, matcher)
          expect([cell, reading.ok, reading.codes]).toEqual([cell, true, members.map((member) => member.code)])
        }),
      )
    }
  })
})
