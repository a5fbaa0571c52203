import { describe, expect, it } from 'vitest'
import { query } from '../fixtures/graphql.ts'
import { communePageQuery } from '../fixtures/documents.ts'
import { communeInsee, dijonOfficial } from '../fixtures/seed.ts'

describe('communes', () => {
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

  it('finds a commune by INSEE code and answers null for an unknown code', async () => {
    const data = await query<{ dijon: { name: string } | null; nowhere: unknown }>(
      'query ($dijon: String!) { dijon: commune(inseeCode: $dijon) { name } nowhere: commune(inseeCode: "99999") { name } }',
      { dijon: communeInsee('Dijon') },
    )
    expect(data.dijon).toEqual({ name: 'Dijon' })
    expect(data.nowhere).toBeNull()
  })

  it('answers the commune page: what Chenôve takes part in and what it can join, and how', async () => {
    const data = await query<{ commune: any }>(communePageQuery, { inseeCode: communeInsee('Chenôve') })
    const commune = data.commune
    expect(commune.name).toBe('Chenôve')
    expect(commune.joinable.length).toBeGreaterThan(0)
    const joinedIds = new Set(commune.participations.filter((p: any) => p.state === 'MEMBER').map((p: any) => p.action.id))
    for (const opportunity of commune.joinable) {
      expect(['OPEN', 'UNDER_STUDY']).toContain(opportunity.openness)
      expect(joinedIds.has(opportunity.action.id)).toBe(false)
      expect(opportunity.howToJoin.length).toBeGreaterThan(20)
    }
  })

  it('does not offer a commune what it is already a member of', async () => {
    const data = await query<{ commune: any }>(communePageQuery, { inseeCode: communeInsee('Dijon') })
    const memberOf = new Set(data.commune.participations.filter((p: any) => p.state === 'MEMBER').map((p: any) => p.action.id))
    expect(memberOf.size).toBeGreaterThan(10)
    expect(data.commune.joinable.filter((o: any) => memberOf.has(o.action.id))).toEqual([])
  })
})
