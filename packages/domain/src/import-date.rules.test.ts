import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importDateLabel, readImportDate, type DateReading } from './import-date.rules.ts'
import { longFrenchDate } from './labels.ts'

const iso = (date: Date) => date.toISOString().slice(0, 10)
/** What a reader sees: the period read and its precision, or the refusal. */
const read = (value: unknown) => {
  const reading: DateReading = readImportDate(value)
  if (!reading.ok) return { reason: reading.reason, suggestions: reading.suggestions }
  return reading.date && { start: iso(reading.date.start), end: iso(reading.date.end), precision: reading.date.precision }
}
const day = (date: string) => ({ start: date, end: date, precision: 'DAY' as const })

describe('readImportDate', () => {
  it.each<[unknown, object | null]>([
    ['01/10/2021', day('2021-10-01')],
    ['1/10/2021', day('2021-10-01')],
    ['1/9/21', day('2021-09-01')],
    ['31/12/29', day('2029-12-31')],
    ['01.10.2021', day('2021-10-01')],
    ['01-10-2021', day('2021-10-01')],
    ['2021-10-01', day('2021-10-01')],
    ['2021-10-01 00:00:00', day('2021-10-01')],
    ['2021-10-01T00:00:00Z', day('2021-10-01')],
    ['29/02/2024', day('2024-02-29')],
    [44470, day('2021-10-01')],
    ['44470', day('2021-10-01')],
    [44470.75, day('2021-10-01')],
    [new Date(Date.UTC(2021, 9, 1)), day('2021-10-01')],
    ['1er janvier 2022', day('2022-01-01')],
    ['1 janvier 2022', day('2022-01-01')],
    ['premier janvier 2022', day('2022-01-01')],
    ['Samedi 1er janvier 2022', day('2022-01-01')],
    ['15 sept. 2021', day('2021-09-15')],
    ['au 1er octobre 2021', day('2021-10-01')],
    ['À compter du 1er janvier 2022', day('2022-01-01')],
    ['décembre 2014', { start: '2014-12-01', end: '2014-12-31', precision: 'MONTH' }],
    ['Decembre 2014', { start: '2014-12-01', end: '2014-12-31', precision: 'MONTH' }],
    ['déc. 2014', { start: '2014-12-01', end: '2014-12-31', precision: 'MONTH' }],
    ['février 2024', { start: '2024-02-01', end: '2024-02-29', precision: 'MONTH' }],
    ['en octobre 2021', { start: '2021-10-01', end: '2021-10-31', precision: 'MONTH' }],
    ['fin juin 2023', { start: '2023-06-01', end: '2023-06-30', precision: 'MONTH' }],
    ['10/2021', { start: '2021-10-01', end: '2021-10-31', precision: 'MONTH' }],
    ['2021-10', { start: '2021-10-01', end: '2021-10-31', precision: 'MONTH' }],
    ['2022', { start: '2022-01-01', end: '2022-12-31', precision: 'YEAR' }],
    [2022, { start: '2022-01-01', end: '2022-12-31', precision: 'YEAR' }],
    ['en 2022', { start: '2022-01-01', end: '2022-12-31', precision: 'YEAR' }],
    ['courant 2023', { start: '2023-01-01', end: '2023-12-31', precision: 'YEAR' }],
    ['fin 2023', { start: '2023-10-01', end: '2023-12-31', precision: 'PERIOD' }],
    ['début 2023', { start: '2023-01-01', end: '2023-03-31', precision: 'PERIOD' }],
    ['mi-2023', { start: '2023-06-01', end: '2023-07-31', precision: 'PERIOD' }],
    ['2e semestre 2024', { start: '2024-07-01', end: '2024-12-31', precision: 'PERIOD' }],
    ['1er semestre 2024', { start: '2024-01-01', end: '2024-06-30', precision: 'PERIOD' }],
    ['S2 2024', { start: '2024-07-01', end: '2024-12-31', precision: 'PERIOD' }],
    ['T3 2022', { start: '2022-07-01', end: '2022-09-30', precision: 'PERIOD' }],
    ['4e trimestre 2022', { start: '2022-10-01', end: '2022-12-31', precision: 'PERIOD' }],
    ["à l'automne 2022", { start: '2022-09-01', end: '2022-11-30', precision: 'PERIOD' }],
    ['', null],
    ['  ', null],
    [null, null],
    ['NC', null],
    ['à définir', null],
  ])('%j', (value, expected) => {
    expect(read(value)).toEqual(expected)
  })

  it.each<[unknown, string, string[]]>([
    ['31/02/2023', 'Le 31 février 2023 n’existe pas.', ['28/02/2023']],
    ['29/02/2023', '2023 n’est pas bissextile : le 29 février 2023 n’existe pas.', ['28/02/2023']],
    ['31/04/2022', 'Le 31 avril 2022 n’existe pas.', ['30/04/2022']],
    ['00/04/2022', 'Le 0 avril 2022 n’existe pas.', []],
    ['12/31/2023', 'Il n’y a pas de mois 31 : « 12/31/2023 » se lit jour/mois/année.', ['31/12/2023']],
    ['13/2022', 'Il n’y a pas de mois 13 : « 13/2022 » se lit mois/année.', []],
    ['2023-02-30', 'Le 30 février 2023 n’existe pas.', ['28/02/2023']],
    ['01/01/1998', 'La date doit être comprise entre 2000 et 2100.', []],
    ['1/1/45', 'La date doit être comprise entre 2000 et 2100.', []],
    [1998, 'La date doit être comprise entre 2000 et 2100.', []],
    ['demain', 'Date illisible : « demain ».', []],
    ['2021-2026', '« 2021-2026 » est une période de plusieurs années, pas une date : garder l’année de début pour une date d’effet, celle de fin pour une échéance.', ['2021', '2026']],
    [new Date(Number.NaN), 'Date illisible.', []],
  ])('refuses %j: %s', (value, reason, suggestions) => {
    expect(read(value)).toEqual({ reason, suggestions })
  })

  it('suggests how to write a date it cannot read', () => {
    expect(readImportDate('bientôt')).toMatchObject({ ok: false, suggestion: 'Écrire la date sous la forme JJ/MM/AAAA (01/10/2021), « octobre 2021 » ou « 2021 ».' })
  })

  const days = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())))
  const pad = (n: number) => String(n).padStart(2, '0')

  it('reads any day from 2000 to 2100 back whether written JJ/MM/AAAA, AAAA-MM-JJ, in French words or as an Excel serial', () => {
    fc.assert(
      fc.property(days, (date) => {
        const serial = (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000
        const written = [`${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`, iso(date), longFrenchDate(date), serial, String(serial), date]
        for (const value of written) expect([value, read(value)]).toEqual([value, day(iso(date))])
      }),
    )
  })

  it('refuses every day past the end of its month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
        const reading = readImportDate(`${last + 1}/${month}/${year}`)
        expect(reading.ok).toBe(false)
        expect(readImportDate(`${last}/${month}/${year}`).ok).toBe(true)
      }),
    )
  })
})

describe('importDateLabel', () => {
  it.each([
    ['01/10/2021', '1er octobre 2021'],
    ['décembre 2014', 'décembre 2014'],
    ['2022', '2022'],
    ['fin 2023', 'd’octobre à décembre 2023'],
    ['2e semestre 2024', 'de juillet à décembre 2024'],
  ])('%s reads as « %s »', (written, label) => {
    const reading = readImportDate(written)
    expect(reading.ok && reading.date && importDateLabel(reading.date)).toBe(label)
  })
})
