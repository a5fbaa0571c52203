import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { db } from '@mutualis/api/db.ts'
import { countSql, query } from '../fixtures/graphql.ts'
import { communePageQuery } from '../fixtures/documents.ts'
import { communeInsee } from '../fixtures/seed.ts'

/** Gives a commune `count` more actions to be in and `count` more it could join. */
async function addActionsFor(inseeCode: string, count: number) {
  const commune = await db.organisation.findFirstOrThrow({ where: { inseeCode } })
  const domain = await db.domain.findFirstOrThrow({ where: { territoryId: commune.territoryId } })
  const last = await db.action.aggregate({ where: { territoryId: commune.territoryId }, _max: { position: true } })
  for (let i = 0; i < count * 2; i++) {
    const joined = i < count
    await db.action.create({
      data: {
        territoryId: commune.territoryId, key: `test-${randomUUID()}`, position: (last._max.position ?? 0) + 1 + i,
        title: `Action de test ${i}`, searchText: `action de test ${i}`, domainId: domain.id, instrument: 'GROUPEMENT_DE_COMMANDES',
        status: 'IN_PROGRESS', openness: 'OPEN', sourceText: 'test',
        participants: joined ? { create: { organisationId: commune.id, role: 'MEMBER', state: 'MEMBER' } } : undefined,
      },
    })
  }
}

describe('commune page query', () => {
  it('sends the same number of SQL statements however many participations and opportunities the commune has', async () => {
    const inseeCode = communeInsee('Quetigny')
    // Each measured read is the first after a write, so the response cache cannot answer it.
    let before: unknown, after: unknown
    const sqlBefore = await countSql(async () => (before = await query(communePageQuery, { inseeCode })))
    await addActionsFor(inseeCode, 25)
    const sqlAfter = await countSql(async () => (after = await query(communePageQuery, { inseeCode })))
    const sizeBefore = before as { commune: { participations: unknown[]; joinable: unknown[] } }
    const sizeAfter = after as typeof sizeBefore

    expect(sizeAfter.commune.participations.length).toBe(sizeBefore.commune.participations.length + 25)
    expect(sizeAfter.commune.joinable.length).toBe(sizeBefore.commune.joinable.length + 25)
    expect(sqlAfter.count).toBe(sqlBefore.count)
    // Read access (1), commune (1), participations with their actions and domains (3), the join rule's
    // inputs (3), the joinable actions with domains, participants and organisations (4): a dozen or so.
    expect(sqlAfter.count, sqlAfter.statements.join('\n')).toBeLessThanOrEqual(14)
  })
})
