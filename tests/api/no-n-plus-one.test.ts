import { describe, expect, it } from 'vitest'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { CommunePageQuery } from '@mutualis/schema/documents/commune'
import { CommuneOffersQuery, OfferPageQuery, type OfferDetail } from '@mutualis/schema/documents/offer'
import type { ResultOf } from '@mutualis/schema/graphql'
import { sentRequest } from '@mutualis/schema/sent'
import { countSql, queryAsApp } from '../fixtures/graphql.ts'
import { aDomain, anAction, anOffer, anOrganisation, aTerritory, someCommunes } from '../fixtures/builders.ts'

// The requests phones send (sentRequest: the app's documents, as urql words them), each measured on
// a miss of the response cache: what a page costs must not grow with what it lists.

/** A commune among eight others of a territory of its own, with a domain and a provider for offers. */
async function aCommuneToMeasure() {
  const territory = await aTerritory()
  const [commune, ...others] = await someCommunes(territory, 9)
  return { commune, others, domain: await aDomain(territory), provider: await anOrganisation(territory, { kind: 'EPCI', name: 'Métropole' }) }
}
type Measured = Awaited<ReturnType<typeof aCommuneToMeasure>>

/**
 * An offer open to every commune of the territory, with a cost, `members` member communes (the
 * measured one first when `withCommune`), `staff` agents' lines and `actions` actions each open to three communes.
 */
async function createOffer({ commune, others, domain, provider }: Measured, size: { members: number; staff: number; actions: number; withCommune?: boolean }) {
  const territory = { id: commune.territoryId }
  const members = [...(size.withCommune ? [commune] : []), ...others].slice(0, size.members)
  const offer = await anOffer(territory, {
    domain, provider, annualAmount: 12_000, costKey: [{ basis: 'POPULATION', percent: 100 }],
    members: members.map((organisation) => ({ organisation, since: '2024-01-01' })), staff: others.slice(0, size.staff).map((organisation) => ({ organisation, fte: 0.5 })),
  })
  for (let i = 0; i < size.actions; i++) await anAction(territory, { title: `Action de test ${i}`, domain, offer, openTo: others.slice(0, 3) })
  return offer
}

/** The commune's page as it starts: an offer it is in and one it can join. */
async function aMeasuredCommune() {
  const measured = await aCommuneToMeasure()
  await createOffer(measured, { members: 3, staff: 1, actions: 1, withCommune: true })
  await createOffer(measured, { members: 3, staff: 1, actions: 1 })
  return measured
}

describe('the commune page', () => {
  it('sends the same 18 SQL statements however many offers the commune is in or can join', async () => {
    const measured = await aMeasuredCommune()
    const page = sentRequest(CommunePageQuery, { inseeCode: measured.commune.inseeCode! })
    let before!: ResultOf<typeof CommunePageQuery>
    let after!: ResultOf<typeof CommunePageQuery>
    // Each measured read is the first after a write, so the response cache cannot answer it.
    const sqlBefore = await countSql(async () => (before = await queryAsApp(page)))
    for (let i = 0; i < 6; i++) {
      await createOffer(measured, { members: 5, staff: 2, actions: 3, withCommune: true })
      await createOffer(measured, { members: 5, staff: 2, actions: 3 })
    }
    const sqlAfter = await countSql(async () => (after = await queryAsApp(page)))

    const count = (data: ResultOf<typeof CommunePageQuery>, membership: string) => data.commune!.offers.filter((entry) => entry.membership === membership).length
    expect(count(after, 'MEMBER')).toBe(count(before, 'MEMBER') + 6)
    expect(count(after, 'JOINABLE')).toBe(count(before, 'JOINABLE') + 6)
    expect(after.commune!.impact.byOffer.length).toBe(before.commune!.impact.byOffer.length + 6)
    expect(sqlAfter.count, sqlAfter.statements.join('\n')).toBe(sqlBefore.count)
    // Read access (1), the commune (1), its territory, which the app remembers (1), the territory's communes for the cost keys (1); where it stands
    // with each offer: offers, its pending requests, listed organisations, action statuses, members, agents,
    // requested actions, members' populations (8); the offers' rows, once for offers and once for impact (2),
    // their statuses from their actions (1), domains (1), the offers of the page (1), their actions (1).
    expect(sqlAfter.count, sqlAfter.statements.join('\n')).toBe(18)
  })
})

describe('the offer page', () => {
  it('asks for the offer in the same 12 SQL statements however many members, agents and actions it has', async () => {
    const measured = await aCommuneToMeasure()
    const small = await createOffer(measured, { members: 1, staff: 1, actions: 1 })
    const large = await createOffer(measured, { members: 8, staff: 6, actions: 12 })
    const read = async (id: string) => {
      let data!: ResultOf<typeof OfferPageQuery>
      const sql = await countSql(async () => (data = await queryAsApp(sentRequest(OfferPageQuery, { id: encodeGlobalID('Offer', id) }))))
      return { sql, offer: data.node as OfferDetail }
    }
    const one = await read(small.id)
    const many = await read(large.id)

    expect(many.offer.members).toHaveLength(8)
    expect(many.offer.staff).toHaveLength(6)
    expect(many.offer.actions).toHaveLength(12)
    expect(many.offer.actions[0].openTo).toHaveLength(3)
    expect(many.sql.count, many.sql.statements.join('\n')).toBe(one.sql.count)
    // Read access (1), the offer (1), its status from its actions (1), domain (1), provider (1), agents and
    // their organisations (2), members and their organisations (2), the offer again then its actions (2), whom each is open to (1).
    expect(many.sql.count, many.sql.statements.join('\n')).toBe(12)
  })

  // The page also asks for « Ma commune »'s entries, to show the commune's side of the offer.
  it('asks for the commune’s side of its offers in the same 16 SQL statements however many there are', async () => {
    const measured = await aMeasuredCommune()
    const request = sentRequest(CommuneOffersQuery, { inseeCode: measured.commune.inseeCode! })
    const before = await countSql(() => queryAsApp(request))
    for (let i = 0; i < 6; i++) await createOffer(measured, { members: 5, staff: 2, actions: 3, withCommune: i % 2 === 1 })
    const after = await countSql(() => queryAsApp(request))

    expect(after.count, after.statements.join('\n')).toBe(before.count)
    // The commune page's statements but the second read of the offers' rows, for impact.
    expect(after.count, after.statements.join('\n')).toBe(16)
  })
})
