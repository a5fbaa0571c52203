import { describe, expect, it } from 'vitest'
import { officialCommunes, officialEpciEntries } from './official-communes.fixture.ts'
import {
  changeCount,
  findEpci,
  membershipChangeLines,
  membershipChanges,
  readSiren,
  type MemberCommune,
  type MembershipRelease,
  type OfficialTerritory,
  type RecordedCommune,
} from './territory-membership.rules.ts'

// Every commune and EPCI below comes from the official data; none is typed by hand.
const dijonEntry = officialEpciEntries.find((epci) => epci.code === '242100410')!
const firstOfType = (type: string) => officialEpciEntries.find((epci) => epci.type === type)!
const epci = (siren: string): OfficialTerritory => {
  const found = findEpci(siren, officialEpciEntries)
  if (!found.ok) throw new Error(found.reason)
  return found.epci
}
const dijon = epci('242100410')
const effectiveOn = new Date('2026-01-01T00:00:00.000Z')
const release = (members: MemberCommune[]): MembershipRelease => ({ epci: { ...dijon, members }, communes: officialCommunes, effectiveOn })
const recorded = (member: MemberCommune, overrides: Partial<RecordedCommune> = {}): RecordedCommune => ({ ...member, leftOn: null, mergedIntoInseeCode: null, ...overrides })
const asMember = (code: string): MemberCommune => {
  const commune = officialCommunes.find((c) => c.code === code)!
  return { inseeCode: commune.code, siren: null, name: commune.nom, population: null }
}

// A commune déléguée whose commune nouvelle has another code; a commune absorbed without becoming
// a commune déléguée (only among its commune nouvelle's former codes); a commune of another EPCI.
const delegated = officialCommunes.find((c) => c.type === 'commune-deleguee' && c.chefLieu !== c.code && !officialCommunes.some((o) => o.code === c.code && o.type === 'commune-actuelle'))!
const nouvelle = officialCommunes.find((c) => c.code === delegated.chefLieu && c.type === 'commune-actuelle')!
const cogCodes = new Set(officialCommunes.map((c) => c.code))
const absorbedCode = officialCommunes.find((c) => c.type === 'commune-actuelle' && c.anciensCodes?.some((code) => !cogCodes.has(code)))!
const absorbed = absorbedCode.anciensCodes!.find((code) => !cogCodes.has(code))!
const elsewhere = officialEpciEntries.find((e) => e.code !== dijon.siren)!.membres[0]!

describe('readSiren', () => {
  it.each([
    ['242100410', '242100410'],
    ['242 100 410', '242100410'],
    ['242\u00A0100\u00A0410', '242100410'],
    ['24210041', null],
    ['2421004100', null],
    ['DIJON', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(readSiren(text)).toBe(expected)
  })
})

describe('findEpci', () => {
  it.each([
    { type: 'CC', legalType: 'COMMUNAUTE_DE_COMMUNES' },
    { type: 'CA', legalType: 'COMMUNAUTE_D_AGGLOMERATION' },
    { type: 'CU', legalType: 'COMMUNAUTE_URBAINE' },
    { type: 'METRO', legalType: 'METROPOLE' },
    { type: 'MET69', legalType: 'METROPOLE' },
  ])('reads a $type as $legalType, with its name and every member', ({ type, legalType }) => {
    const entry = firstOfType(type)
    const found = findEpci(entry.code, officialEpciEntries)
    expect(found).toMatchObject({ ok: true, epci: { siren: entry.code, name: entry.nom, legalType } })
    if (found.ok) expect(found.epci.members.map((m) => m.inseeCode)).toEqual(entry.membres.map((m) => m.code))
  })

  it('gives Dijon Métropole its 23 communes with INSEE code, SIREN and population municipale', () => {
    expect(dijon.name).toBe('Dijon Métropole')
    expect(dijon.members).toHaveLength(23)
    expect(dijon.members).toEqual(dijonEntry.membres.map((m) => ({ inseeCode: m.code, siren: m.siren, name: m.nom, population: m.populationMunicipale })))
  })

  it('reads a SIREN written with spaces', () => {
    expect(findEpci('242 100 410', officialEpciEntries)).toMatchObject({ ok: true, epci: { siren: '242100410' } })
  })

  it.each([
    { siren: '24210041', cause: 'INVALID', reason: '« 24210041 » n’est pas un SIREN : 9 chiffres attendus.' },
    { siren: 'Dijon', cause: 'INVALID', reason: '« Dijon » n’est pas un SIREN : 9 chiffres attendus.' },
    { siren: '000000000', cause: 'UNKNOWN', reason: 'Aucun EPCI à fiscalité propre de SIREN 000000000 dans le découpage administratif officiel.' },
  ])('refuses $siren ($cause)', ({ siren, cause, reason }) => {
    expect(findEpci(siren, officialEpciEntries)).toEqual({ ok: false, cause, reason })
  })

  it('says when a SIREN is a member commune’s, and of which EPCI', () => {
    const dijonCommune = dijonEntry.membres.find((m) => m.nom === 'Dijon')!
    expect(findEpci(dijonCommune.siren, officialEpciEntries)).toEqual({
      ok: false,
      cause: 'UNKNOWN',
      reason: `${dijonCommune.siren} est le SIREN de la commune de Dijon, pas d’un EPCI : elle est membre de Dijon Métropole (SIREN 242100410).`,
    })
  })

  it('refuses an EPCI of a type it cannot map, naming the type', () => {
    const odd = { ...dijonEntry, type: 'SIVOM' }
    expect(findEpci(odd.code, [odd])).toMatchObject({ ok: false, cause: 'UNKNOWN', reason: expect.stringContaining('« SIVOM »') })
  })
})

describe('membershipChanges', () => {
  const members = dijon.members
  const current = members.map((m) => recorded(m))
  const none = { added: [], rejoined: [], left: [], merged: [], updated: [] }

  it.each([
    { case: 'the same release again changes nothing', held: current, listed: members, expected: none },
    { case: 'a first onboarding adds every member', held: [], listed: members, expected: { ...none, added: [...members].sort((a, b) => a.inseeCode.localeCompare(b.inseeCode)) } },
    {
      case: 'a commune that is no longer listed but still a commune has left',
      held: [...current, recorded({ inseeCode: elsewhere.code, siren: elsewhere.siren, name: elsewhere.nom, population: 10 })],
      listed: members,
      expected: { ...none, left: [{ inseeCode: elsewhere.code, name: elsewhere.nom, leftOn: effectiveOn }] },
    },
    {
      case: 'a commune déléguée has merged into its commune nouvelle, which joins',
      held: [...current, recorded(asMember(delegated.code))],
      listed: [...members, asMember(nouvelle.code)],
      expected: {
        ...none,
        added: [asMember(nouvelle.code)],
        merged: [{ inseeCode: delegated.code, name: delegated.nom, leftOn: effectiveOn, mergedIntoInseeCode: nouvelle.code, mergedIntoName: nouvelle.nom }],
      },
    },
    {
      case: 'a code only listed among a commune’s former codes has merged into it',
      held: [...current, recorded({ inseeCode: absorbed, siren: null, name: 'Ancienne commune', population: 120 })],
      listed: members,
      expected: { ...none, merged: [{ inseeCode: absorbed, name: 'Ancienne commune', leftOn: effectiveOn, mergedIntoInseeCode: absorbedCode.code, mergedIntoName: absorbedCode.nom }] },
    },
    {
      case: 'a code the COG no longer knows at all has left',
      held: [...current, recorded({ inseeCode: '00000', siren: null, name: 'Commune disparue', population: 5 })],
      listed: members,
      expected: { ...none, left: [{ inseeCode: '00000', name: 'Commune disparue', leftOn: effectiveOn }] },
    },
    {
      case: 'a commune already marked as gone stays as it is',
      held: [...current, recorded(asMember(delegated.code), { leftOn: new Date('2019-01-01'), mergedIntoInseeCode: nouvelle.code })],
      listed: members,
      expected: none,
    },
    {
      case: 'a commune marked as gone and listed again rejoins',
      held: current.map((c, i) => (i === 0 ? { ...c, leftOn: new Date('2024-01-01') } : c)),
      listed: members,
      expected: { ...none, rejoined: [members[0]] },
    },
    {
      case: 'a new population is an update of that field only',
      held: current.map((c, i) => (i === 0 ? { ...c, population: (c.population ?? 0) + 7 } : c)),
      listed: members,
      expected: { ...none, updated: [{ inseeCode: members[0]!.inseeCode, name: members[0]!.name, changes: { population: members[0]!.population } }] },
    },
    {
      case: 'a commune nouvelle keeping its chef-lieu’s code is renamed, not gone',
      held: current.map((c, i) => (i === 0 ? { ...c, name: 'Ancien nom' } : c)),
      listed: members,
      expected: { ...none, updated: [{ inseeCode: members[0]!.inseeCode, name: 'Ancien nom', changes: { name: members[0]!.name } }] },
    },
  ])('$case', ({ held, listed, expected }) => {
    expect(membershipChanges(held, release(listed))).toEqual(expected)
  })

  it('counts and tells each change in French', () => {
    const changes = membershipChanges(
      [...current.slice(1), recorded(asMember(delegated.code)), recorded({ inseeCode: elsewhere.code, siren: null, name: elsewhere.nom, population: 3 })],
      release([...members, asMember(nouvelle.code)]),
    )
    expect(changeCount(changes)).toBe(4)
    expect(membershipChangeLines(changes)).toEqual([
      ...[members[0]!, asMember(nouvelle.code)]
        .sort((a, b) => a.inseeCode.localeCompare(b.inseeCode))
        .map((m) => `Commune ajoutée : ${m.name} (${m.inseeCode}, ${m.population === null ? 'population inconnue' : `${m.population.toLocaleString('fr-FR')} habitants`})`),
      `Commune sortie le 1er janvier 2026 : ${elsewhere.nom} (${elsewhere.code}), son historique est gardé`,
      `Commune fusionnée le 1er janvier 2026 dans ${nouvelle.nom} (${nouvelle.code}) : ${delegated.nom} (${delegated.code}), son historique est gardé`,
    ])
  })
})
