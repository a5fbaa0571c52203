import { beforeAll, describe, expect, it } from 'vitest'
import { query } from '../fixtures/graphql.ts'
import { aCommune, aCommuneWithActions, aTerritory, type BuiltTerritory } from '../fixtures/builders.ts'

let territory: BuiltTerritory
beforeAll(async () => {
  territory = await aTerritory()
})

describe('communes', () => {
  it('finds a commune by INSEE code and answers null for an unknown code', async () => {
    const commune = await aCommune(territory, { name: 'Dijon' })
    const data = await query<{ dijon: { name: string } | null; nowhere: unknown }>(
      'query ($dijon: String!) { dijon: commune(inseeCode: $dijon) { name } nowhere: commune(inseeCode: "99999") { name } }',
      { dijon: commune.inseeCode },
    )
    expect(data.dijon).toEqual({ name: 'Dijon' })
    expect(data.nowhere).toBeNull()
  })

  it('does not offer a commune an action it is already a member of (participations and joinable, kept for analysts)', async () => {
    const { commune, memberOf, joinable } = await aCommuneWithActions(territory, { member: 3, joinable: 2 })
    const data = await query<{ commune: any }>(
      'query ($inseeCode: String!) { commune(inseeCode: $inseeCode) { participations { state action { id } } joinable { openness howToJoin action { id } } } }',
      { inseeCode: commune.inseeCode },
    )
    const memberOfIds = new Set(data.commune.participations.filter((p: any) => p.state === 'MEMBER').map((p: any) => p.action.id))
    expect(memberOfIds).toEqual(new Set(memberOf.map((action) => action.gid)))
    expect(memberOf.every((action) => action.openness === 'OPEN')).toBe(true)
    expect(data.commune.joinable.map((o: any) => o.action.id).sort()).toEqual(joinable.map((action) => action.gid).sort())
    for (const opportunity of data.commune.joinable) {
      expect(['OPEN', 'UNDER_STUDY']).toContain(opportunity.openness)
      expect(opportunity.howToJoin.length).toBeGreaterThan(20)
    }
    expect(data.commune.joinable.filter((o: any) => memberOfIds.has(o.action.id))).toEqual([])
  })
})
