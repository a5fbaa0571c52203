import { describe, expect, it } from 'vitest'
import { CommunePageQuery } from '@mutualis/schema/documents/commune'
import { sentRequest } from '@mutualis/schema/sent'
import { query, queryAsApp } from '../fixtures/graphql.ts'
import { communeInsee, dijonOfficial } from '../fixtures/seed.ts'

// Dijon's communes from the official data, and Chenôve's real page: the seed is the subject here.
// Finding a commune and what it may join are tested on data of their own in communes.test.ts.

describe('Dijon’s communes', () => {
  it('lists the 23 communes of Dijon Métropole with their official codes and populations', async () => {
    const data = await query<{ communes: Array<{ inseeCode: string; siren: string; name: string; population: number }> }>(
      '{ communes(territory: "242100410") { inseeCode siren name population } }',
    )
    expect(data.communes).toHaveLength(23)
    const byCode = new Map(data.communes.map((c) => [c.inseeCode, c]))
    for (const official of dijonOfficial.communes) {
      expect(byCode.get(official.inseeCode)).toEqual({
        inseeCode: official.inseeCode,
        siren: official.siren,
        name: official.name,
        population: official.population,
      })
    }
  })

  it('answers the commune page as the app asks it: what Chenôve is in, what it can join and how, what it costs it', async () => {
    const { commune } = await queryAsApp(sentRequest(CommunePageQuery, { inseeCode: communeInsee('Chenôve') }))
    expect(commune?.name).toBe('Chenôve')
    const offers = commune!.offers
    const of = (membership: string) => offers.filter((entry) => entry.membership === membership)
    expect(of('JOINABLE').length).toBeGreaterThan(0)
    for (const entry of of('JOINABLE')) expect(entry.howToJoin?.length).toBeGreaterThan(20)
    expect(of('MEMBER').length).toBeGreaterThan(0)
    for (const entry of of('MEMBER')) expect(entry.howToJoin).toBeNull()
    // One line per offer: an offer the commune is in is never also offered to it.
    expect(new Set(offers.map((entry) => entry.offer.id)).size).toBe(offers.length)
    expect(commune!.impact.byOffer.map((line) => line.offer.id)).toEqual(expect.arrayContaining(of('MEMBER').map((entry) => entry.offer.id)))
  })
})
