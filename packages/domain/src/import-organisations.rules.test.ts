import { describe, expect, it } from 'vitest'
import { createCommuneMatcher } from './commune-names.rules.ts'
import { readOrganisationName, readParticipants, type OrganisationReading } from './import-organisations.rules.ts'
import { codeOf, officialCommunes, officialEpcis } from './official-communes.fixture.ts'

const dijon = officialEpcis.find((epci) => epci.siren === '242100410')!
const matcher = createCommuneMatcher({ ...dijon, name: 'Dijon Métropole' }, { communes: officialCommunes })
const organisations = [
  { key: 'ccas-dijon', name: 'CCAS de Dijon' },
  { key: 'office-de-tourisme', name: 'Office de tourisme de Dijon Métropole' },
]
const code = (name: string) => codeOf(dijon, name)

const read = (reading: OrganisationReading | null) =>
  reading === null ? null : reading.ok ? (reading.kind === 'TERRITORY' ? 'TERRITORY' : reading.name) : { reason: reading.reason, suggestions: reading.suggestions }

describe('readOrganisationName', () => {
  it.each([
    ['Dijon Métropole', 'TERRITORY'],
    ['la Métropole', 'TERRITORY'],
    ['DIJON METROPOLE', 'TERRITORY'],
    ['Dijon', 'Dijon'],
    ['Chenove', 'Chenôve'],
    ['ST APOLLINAIRE', 'Saint-Apollinaire'],
    ['CCAS de Dijon', 'CCAS de Dijon'],
    ['ccas  de dijon', 'CCAS de Dijon'],
    ['ccas-dijon', 'CCAS de Dijon'],
    ['Office de tourisme de Dijon Metropole', 'Office de tourisme de Dijon Métropole'],
  ])('« %s » is %s', (written, expected) => {
    expect(read(readOrganisationName(written, matcher, organisations))).toBe(expected)
  })

  it('says nothing for an empty cell', () => {
    expect(readOrganisationName('  ', matcher, organisations)).toBeNull()
  })

  it('refuses a commune déléguée and a commune of another EPCI with their reason', () => {
    expect(read(readOrganisationName('Crimolois', matcher, organisations))).toEqual({
      reason: '« Crimolois » est une commune déléguée de Neuilly-Crimolois : c’est Neuilly-Crimolois qui est membre de Dijon Métropole.',
      suggestions: ['Neuilly-Crimolois'],
    })
    expect(read(readOrganisationName('Beaune', matcher, organisations))).toMatchObject({ reason: 'Beaune (21) n’est pas membre de Dijon Métropole.' })
  })

  it('refuses a name that is nothing known, suggesting the closest organisations and communes', () => {
    expect(read(readOrganisationName('CCAS de Dijn', matcher, organisations))).toEqual({ reason: '« CCAS de Dijn » n’est ni une commune ni un organisme de Dijon Métropole.', suggestions: ['CCAS de Dijon'] })
    expect(read(readOrganisationName('Talnat', matcher, organisations))).toMatchObject({ suggestions: ['Talant'] })
  })
})

describe('readParticipants', () => {
  it('reads communes, the EPCI and the other organisations of one cell', () => {
    expect(readParticipants('Dijon, CCAS de Dijon ; Chenôve\nDijon Métropole', matcher, organisations)).toEqual({
      ok: true, communes: [code('Dijon'), code('Chenôve')], territory: true, organisations: ['ccas-dijon'], refused: [],
    })
  })

  it('reads « toutes les communes » and its exceptions', () => {
    const all = readParticipants('Toutes les communes sauf Dijon', matcher, organisations)
    expect(all.communes).toHaveLength(22)
    expect(all.communes).not.toContain(code('Dijon'))
  })

  it('reads an empty cell as nobody', () => {
    expect(readParticipants('', matcher, organisations)).toEqual({ ok: true, communes: [], territory: false, organisations: [], refused: [] })
  })

  it('reports each name it cannot attach, never attaching it to another commune', () => {
    const reading = readParticipants('Talant, Crimolois, Beaune, Quetgny', matcher, organisations)
    expect(reading.ok).toBe(false)
    expect(reading.communes).toEqual([code('Talant')])
    expect(reading.refused.map((refusal) => [refusal.text, refusal.reason, refusal.suggestions])).toEqual([
      ['Crimolois', '« Crimolois » est une commune déléguée de Neuilly-Crimolois : c’est Neuilly-Crimolois qui est membre de Dijon Métropole.', ['Neuilly-Crimolois']],
      ['Beaune', 'Beaune (21) n’est pas membre de Dijon Métropole.', []],
      ['Quetgny', 'Commune inconnue : aucune commune de Dijon Métropole ne s’appelle « Quetgny ».', ['Quetigny']],
    ])
  })

  it('suggests an organisation for a misspelt one', () => {
    const reading = readParticipants('Dijon, CCAS de Dijonn', matcher, organisations)
    expect(reading.ok).toBe(false)
    expect(reading.refused.map((refusal) => [refusal.text, refusal.suggestions])).toEqual([['CCAS de Dijonn', ['CCAS de Dijon']]])
    // Its key, as exports of the seed write it, is its name too.
    expect(readParticipants('Dijon, ccas-dijon', matcher, organisations)).toMatchObject({ ok: true, organisations: ['ccas-dijon'] })
  })
})
