import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { communeWords, createCommuneMatcher, readCommuneName, type CommuneOutcome, type CommuneTerritory } from './commune-names.rules.ts'
import { codeOf, officialCommunes, officialEpcis, territoryOf } from './official-communes.fixture.ts'

// Dijon Métropole, and the CC de la Ténarèze whose schéma lists « LARROQUE ST SERNIN - LARROQUE SUR
// L'OSSE – LAURAET » (issue 13): found through one of their communes, names from the official data.
const dijon = officialEpcis.find((epci) => epci.siren === '242100410')!
const tenareze = territoryOf(officialCommunes.find((commune) => commune.nom === 'Larroque-sur-l\'Osse')!.code)
const dijonMatcher = createCommuneMatcher(dijon, { communes: officialCommunes })
const tenarezeMatcher = createCommuneMatcher(tenareze, { communes: officialCommunes })

/** What the report shows: the member read, or the refusal's cause, reason and suggestions. */
const read = (outcome: CommuneOutcome | null) =>
  outcome === null ? null : outcome.ok ? (outcome.kind === 'MEMBER' ? outcome.name : outcome.kind) : { cause: outcome.cause, reason: outcome.reason, suggestions: outcome.suggestions }

describe('communeWords', () => {
  it.each([
    ['Saint-Apollinaire', 'saint apollinaire'],
    ['ST APOLLINAIRE', 'saint apollinaire'],
    ['St-Apollinaire', 'saint apollinaire'],
    ['St. Apollinaire', 'saint apollinaire'],
    ['S^t-Apollinaire', 'saint apollinaire'],
    ['Sᵗ-Apollinaire', 'saint apollinaire'],
    ['Ste-Marie', 'sainte marie'],
    ['Larroque-sur-l’Osse', 'larroque sur l osse'],
    ['LARROQUE SUR L\'OSSE', 'larroque sur l osse'],
    ['Larroque sur lʼOsse', 'larroque sur l osse'],
    ['Plombières-lez-Dijon', 'plombieres les dijon'],
    ['Rochepot (La)', 'la rochepot'],
    ["Isle-Adam (L')", 'l isle adam'],
    ['  Chenôve ', 'chenove'],
  ])('« %s » → %s', (name, words) => {
    expect(communeWords(name).join(' ')).toBe(words)
  })
})

describe('readCommuneName', () => {
  it.each([
    ['Saint-Apollinaire', 'Saint-Apollinaire'],
    ['ST APOLLINAIRE', 'Saint-Apollinaire'],
    ['S^t Apollinaire', 'Saint-Apollinaire'],
    ['st-apollinaire', 'Saint-Apollinaire'],
    ['Plombières-lès-Dijon', 'Plombières-lès-Dijon'],
    ['PLOMBIERES LES DIJON', 'Plombières-lès-Dijon'],
    ['Plombieres-lez-Dijon', 'Plombières-lès-Dijon'],
    ['Chenove', 'Chenôve'],
    ['CHENÔVE', 'Chenôve'],
    ['Chevigny St Sauveur', 'Chevigny-Saint-Sauveur'],
    ['Neuilly-Crimolois', 'Neuilly-Crimolois'],
    ['Fénay', 'Fénay'],
    ['fenay', 'Fénay'],
    ['21231', 'Dijon'],
  ])('« %s » in Dijon Métropole is %s', (written, name) => {
    expect(read(readCommuneName(written, dijonMatcher))).toBe(name)
  })

  it.each([
    ["Larroque-sur-l'Osse", "Larroque-sur-l'Osse"],
    ['Larroque-sur-l’Osse', "Larroque-sur-l'Osse"],
    ['Larroque sur lʼOsse', "Larroque-sur-l'Osse"],
    ["LARROQUE SUR L'OSSE", "Larroque-sur-l'Osse"],
    ['LARROQUE ST SERNIN', 'Larroque-Saint-Sernin'],
    ['LAURAET', 'Lauraët'],
    ['Castelnau sur l Auvignon', "Castelnau-sur-l'Auvignon"],
  ])('« %s » in the CC de la Ténarèze is %s', (written, name) => {
    expect(read(readCommuneName(written, tenarezeMatcher))).toBe(name)
  })

  it('refuses a commune déléguée, naming the commune nouvelle that is the member', () => {
    expect(read(readCommuneName('Crimolois', dijonMatcher))).toEqual({
      cause: 'FORMER',
      reason: '« Crimolois » est une commune déléguée de Neuilly-Crimolois : c’est Neuilly-Crimolois qui est membre de Dijon Métropole.',
      suggestions: ['Neuilly-Crimolois'],
    })
    expect(read(readCommuneName('NEUILLY LES DIJON', dijonMatcher))).toMatchObject({ cause: 'FORMER', suggestions: ['Neuilly-Crimolois'] })
  })

  it('says since when, given the date the commune nouvelle was created (the official data has none)', () => {
    const matcher = createCommuneMatcher(dijon, { communes: officialCommunes, createdOn: new Map([[codeOf(dijon, 'Neuilly-Crimolois'), new Date(Date.UTC(2019, 0, 1))]]) })
    expect(readCommuneName('Crimolois', matcher)).toMatchObject({ reason: '« Crimolois » est une commune déléguée de Neuilly-Crimolois depuis le 1er janvier 2019 : c’est Neuilly-Crimolois qui est membre de Dijon Métropole.' })
  })

  it('refuses a commune associée the same way', () => {
    const associated = officialCommunes.find((commune) => commune.type === 'commune-associee' && officialEpcis.some((epci) => epci.members.some((member) => member.code === commune.chefLieu)))!
    const territory = territoryOf(associated.chefLieu!)
    const parent = territory.members.find((member) => member.code === associated.chefLieu)!
    expect(read(readCommuneName(associated.nom, createCommuneMatcher(territory, { communes: officialCommunes })))).toEqual({
      cause: 'FORMER',
      reason: `« ${associated.nom} » est une commune associée à ${parent.name} : c’est ${parent.name} qui est membre ${/^[AEIOUYÉ]/.test(territory.name) ? 'd’' : 'de '}${territory.name}.`,
      suggestions: [parent.name],
    })
  })

  it('refuses a municipal arrondissement, naming its city', () => {
    const lyon = territoryOf(officialCommunes.find((commune) => commune.nom === 'Lyon' && commune.type === 'commune-actuelle')!.code)
    expect(read(readCommuneName('Lyon 3e Arrondissement', createCommuneMatcher(lyon, { communes: officialCommunes })))).toMatchObject({ cause: 'ARRONDISSEMENT', suggestions: ['Lyon'] })
  })

  it('refuses a commune that is not a member, with its département', () => {
    expect(read(readCommuneName('Lauraët', dijonMatcher))).toEqual({ cause: 'NOT_MEMBER', reason: 'Lauraët (32) n’est pas membre de Dijon Métropole.', suggestions: [] })
  })

  it('refuses « Larroque », a commune of three other départements, suggesting the members it begins', () => {
    expect(read(readCommuneName('Larroque', tenarezeMatcher))).toEqual({
      cause: 'NOT_MEMBER',
      reason: 'Larroque (31, 65, 81) n’est pas membre de CC de la Tenarèze.',
      suggestions: ["Larroque-sur-l'Osse", 'Larroque-Saint-Sernin'],
    })
  })

  it('refuses an unknown name with the closest members', () => {
    expect(read(readCommuneName('Talnat', dijonMatcher))).toEqual({ cause: 'UNKNOWN', reason: 'Commune inconnue : aucune commune de Dijon Métropole ne s’appelle « Talnat ».', suggestions: ['Talant'] })
    expect(read(readCommuneName('Plombières', dijonMatcher))).toMatchObject({ cause: 'UNKNOWN', suggestions: ['Plombières-lès-Dijon'] })
  })

  it('reads the EPCI itself apart from its communes: « Dijon Métropole » is not Dijon', () => {
    for (const written of ['Dijon Métropole', 'DIJON METROPOLE', 'la Métropole', 'Métropole']) expect(read(readCommuneName(written, dijonMatcher))).toBe('TERRITORY')
  })

  it('without the official data, tells only members from unknown names', () => {
    expect(read(readCommuneName('Crimolois', createCommuneMatcher(dijon)))).toMatchObject({ cause: 'UNKNOWN' })
  })

  describe('articles, as INSEE and people write them', () => {
    // Territories found through a commune whose official name starts with an article; their members suffice.
    const withArticle = (name: string) => createCommuneMatcher(territoryOf(officialCommunes.find((commune) => commune.nom === name && commune.type === 'commune-actuelle')!.code))
    it.each([
      ['La Rochepot', ['La Rochepot', 'LA ROCHEPOT', 'Rochepot (La)', 'Rochepot']],
      ["L'Isle-Adam", ["L'Isle-Adam", 'L’Isle-Adam', "Isle-Adam (L')", 'l isle adam']],
      ['Les Mureaux', ['Les Mureaux', 'Mureaux (Les)', 'LES MUREAUX']],
    ])('%s', (name, spellings) => {
      const matcher = withArticle(name)
      for (const written of spellings) expect([written, read(readCommuneName(written, matcher))]).toEqual([written, name])
    })
  })

  it('prefers the member named exactly, and refuses a name two members share once their article is dropped', () => {
    const territory: CommuneTerritory = { name: 'CC d’essai', members: [{ code: '99001', name: 'Le Mesnil' }, { code: '99002', name: 'Mesnil' }, { code: '99003', name: 'Le Val' }, { code: '99004', name: 'La Val' }] }
    const matcher = createCommuneMatcher(territory)
    expect(['Le Mesnil', 'Mesnil', 'La Val'].map((written) => read(readCommuneName(written, matcher)))).toEqual(['Le Mesnil', 'Mesnil', 'La Val'])
    expect(read(readCommuneName('Val', matcher))).toEqual({ cause: 'AMBIGUOUS', reason: '« Val » peut désigner plusieurs communes de CC d’essai : Le Val (99003), La Val (99004).', suggestions: ['Le Val', 'La Val'] })
  })

  it('reads every member of every EPCI of France by its official name, in capitals and without accents; two members of one name by their INSEE code', () => {
    const folded = (name: string) => name.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase()
    const misread: string[] = []
    const homonyms: string[] = []
    for (const territory of officialEpcis) {
      const matcher = createCommuneMatcher(territory)
      for (const member of territory.members) {
        const namesakes = territory.members.filter((other) => folded(other.name) === folded(member.name))
        for (const written of [member.name, member.name.toUpperCase(), member.name.normalize('NFD').replace(/\p{Diacritic}/gu, '')]) {
          const outcome = readCommuneName(written, matcher)
          if (namesakes.length > 1) {
            homonyms.push(`${territory.name}: ${written}`)
            expect(outcome).toMatchObject({ cause: 'AMBIGUOUS', suggestions: namesakes.map((namesake) => namesake.code) })
          } else if (!(outcome?.ok && outcome.kind === 'MEMBER' && outcome.code === member.code)) misread.push(`${territory.name}: ${written}`)
        }
        expect(readCommuneName(member.code, matcher)).toMatchObject({ kind: 'MEMBER', code: member.code })
      }
    }
    expect(misread).toEqual([])
    // In the 2026 data: Saint-Pierre-d'Entremont (Isère, Savoie) and Seyssel (Ain, Haute-Savoie), each pair in one EPCI.
    expect(new Set(homonyms.map((homonym) => homonym.split(': ')[1].toLowerCase())).size).toBe(2)
  }, 60_000)

  it('reads « Vergné » as Vergné and « La Vergne » as La Vergne, two members of one CC', () => {
    const territory = territoryOf(officialCommunes.find((commune) => commune.nom === 'Vergné')!.code)
    const matcher = createCommuneMatcher(territory, { communes: officialCommunes })
    expect(['Vergné', 'VERGNE', 'La Vergne', 'LA VERGNE', 'Vergne (La)'].map((written) => read(readCommuneName(written, matcher)))).toEqual(['Vergné', 'Vergné', 'La Vergne', 'La Vergne', 'La Vergne'])
  })

  it('reads a member whatever the spelling: hyphens or spaces, apostrophe shapes, « St » for « Saint »', () => {
    const spelling = fc.record({ hyphen: fc.constantFrom('-', ' ', ' - '), apostrophe: fc.constantFrom("'", '’', 'ʼ', ' '), saint: fc.constantFrom('Saint', 'St', 'ST', 'S^t', 'St.'), upper: fc.boolean() })
    const members = [...dijon.members, ...tenareze.members].map((member) => ({ member, matcher: dijon.members.includes(member) ? dijonMatcher : tenarezeMatcher }))
    fc.assert(
      fc.property(fc.constantFrom(...members), spelling, ({ member, matcher }, how) => {
        let written = member.name.replace(/'/g, how.apostrophe).replace(/\bSaint\b/g, how.saint).replace(/-/g, how.hyphen)
        if (how.upper) written = written.toUpperCase()
        expect(readCommuneName(written, matcher)).toMatchObject({ ok: true, kind: 'MEMBER', code: member.code })
      }),
    )
  })
})
