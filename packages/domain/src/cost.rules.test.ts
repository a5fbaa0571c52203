import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { costBases, costIfJoined, costKeyLabel, costKeySchema, costLabel, costYearCheck, euroAmount, fteAmount, memberAnnualCost, memberCostsForYear, memberYearFraction, splitCost, type CostBasis, type CostedMember, type CostKey, type CostKeyInputs, type CostSplit } from './cost.rules.ts'

const createMember = (id: string, overrides: Partial<CostKeyInputs> = {}): CostKeyInputs => ({ id, population: null, fixedShare: null, usage: null, agentTime: null, ...overrides })
const createKey = (...parts: Array<[basis: CostBasis, percent: number, unit?: string]>): CostKey =>
  costKeySchema.parse({ parts: parts.map(([basis, percent, unit]) => ({ basis, percent, unit: unit ?? null })) })
const sharesOf = (split: CostSplit) => (split.ok ? Object.fromEntries(split.shares) : split)
const day = (iso: string) => new Date(`${iso}T00:00:00Z`)

describe('splitCost', () => {
  it.each([
    {
      case: 'fixed shares 1/1/2',
      amount: 100_000_00,
      key: createKey(['FIXED', 100]),
      members: [createMember('a', { fixedShare: 1 }), createMember('b', { fixedShare: 1 }), createMember('c', { fixedShare: 2 })],
      expected: { a: 25_000_00, b: 25_000_00, c: 50_000_00 },
    },
    {
      case: 'per inhabitant',
      amount: 10_000_00,
      key: createKey(['POPULATION', 100]),
      members: [createMember('a', { population: 1200 }), createMember('b', { population: 300 }), createMember('c', { population: 4500 })],
      expected: { a: 2_000_00, b: 500_00, c: 7_500_00 },
    },
    {
      // 166,666… / 333,333… / 500 € : the cent lost by rounding down goes to the largest remainder.
      case: 'per repas, the missing cent to the largest remainder',
      amount: 1_000_00,
      key: createKey(['USAGE', 100, 'repas']),
      members: [createMember('a', { usage: 1000 }), createMember('b', { usage: 2000 }), createMember('c', { usage: 3000 })],
      expected: { a: 166_67, b: 333_33, c: 500_00 },
    },
    {
      case: "agents' time in full-time equivalents",
      amount: 84_000_00,
      key: createKey(['AGENT_TIME', 100]),
      members: [createMember('a', { agentTime: 0.5 }), createMember('b', { agentTime: 0.3 }), createMember('c', { agentTime: 0.2 })],
      expected: { a: 42_000_00, b: 25_200_00, c: 16_800_00 },
    },
    {
      // 20 % of 3 000 € on fixed shares 1/1 = 300 € each; 80 % by population 1 000 / 3 000 = 600 € / 1 800 €.
      case: 'a mix of a fixed part and population',
      amount: 3_000_00,
      key: createKey(['FIXED', 20], ['POPULATION', 80]),
      members: [createMember('a', { fixedShare: 1, population: 1000 }), createMember('b', { fixedShare: 1, population: 3000 })],
      expected: { a: 900_00, b: 2_100_00 },
    },
    {
      case: 'equal remainders: the cent goes to the first listed',
      amount: 100,
      key: createKey(['POPULATION', 100]),
      members: [createMember('a', { population: 500 }), createMember('b', { population: 500 }), createMember('c', { population: 500 })],
      expected: { a: 34, b: 33, c: 33 },
    },
    {
      case: 'a member that used nothing pays nothing of a usage key',
      amount: 500_00,
      key: createKey(['USAGE', 100, 'heure']),
      members: [createMember('a', { usage: 0 }), createMember('b', { usage: 12 })],
      expected: { a: 0, b: 500_00 },
    },
    {
      case: 'a basis the key does not use needs no figure',
      amount: 900_00,
      key: createKey(['USAGE', 100, 'acte pondéré']),
      members: [createMember('a', { usage: 1, population: null }), createMember('b', { usage: 2, population: null })],
      expected: { a: 300_00, b: 600_00 },
    },
    {
      case: 'a free offer',
      amount: 0,
      key: createKey(['POPULATION', 100]),
      members: [createMember('a', { population: 10 }), createMember('b', { population: 20 })],
      expected: { a: 0, b: 0 },
    },
  ])('$case', ({ amount, key, members, expected }) => {
    expect(sharesOf(splitCost(amount, key, members))).toEqual(expected)
  })

  it.each([
    {
      case: 'a population not known',
      amount: 1_000_00,
      key: createKey(['POPULATION', 100]),
      members: [createMember('a', { population: 1200 }), createMember('b')],
      reason: 'Population non renseigné(e) pour 1 membre(s).',
    },
    {
      case: 'acts not known for two members of a mixed key',
      amount: 1_000_00,
      key: createKey(['POPULATION', 50], ['USAGE', 50, 'acte pondéré']),
      members: [createMember('a', { population: 1200 }), createMember('b', { population: 800 }), createMember('c', { population: 500, usage: 4 })],
      reason: 'Usage non renseigné(e) pour 2 membre(s).',
    },
    {
      case: "a negative agents' time",
      amount: 1_000_00,
      key: createKey(['AGENT_TIME', 100]),
      members: [createMember('a', { agentTime: -0.5 }), createMember('b', { agentTime: 1 })],
      reason: 'Temps des agents non renseigné(e) pour 1 membre(s).',
    },
    {
      case: 'nobody used the service',
      amount: 1_000_00,
      key: createKey(['USAGE', 100, 'repas']),
      members: [createMember('a', { usage: 0 }), createMember('b', { usage: 0 })],
      reason: 'Usage : total nul, la part ne peut pas être répartie.',
    },
    { case: 'no member', amount: 1_000_00, key: createKey(['FIXED', 100]), members: [], reason: 'Aucun membre entre qui répartir le coût.' },
    {
      case: 'an amount in fractions of a cent',
      amount: 1234.5,
      key: createKey(['FIXED', 100]),
      members: [createMember('a', { fixedShare: 1 })],
      reason: 'Le montant doit être un nombre entier de centimes positif.',
    },
    { case: 'a negative amount', amount: -100, key: createKey(['FIXED', 100]), members: [createMember('a', { fixedShare: 1 })], reason: 'Le montant doit être un nombre entier de centimes positif.' },
  ])('gives no figure for $case', ({ amount, key, members, reason }) => {
    expect(splitCost(amount, key, members)).toEqual({ ok: false, reason })
  })
})

// Four communes of Dijon Métropole (the territory of the other domain tests) sharing an instructeur
// ADS 50 % by population and 50 % by acte pondéré. No public deliberation with per-commune figures
// for such a key was found, so only the populations are real: the populations as shipped in
// @etalab/decoupage-administratif 6.0.0 (data/communes.json, INSEE populations légales). The annual
// cost and the act counts are illustrative.
//
// Computed by hand: 152 340,00 € → 76 170,00 € by population (36 744 inhabitants, 2,0730 €/hab)
// and 76 170,00 € by acte pondéré (607 acts, 125,4860 €/acte).
//   Chenôve 14 244 hab, 186 actes : 29 527,691 + 23 340,395 = 52 868,0864 €
//   Talant  11 896 hab, 241 actes : 24 660,307 + 30 242,125 = 54 902,4322 €
//   Longvic  8 896 hab, 133 actes : 18 441,332 + 16 689,638 = 35 130,9700 €
//   Fénay    1 708 hab,  47 actes :  3 540,669 +  5 897,842 =  9 438,5113 €
// Rounded down they add up to 152 339,99 €; the missing cent goes to the largest remainder (Chenôve).
describe('a 50 % population + 50 % acte pondéré key for an instructeur ADS', () => {
  const key = createKey(['POPULATION', 50], ['USAGE', 50, 'acte pondéré'])
  const communes = [
    createMember('chenove', { population: 14_244, usage: 186 }),
    createMember('talant', { population: 11_896, usage: 241 }),
    createMember('longvic', { population: 8_896, usage: 133 }),
    createMember('fenay', { population: 1_708, usage: 47 }),
  ]

  it('charges each commune its hand-computed share, to the cent', () => {
    expect(sharesOf(splitCost(152_340_00, key, communes))).toEqual({ chenove: 52_868_09, talant: 54_902_43, longvic: 35_130_97, fenay: 9_438_51 })
  })

  it('reads « 50 % population + 50 % acte pondéré »', () => {
    expect(costKeyLabel(key)).toBe('50 % population + 50 % acte pondéré')
  })
})

describe('costKeyLabel', () => {
  it('names each part in lower case, the usage part by its unit', () => {
    expect(costKeyLabel(createKey(['FIXED', 10], ['AGENT_TIME', 60], ['USAGE', 30, 'heure']))).toBe('10 % part fixe + 60 % temps des agents + 30 % heure')
  })
})

describe('costKeySchema', () => {
  it('accepts a 50/50 population and acts key', () => {
    expect(costKeySchema.safeParse({ parts: [{ basis: 'POPULATION', percent: 50, unit: null }, { basis: 'USAGE', percent: 50, unit: 'acte pondéré' }] }).success).toBe(true)
  })

  it.each([
    {
      case: 'percentages not totalling 100',
      parts: [{ basis: 'POPULATION', percent: 50, unit: null }, { basis: 'USAGE', percent: 40, unit: 'acte pondéré' }],
      message: 'Les parts de la clé de répartition doivent totaliser 100 %.',
    },
    {
      case: 'the same basis twice',
      parts: [{ basis: 'POPULATION', percent: 50, unit: null }, { basis: 'POPULATION', percent: 50, unit: null }],
      message: 'Chaque base ne figure qu’une fois dans la clé.',
    },
    { case: 'a usage part without its unit', parts: [{ basis: 'USAGE', percent: 100, unit: null }], message: 'Une part à l’usage nomme son unité (acte pondéré, heure, repas…), les autres non.' },
    { case: 'a unit on a population part', parts: [{ basis: 'POPULATION', percent: 100, unit: 'habitant' }], message: 'Une part à l’usage nomme son unité (acte pondéré, heure, repas…), les autres non.' },
  ])('refuses $case', ({ parts, message }) => {
    const result = costKeySchema.safeParse({ parts })
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message])
  })
})

describe('splitCost, for any amount, key and members', () => {
  const keys: fc.Arbitrary<CostKey> = fc.shuffledSubarray([...costBases], { minLength: 1 }).chain((bases) =>
    fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: bases.length - 1, maxLength: bases.length - 1 }).map((cuts) => {
      const bounds = [0, ...cuts.sort((a, b) => a - b), 100]
      return { parts: bases.map((basis, i) => ({ basis, percent: bounds[i + 1] - bounds[i], unit: basis === 'USAGE' ? 'acte pondéré' : null })) }
    }),
  )
  // Whole values so that the exact share is a fraction computed without rounding (BigInt).
  const value = fc.nat({ max: 1_000_000 })
  const members = fc
    .array(fc.record({ population: value, fixedShare: value, usage: value, agentTime: value }), { minLength: 1, maxLength: 12 })
    .map((list) => list.map((m, i): CostKeyInputs => ({ id: `commune-${i}`, ...m })))
  // Up to 100 million euros, far beyond any offer's annual cost.
  const amounts = fc.integer({ min: 0, max: 100_000_000_00 })

  it('gives whole, non-negative cents adding up to the amount, each within a cent of its exact share', () => {
    fc.assert(
      fc.property(amounts, keys, members, (amount, key, list) => {
        expect(costKeySchema.safeParse(key).success).toBe(true)
        const basisValue = (m: CostKeyInputs, basis: CostBasis) => ({ FIXED: m.fixedShare, POPULATION: m.population, USAGE: m.usage, AGENT_TIME: m.agentTime })[basis]!
        const totals = key.parts.map((part) => list.reduce((sum, m) => sum + basisValue(m, part.basis), 0))
        fc.pre(totals.every((total) => total > 0))

        const split = splitCost(amount, key, list)
        if (!split.ok) throw new Error(split.reason)
        const shares = list.map((m) => split.shares.get(m.id)!)
        expect(shares.every((share) => Number.isInteger(share) && share >= 0)).toBe(true)
        expect(shares.reduce((sum, share) => sum + share, 0)).toBe(amount)

        // exact share = Σ amount × percent × value / (100 × total), over the common denominator 100 × Π totals.
        const denominator = totals.reduce((product, total) => product * BigInt(total), 100n)
        list.forEach((m, i) => {
          const numerator = key.parts.reduce(
            (sum, part, p) => sum + BigInt(amount) * BigInt(part.percent) * BigInt(basisValue(m, part.basis)) * (denominator / (100n * BigInt(totals[p]))),
            0n,
          )
          const gap = BigInt(shares[i]) * denominator - numerator
          expect(gap < denominator && -gap < denominator).toBe(true)
        })
      }),
      { numRuns: 500 },
    )
  })
})

describe('memberYearFraction', () => {
  it.each([
    { case: 'since 1 April of a common year (275 of 365 days)', year: 2025, since: '2025-04-01', until: null, expected: 0.753425 },
    { case: 'since 1 April of a leap year (275 of 366 days)', year: 2024, since: '2024-04-01', until: null, expected: 0.751366 },
    { case: 'from 1 March to 31 August (184 days)', year: 2025, since: '2025-03-01', until: '2025-08-31', expected: 0.50411 },
    { case: 'a member for years', year: 2025, since: '2019-07-01', until: null, expected: 1 },
    { case: 'joined after the year', year: 2025, since: '2026-01-01', until: null, expected: 0 },
    { case: 'left before the year', year: 2025, since: '2020-01-01', until: '2024-12-31', expected: 0 },
  ])('$case', ({ year, since, until, expected }) => {
    expect(memberYearFraction(year, day(since), until ? day(until) : null)).toBe(expected)
  })
})

// A share of 54 902,43 € (Talant's above). Expected amounts: share × days / days of the year, rounded to the cent.
describe('memberAnnualCost', () => {
  const share = 54_902_43
  it.each([
    { case: 'since 1 April of a common year: 275/365', year: 2025, since: '2025-04-01', until: null, proRata: true, expected: 41_364_84 },
    { case: 'since 1 April of a leap year: 275/366', year: 2024, since: '2024-04-01', until: null, proRata: true, expected: 41_251_83 },
    { case: 'from 1 March to 31 August of a common year: 184/365', year: 2025, since: '2025-03-01', until: '2025-08-31', proRata: true, expected: 27_676_84 },
    { case: 'from 1 March to 31 August of a leap year: 184/366', year: 2024, since: '2024-03-01', until: '2024-08-31', proRata: true, expected: 27_601_22 },
    { case: 'joined on 31 December: one day', year: 2025, since: '2025-12-31', until: null, proRata: true, expected: 150_42 },
    { case: 'a member all year', year: 2025, since: '2021-01-01', until: null, proRata: true, expected: share },
    { case: 'membership after the year', year: 2025, since: '2026-02-01', until: null, proRata: true, expected: 0 },
    { case: 'membership ended before the year', year: 2025, since: '2021-01-01', until: '2024-06-30', proRata: true, expected: 0 },
    { case: 'an offer without pro rata: the whole share from the first day', year: 2025, since: '2025-04-01', until: null, proRata: false, expected: share },
    { case: 'an offer without pro rata, outside the year', year: 2025, since: '2026-04-01', until: null, proRata: false, expected: 0 },
  ])('$case', ({ year, since, until, proRata, expected }) => {
    expect(memberAnnualCost(share, year, day(since), until ? day(until) : null, proRata)).toBe(expected)
  })
})

describe('a year’s cost per member, and how it reads', () => {
  const member = (id: string, state: CostedMember['state'], since: string | null, until: string | null = null): CostedMember => ({
    id, state, since: since ? new Date(`${since}T00:00:00Z`) : null, until: until ? new Date(`${until}T00:00:00Z`) : null, population: 1000, fixedShare: null, usage: null, agentTime: null,
  })
  const members = [member('a', 'MEMBER', null), member('b', 'PLANNED', null), member('c', 'FORMER', '2020-01-01', '2024-12-31')]
  const byPopulation = { parts: [{ basis: 'POPULATION' as const, percent: 100, unit: null }] }

  it.each([
    ['free: nothing for anyone', { costKind: 'FREE' as const, annualCostCents: null, costKey: null, proRataFirstYear: true }, { a: 0, b: 0, c: 0 }],
    ['not known: unknown for everyone, never « free »', { costKind: 'UNKNOWN' as const, annualCostCents: null, costKey: null, proRataFirstYear: true }, { a: null, b: null, c: null }],
    ['known: the payer pays it all, those not in this year nothing', { costKind: 'AMOUNT' as const, annualCostCents: 500_000, costKey: byPopulation, proRataFirstYear: true }, { a: 500_000, b: 0, c: 0 }],
    ['known, no key, one payer: it pays it all', { costKind: 'AMOUNT' as const, annualCostCents: 500_000, costKey: null, proRataFirstYear: true }, { a: 500_000, b: 0, c: 0 }],
  ])('%s', (_case, offer, expected) => {
    expect(Object.fromEntries(memberCostsForYear(offer, members, 2026))).toEqual(expected)
  })

  it('leaves the shares unknown when two members pay and no key says how', () => {
    const offer = { costKind: 'AMOUNT' as const, annualCostCents: 500_000, costKey: null, proRataFirstYear: true }
    expect(Object.fromEntries(memberCostsForYear(offer, [...members, member('d', 'MEMBER', '2021-01-01')], 2026))).toEqual({ a: null, b: 0, c: 0, d: null })
  })

  it('reads « Gratuit » only for a free offer', () => {
    expect(costLabel(0, true)).toBe('Gratuit')
    expect(costLabel(0, false)).toBe('0\u00a0€ cette année')
    expect(costLabel(null, false)).toBe('Coût non renseigné')
    expect(costLabel(1_234_550, false)).toBe('12\u202f345,50\u00a0€ par an')
    expect(costLabel(12_000_000, false)).toBe('120\u202f000\u00a0€ par an')
  })

  it('writes amounts and FTE as French text, the same after the formatter is reused', () => {
    expect([euroAmount(1_234_500), euroAmount(1_234_550), euroAmount(5), euroAmount(1_234_500)]).toEqual(['12\u202f345\u00a0€', '12\u202f345,50\u00a0€', '0,05\u00a0€', '12\u202f345\u00a0€'])
    expect([fteAmount(0), fteAmount(0.5), fteAmount(1.255), fteAmount(12)]).toEqual(['0 ETP', '0,5 ETP', '1,26 ETP', '12 ETP'])
  })

  it('projects a full year for a newcomer, unknown when the key needs a figure it lacks', () => {
    const offer = { costKind: 'AMOUNT' as const, annualCostCents: 300_000, costKey: byPopulation, proRataFirstYear: true }
    expect(costIfJoined(offer, members, { id: 'n', population: 2000, fixedShare: null, usage: null, agentTime: null }, 2026)).toBe(200_000)
    const usage = { ...offer, costKey: { parts: [{ basis: 'USAGE' as const, percent: 100, unit: 'acte' }] } }
    expect(costIfJoined(usage, members, { id: 'n', population: 2000, fixedShare: null, usage: null, agentTime: null }, 2026)).toBeNull()
  })
})

describe('costYearCheck', () => {
  it.each([
    { year: 2000, ok: true },
    { year: 2026, ok: true },
    { year: 2100, ok: true },
    { year: 1999, ok: false },
    { year: 2101, ok: false },
    { year: 2026.5, ok: false },
    { year: Number.NaN, ok: false },
  ])('$year: $ok', ({ year, ok }) => {
    const check = costYearCheck(year)
    expect(check.ok).toBe(ok)
    if (!check.ok) expect(check.reason).toBe('L’année doit être comprise entre 2000 et 2100.')
  })
})
