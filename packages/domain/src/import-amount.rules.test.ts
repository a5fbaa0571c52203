import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readAnnualCost, readFte } from './import-amount.rules.ts'
import { euroAmount, maxAnnualAmountEuros } from './money.ts'

const cost = (value: unknown) => {
  const reading = readAnnualCost(value)
  return reading.ok ? { kind: reading.kind, cents: reading.cents } : { reason: reading.reason, suggestions: reading.suggestions }
}
const amount = (cents: number) => ({ kind: 'AMOUNT', cents })
const FREE = { kind: 'FREE', cents: null }
const UNKNOWN = { kind: 'UNKNOWN', cents: null }

describe('readAnnualCost', () => {
  it.each<[unknown, object]>([
    ['12 500 €', amount(12_500_00)],
    ['12\u00a0500\u00a0€', amount(12_500_00)],
    ['12\u202f500 €', amount(12_500_00)],
    ['12 500,50', amount(12_500_50)],
    ['12 500,5 €', amount(12_500_50)],
    ['12500', amount(12_500_00)],
    ['12500.50', amount(12_500_50)],
    ['1 234 567,89 €', amount(1_234_567_89)],
    ['1.234.567', amount(1_234_567_00)],
    ['1.234,56', amount(1_234_56)],
    ['1,234.56', amount(1_234_56)],
    ["12'500", amount(12_500_00)],
    ['€ 12 500', amount(12_500_00)],
    ['12 500 euros', amount(12_500_00)],
    ['12 500 € HT', amount(12_500_00)],
    ['12 500 €/an', amount(12_500_00)],
    ['12 500 € par an', amount(12_500_00)],
    ['environ 12 000 €', amount(12_000_00)],
    ['12,5 k€', amount(12_500_00)],
    ['12 k€', amount(12_000_00)],
    ['1,2 M€', amount(1_200_000_00)],
    [12500.5, amount(12_500_50)],
    ['gratuit', FREE],
    ['Gratuit', FREE],
    ['GRATUITÉ', FREE],
    ['Sans coût', FREE],
    ['0', FREE],
    ['0 €', FREE],
    [0, FREE],
    ['', UNKNOWN],
    [null, UNKNOWN],
    [undefined, UNKNOWN],
    ['NC', UNKNOWN],
    ['à définir', UNKNOWN],
    ['?', UNKNOWN],
  ])('%j', (value, expected) => {
    expect(cost(value)).toEqual(expected)
  })

  it.each<[unknown, string, string[]]>([
    ['12,500', `Montant ambigu : « 12,500 » peut se lire ${euroAmount(12_500_00)} ou ${euroAmount(12_50)}.`, [euroAmount(12_500_00), euroAmount(12_50)]],
    ['12.500 €', `Montant ambigu : « 12.500 € » peut se lire ${euroAmount(12_500_00)} ou ${euroAmount(12_50)}.`, [euroAmount(12_500_00), euroAmount(12_50)]],
    ['-1 200 €', 'Un coût annuel ne peut pas être négatif : « -1 200 € ».', []],
    ['12,345', `Montant ambigu : « 12,345 » peut se lire ${euroAmount(12_345_00)} ou ${euroAmount(12_35)}.`, [euroAmount(12_345_00), euroAmount(12_35)]],
    ['1234,567', 'Le montant annuel se donne au centime près (deux décimales au plus). Lu : « 1234,567 ».', [euroAmount(1_234_57)]],
    ['30 000 000 €', `Le montant annuel doit être compris entre 0 et ${euroAmount(maxAnnualAmountEuros * 100)}. Lu : « 30 000 000 € ».`, []],
    ['12 500 € + 3 000 €', 'Montant illisible : « 12 500 € + 3 000 € ».', []],
    ['12 50', 'Montant illisible : « 12 50 ».', []],
    ['beaucoup', 'Montant illisible : « beaucoup ».', []],
  ])('refuses %j', (value, reason, suggestions) => {
    expect(cost(value)).toEqual({ reason, suggestions })
  })

  it('never reads an empty cell as zero', () => {
    fc.assert(
      fc.property(fc.constantFrom('', ' ', '\n', '\u00a0', null, undefined), (value) => {
        expect(readAnnualCost(value)).toEqual({ ok: true, kind: 'UNKNOWN', cents: null })
      }),
    )
  })

  it('reads back every amount the exports write (« 12 345,67 € »)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: maxAnnualAmountEuros * 100 }), (cents) => {
        expect(readAnnualCost(euroAmount(cents))).toEqual({ ok: true, kind: 'AMOUNT', cents })
      }),
    )
  })
})

const fte = (value: unknown) => {
  const reading = readFte(value)
  return reading.ok ? reading.fte : reading.reason
}

describe('readFte', () => {
  it.each<[unknown, number | null]>([
    ['0,5 ETP', 0.5],
    ['0,5', 0.5],
    ['0.5', 0.5],
    ['1 ETP', 1],
    ['1,5 E.T.P.', 1.5],
    ['2 équivalents temps plein', 2],
    [0.8, 0.8],
    ['mi-temps', 0.5],
    ['Mi temps', 0.5],
    ['à mi-temps', 0.5],
    ['demi-temps', 0.5],
    ['temps plein', 1],
    ['plein temps', 1],
    ['3/4 temps', 0.75],
    ['tiers temps', 0.33],
    ['80 %', 0.8],
    ['50%', 0.5],
    ['1/2', 0.5],
    ['17,5 h par semaine', 0.5],
    ['17h30/semaine', 0.5],
    ['7 h hebdo', 0.2],
    ['0', 0],
    ['', null],
    [null, null],
    ['NC', null],
  ])('%j → %j', (value, expected) => {
    expect(fte(value)).toBe(expected)
  })

  it.each([
    ['2 agents', 'Un nombre d’agents n’est pas un nombre d’ETP : « 2 agents ».'],
    ['temps partiel', '« Temps partiel » ne dit pas la quotité.'],
    ['-1', 'Un nombre d’ETP ne peut pas être négatif : « -1 ».'],
    ['5000', 'Plus de 1000 ETP pour une offre : « 5000 » ne semble pas un nombre d’équivalents temps plein.'],
    ['un peu', 'Nombre d’ETP illisible : « un peu ».'],
  ])('refuses « %s »', (value, reason) => {
    expect(fte(value)).toBe(reason)
  })
})
