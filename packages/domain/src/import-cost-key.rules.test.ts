import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { costBases, costKeyLabel, type CostKey } from './cost.rules.ts'
import { readCostKey, type CostKeyReading } from './import-cost-key.rules.ts'

const read = (reading: CostKeyReading) => (reading.ok ? (reading.key === null ? null : costKeyLabel(reading.key)) : { reason: reading.reason, suggestions: reading.suggestions })

describe('readCostKey', () => {
  it.each([
    ['Population', '100 % population'],
    ['au prorata de la population', '100 % population'],
    ['Au prorata du nombre d’habitants', '100 % population'],
    ['POPULATION DGF', '100 % population'],
    ['par habitant', '100 % population'],
    ['À parts égales', '100 % part fixe'],
    ['a parts egales', '100 % part fixe'],
    ['Forfait', '100 % part fixe'],
    ['Part fixe', '100 % part fixe'],
    ['Temps passé', '100 % temps des agents'],
    ['au temps passé', '100 % temps des agents'],
    ['Selon le temps de travail des agents', '100 % temps des agents'],
    ['Usage (acte pondéré)', '100 % acte pondéré'],
    ['à l’usage : repas servis', '100 % repas servis'],
    ['Au nombre d’actes', '100 % actes'],
    ['nombre de repas', '100 % repas'],
    ['50 % population + 50 % part fixe', '50 % population + 50 % part fixe'],
    ['50% population, 50% acte pondéré', '50 % population + 50 % acte pondéré'],
    ['70 % au prorata de la population ; 30 % à parts égales', '70 % population + 30 % part fixe'],
    ['Population (60 %) et temps passé (40 %)', '60 % population + 40 % temps des agents'],
    ['25 % fixe + 25 % population + 25 % usage (heures) + 25 % temps passé', '25 % part fixe + 25 % population + 25 % heures + 25 % temps des agents'],
  ])('« %s » is %s', (written, label) => {
    expect(read(readCostKey(written))).toBe(label)
  })

  it.each([null, undefined, '', '  ', 'NC', 'à définir', 'Sans objet', '-'])('« %s » says no key is known', (empty) => {
    expect(readCostKey(empty)).toEqual({ ok: true, key: null })
  })

  it('refuses what is not a key, with the closest basis when there is one', () => {
    expect(read(readCostKey('Populaton'))).toEqual({ reason: 'Clé de répartition illisible : « Populaton ».', suggestions: ['Population'] })
    // A percentage and a near miss of a basis is a typo, not a usage unit.
    expect(read(readCostKey('50 % populaton + 50 % part fixe'))).toMatchObject({ suggestions: ['Population'] })
    expect(read(readCostKey('selon convention'))).toMatchObject({ reason: 'Clé de répartition illisible : « selon convention ».', suggestions: [] })
  })

  it('refuses parts that do not add up, repeat a basis, lack a percentage or a unit', () => {
    expect(read(readCostKey('50 % population + 40 % part fixe'))).toMatchObject({ reason: 'Les parts de la clé de répartition doivent totaliser 100 %. Lu : « 50 % population + 40 % part fixe ».' })
    expect(read(readCostKey('50 % population + 50 % habitants'))).toMatchObject({ reason: expect.stringContaining('Chaque base ne figure qu’une fois') })
    expect(read(readCostKey('population + part fixe'))).toMatchObject({ reason: '« population + part fixe » : chaque part de la clé donne son pourcentage.' })
    expect(read(readCostKey('à l’usage'))).toMatchObject({ reason: '« à l’usage » : une part à l’usage nomme son unité.' })
    expect(read(readCostKey('33,3 % population + 66,7 % part fixe'))).toMatchObject({ reason: '« 33,3 % population » : une part de la clé se donne en pourcentage entier.' })
  })

  it('reads back every key its label writes', () => {
    const unit = fc.constantFrom('acte pondéré', 'repas', 'heure d’intervention', 'dossier instruit', 'km')
    const keys = fc
      .uniqueArray(fc.constantFrom(...costBases), { minLength: 1, maxLength: 4 })
      .chain((bases) =>
        fc.tuple(fc.constant(bases), unit, fc.array(fc.integer({ min: 1, max: 97 }), { minLength: bases.length - 1, maxLength: bases.length - 1 })),
      )
      .filter(([bases, , cuts]) => cuts.reduce((sum, cut) => sum + cut, 0) < 100 && cuts.length === bases.length - 1)
      .map(([bases, usageUnit, cuts]): CostKey => {
        const percents = [...cuts, 100 - cuts.reduce((sum, cut) => sum + cut, 0)]
        return { parts: bases.map((basis, i) => ({ basis, percent: percents[i], unit: basis === 'USAGE' ? usageUnit : null })) }
      })
    fc.assert(
      fc.property(keys, (key) => {
        expect(readCostKey(costKeyLabel(key))).toEqual({ ok: true, key })
      }),
    )
  })
})
