import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { db } from '@mutualis/api/db.ts'
import { CommunePageQuery } from '@mutualis/schema/documents/commune'
import { CommuneOffersQuery, OfferPageQuery, type OfferDetail } from '@mutualis/schema/documents/offer'
import type { ResultOf } from '@mutualis/schema/graphql'
import { sentRequest } from '@mutualis/schema/sent'
import { countSql, queryAsApp } from '../fixtures/graphql.ts'
import { communeInsee } from '../fixtures/seed.ts'

// The requests phones send (sentRequest: the app's documents, as urql words them), each measured on
// a miss of the response cache: what a page costs must not grow with what it lists.

const costKey = JSON.stringify({ parts: [{ basis: 'POPULATION', percent: 100, unit: null }] })

async function territoryOf(inseeCode: string) {
  const commune = await db.organisation.findFirstOrThrow({ where: { inseeCode } })
  const others = await db.organisation.findMany({ where: { territoryId: commune.territoryId, kind: 'COMMUNE', id: { not: commune.id } }, take: 8 })
  const domain = await db.domain.findFirstOrThrow({ where: { territoryId: commune.territoryId } })
  const last = await db.action.aggregate({ where: { territoryId: commune.territoryId }, _max: { position: true } })
  return { commune, others, domain, nextPosition: (last._max.position ?? 0) + 1 }
}

/**
 * An offer open to every commune of the territory, with a cost, `members` member communes (the one
 * of `inseeCode` first when `withCommune`), `staff` agents' lines and `actions` actions each open to three communes.
 */
async function createOffer(inseeCode: string, size: { members: number; staff: number; actions: number; withCommune?: boolean }) {
  const { commune, others, domain, nextPosition } = await territoryOf(inseeCode)
  const members = [...(size.withCommune ? [commune] : []), ...others].slice(0, size.members)
  const suffix = randomUUID()
  return db.offer.create({
    data: {
      territoryId: commune.territoryId, key: `test-${suffix}`, name: `Offre de test ${suffix.slice(0, 6)}`, kind: 'SERVICE_COMMUN', eligibility: 'ALL_COMMUNES',
      domainId: domain.id, providerId: others[0].id, costKind: 'AMOUNT', annualCostCents: 1_200_000, costKey,
      members: { create: members.map((member) => ({ organisationId: member.id, state: 'MEMBER' as const, since: new Date('2024-01-01') })) },
      staff: { create: others.slice(0, size.staff).map((member) => ({ organisationId: member.id, mode: 'MADE_AVAILABLE' as const, fte: 0.5 })) },
      actions: {
        create: Array.from({ length: size.actions }, (_, i) => ({
          territoryId: commune.territoryId, key: `test-${randomUUID()}`, position: nextPosition + i, title: `Action de test ${i}`, searchText: `action de test ${i}`,
          domainId: domain.id, instrument: 'SERVICE_COMMUN' as const, status: 'IN_PROGRESS' as const, openness: 'OPEN' as const, sourceText: 'test',
          openTo: { connect: others.slice(0, 3).map((other) => ({ id: other.id })) },
        })),
      },
    },
  })
}

describe('the commune page', () => {
  it('sends the same 18 SQL statements however many offers the commune is in or can join', async () => {
    const inseeCode = communeInsee('Quetigny')
    const page = sentRequest(CommunePageQuery, { inseeCode })
    let before!: ResultOf<typeof CommunePageQuery>
    let after!: ResultOf<typeof CommunePageQuery>
    // Each measured read is the first after a write, so the response cache cannot answer it.
    const sqlBefore = await countSql(async () => (before = await queryAsApp(page)))
    for (let i = 0; i < 6; i++) {
      await createOffer(inseeCode, { members: 5, staff: 2, actions: 3, withCommune: true })
      await createOffer(inseeCode, { members: 5, staff: 2, actions: 3 })
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
    const inseeCode = communeInsee('Quetigny')
    const small = await createOffer(inseeCode, { members: 1, staff: 1, actions: 1 })
    const large = await createOffer(inseeCode, { members: 8, staff: 6, actions: 12 })
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
    const inseeCode = communeInsee('Quetigny')
    const request = sentRequest(CommuneOffersQuery, { inseeCode })
    const before = await countSql(() => queryAsApp(request))
    for (let i = 0; i < 6; i++) await createOffer(inseeCode, { members: 5, staff: 2, actions: 3, withCommune: i % 2 === 1 })
    const after = await countSql(() => queryAsApp(request))

    expect(after.count, after.statements.join('\n')).toBe(before.count)
    // The commune page's statements but the second read of the offers' rows, for impact.
    expect(after.count, after.statements.join('\n')).toBe(16)
  })
})
