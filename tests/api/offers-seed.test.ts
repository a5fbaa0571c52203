import { encodeGlobalID } from '@pothos/plugin-relay'
import { db } from '@mutualis/api/db.ts'
import { describe, expect, it } from 'vitest'
import { query } from '../fixtures/graphql.ts'

// Dijon's offers as its communes read them: the seed is the subject here. What a commune can join,
// as a rule, is tested on data of its own in offers.test.ts.

const dijon = '242100410'
/** Openings that say what was done, not what a commune joins (issue 11: « Mise en place … », « Signature de … »). */
const documentFragment = /^(Mise en place|Mutualis|Signature d|Après|Apres|Création|Creation|Extension|Etudier|Étudier|A étudier|À étudier|Lancer|Poursuivre|Harmonis|Favoriser|Envisager)/i

const communeOffers = /* GraphQL */ `
  query ($insee: String!, $membership: [CommuneMembership!]) {
    commune(inseeCode: $insee) {
      name
      offers(membership: $membership) { membership state howToJoin annualCost annualCostLabel offer { id name eligibility kind } }
    }
  }
`

describe('what a Dijon commune can join', () => {
  it('offers every Dijon commune no closed offer, nothing it belongs to, and only names that read on their own', async () => {
    const communes = await db.organisation.findMany({ where: { kind: 'COMMUNE', territory: { siren: dijon } }, include: { offerMembers: { where: { state: { in: ['MEMBER', 'PLANNED'] } } } } })
    expect(communes).toHaveLength(23)
    let joinable = 0
    for (const commune of communes) {
      const data = await query(communeOffers, { insee: commune.inseeCode, membership: ['JOINABLE'] })
      const offers = data.commune.offers as Array<{ membership: string; offer: { id: string; name: string; eligibility: string } }>
      const mine = new Set(commune.offerMembers.map((m) => encodeGlobalID('Offer', m.offerId)))
      for (const entry of offers) {
        expect(entry.offer.eligibility, `${commune.name}: ${entry.offer.name}`).not.toBe('CLOSED')
        expect(mine.has(entry.offer.id), `${commune.name} already belongs to ${entry.offer.name}`).toBe(false)
        expect(entry.offer.name, `${commune.name}`).not.toMatch(documentFragment)
      }
      joinable += offers.length
    }
    expect(joinable).toBeGreaterThan(0)
  })

  it('shows Talant the winter-roads convention it is in', async () => {
    const talant = await query(communeOffers, { insee: '21617', membership: ['MEMBER'] })
    const winter = talant.commune.offers.find((o: { offer: { kind: string } }) => o.offer.kind === 'CONVENTION_DE_GESTION')
    expect(winter?.offer.name).toMatch(/hivernale/i)
    expect(winter?.membership).toBe('MEMBER')
  })
})
