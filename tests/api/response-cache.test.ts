import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { db } from '@mutualis/api/db.ts'
import { yoga } from '@mutualis/api/http/yoga.ts'
import { changesAnswers } from '@mutualis/api/plugins/invalidation-clock.ts'
import { signedInAs } from '../fixtures/accounts.ts'
import { communePageQuery } from '../fixtures/documents.ts'
import { countSql, graphql, query } from '../fixtures/graphql.ts'
import { communeInsee } from '../fixtures/seed.ts'

type CommunePage = { commune: { participations: Array<{ action: { id: string; title: string; statusLabel: string } }> } }
const chenove = communeInsee('Chenôve')

const recordProgress = /* GraphQL */ `
  mutation ($input: RecordProgressInput!) {
    recordProgress(input: $input) { __typename ... on RecordProgressSuccess { action { version } } }
  }
`

/** An action Chenôve takes part in and has not yet implemented, as the database holds it now. */
async function chenoveAction() {
  const { action } = await db.participation.findFirstOrThrow({ where: { organisation: { name: 'Chenôve' }, action: { status: { not: 'IMPLEMENTED' } } }, include: { action: true } })
  return action
}

describe('response cache', () => {
  it('answers a repeated commune page from the cache, identical, without a database round trip', async () => {
    const first = await graphql(communePageQuery, { inseeCode: chenove })
    let again: unknown
    expect((await countSql(async () => (again = await graphql(communePageQuery, { inseeCode: chenove })), { allowCache: true })).count).toBe(0)
    expect(again).toEqual(first)
    expect(first.data?.commune.participations.length).toBeGreaterThan(0)
  })

  it('gives no ETag to revalidate with, so no client is told an outdated answer still holds', async () => {
    const ask = () => yoga.fetch('http://mutualis.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: communePageQuery, variables: { inseeCode: chenove } }) })
    for (const response of [await ask(), await ask()]) {
      expect(response.headers.get('etag')).toBeNull()
      expect((await response.json()).data.commune.inseeCode).toBe(chenove)
    }
  })

  it('computes a page many readers ask for at once, after a write, once', async () => {
    const one = await countSql(() => graphql(communePageQuery, { inseeCode: chenove }))
    const action = await chenoveAction()
    await db.action.update({ where: { id: action.id }, data: { title: `${action.title} (relue)` } })
    const pages: CommunePage[] = []
    const together = await countSql(() => Promise.all(Array.from({ length: 5 }, async () => pages.push((await query<CommunePage>(communePageQuery, { inseeCode: chenove }))))), { allowCache: true })
    expect(together.count).toBe(one.count)
    expect(pages.map((page) => page.commune.participations.find((p) => p.action.id === encodeGlobalID('Action', action.id))?.action.title)).toEqual(Array(5).fill(`${action.title} (relue)`))
  })

  it('answers afresh when asked with Cache-Control: no-cache', async () => {
    await query(communePageQuery, { inseeCode: chenove })
    const fresh = await countSql(() => graphql(communePageQuery, { inseeCode: chenove }, { 'cache-control': 'no-cache' }), { allowCache: true })
    expect(fresh.count).toBeGreaterThan(0)
  })

  it('shows a point d’avancement recorded by an editor on the very next read of the commune page', async () => {
    const action = await chenoveAction()
    const statusOf = (page: CommunePage) => page.commune.participations.find((p) => p.action.id === encodeGlobalID('Action', action.id))?.action.statusLabel
    const before = await query<CommunePage>(communePageQuery, { inseeCode: chenove })
    await query<CommunePage>(communePageQuery, { inseeCode: chenove })
    expect(statusOf(before)).not.toBe('Mis en œuvre')

    const { client } = await signedInAs('EDITOR', ['Chenôve'])
    const input = { actionId: encodeGlobalID('Action', action.id), status: 'IMPLEMENTED', note: 'Convention signée.', date: '2026-11-20', clientMutationId: randomUUID(), expectedVersion: action.version }
    expect((await client(recordProgress, { input })).data?.recordProgress.__typename).toBe('RecordProgressSuccess')

    expect(statusOf(await query<CommunePage>(communePageQuery, { inseeCode: chenove }))).toBe('Mis en œuvre')
  })

  it('shows a change written straight into the database (an import, a script) on the next read', async () => {
    const action = await chenoveAction()
    const titleOf = (page: CommunePage) => page.commune.participations.find((p) => p.action.id === encodeGlobalID('Action', action.id))?.action.title
    expect(titleOf(await query<CommunePage>(communePageQuery, { inseeCode: chenove }))).toBe(action.title)
    await db.action.update({ where: { id: action.id }, data: { title: `${action.title} (modifiée)` } })
    expect(titleOf(await query<CommunePage>(communePageQuery, { inseeCode: chenove }))).toBe(`${action.title} (modifiée)`)
  })

  it('never gives one person the answer cached for another', async () => {
    const me = '{ me { name email role } }'
    const editor = await signedInAs('EDITOR', ['Chenôve'])
    const analyst = await signedInAs('ANALYST')
    for (let round = 0; round < 2; round++) {
      expect((await editor.client(me)).data?.me).toEqual({ name: 'Test EDITOR', email: editor.email, role: 'EDITOR' })
      expect((await analyst.client(me)).data?.me).toEqual({ name: 'Test ANALYST', email: analyst.email, role: 'ANALYST' })
      expect((await graphql(me)).data?.me).toBeNull()
    }
  })

  it('keeps the cache when the only write records when a token or session was last used', async () => {
    const usage = await countSql(() => db.session.updateMany({ where: { id: 'none' }, data: { lastSeenAt: new Date() } }))
    const change = await countSql(() => db.action.updateMany({ where: { id: 'none' }, data: { title: 'x' } }))
    expect(usage.statements.filter(changesAnswers)).toEqual([])
    expect(change.statements.filter(changesAnswers)).toHaveLength(1)
  })
})
