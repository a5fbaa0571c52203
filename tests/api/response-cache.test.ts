import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { db } from '@mutualis/api/db.ts'
import { yoga } from '@mutualis/api/http/yoga.ts'
import { answerEffect } from '@mutualis/api/db/write-scopes.ts'
import { ActionPageQuery } from '@mutualis/schema/documents/action'
import { CommunePageQuery } from '@mutualis/schema/documents/commune'
import { RecordProgressMutation } from '@mutualis/schema/documents/outbox'
import type { ResultOf } from '@mutualis/schema/graphql'
import { sentRequest } from '@mutualis/schema/sent'
import { signedInAs } from '../fixtures/accounts.ts'
import { countSql, graphql, queryAsApp, sendAsApp } from '../fixtures/graphql.ts'
import { communeInsee } from '../fixtures/seed.ts'

const chenove = communeInsee('Chenôve')
/** « Ma commune » for Chenôve, as the app asks it. */
const communePage = sentRequest(CommunePageQuery, { inseeCode: chenove })

/** An offer Chenôve is in, as the database holds it now. */
async function chenoveOffer() {
  const { offer } = await db.offerMember.findFirstOrThrow({ where: { organisation: { inseeCode: chenove }, state: 'MEMBER', offer: { archivedAt: null } }, include: { offer: true } })
  return offer
}

const offerName = (page: ResultOf<typeof CommunePageQuery>, id: string) => page.commune?.offers.find((entry) => entry.offer.id === encodeGlobalID('Offer', id))?.offer.name

/** An action Chenôve takes part in and has not yet implemented, as the database holds it now. */
async function chenoveAction() {
  const { action } = await db.participation.findFirstOrThrow({ where: { organisation: { name: 'Chenôve' }, action: { status: { not: 'IMPLEMENTED' } } }, include: { action: true } })
  return action
}

describe('response cache', () => {
  it('answers a repeated commune page from the cache, identical, without a database round trip', async () => {
    const first = await sendAsApp(communePage)
    let again: unknown
    expect((await countSql(async () => (again = await sendAsApp(communePage)), { allowCache: true })).count).toBe(0)
    expect(again).toEqual(first)
    expect(first.data?.commune?.offers.length).toBeGreaterThan(0)
  })

  it('gives no ETag to revalidate with, so no client is told an outdated answer still holds', async () => {
    const ask = () => yoga.fetch('http://mutualis.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(communePage) })
    for (const response of [await ask(), await ask()]) {
      expect(response.headers.get('etag')).toBeNull()
      expect((await response.json()).data.commune.inseeCode).toBe(chenove)
    }
  })

  it('computes a page many readers ask for at once, after a write, once', async () => {
    const one = await countSql(() => sendAsApp(communePage))
    const offer = await chenoveOffer()
    await db.offer.update({ where: { id: offer.id }, data: { name: `${offer.name} (relue)` } })
    const pages: Array<ResultOf<typeof CommunePageQuery>> = []
    const together = await countSql(() => Promise.all(Array.from({ length: 5 }, async () => pages.push(await queryAsApp(communePage)))), { allowCache: true })
    expect(together.count).toBe(one.count)
    expect(pages.map((page) => offerName(page, offer.id))).toEqual(Array(5).fill(`${offer.name} (relue)`))
  })

  it('answers afresh when asked with Cache-Control: no-cache', async () => {
    await queryAsApp(communePage)
    const fresh = await countSql(() => sendAsApp(communePage, { 'cache-control': 'no-cache' }), { allowCache: true })
    expect(fresh.count).toBeGreaterThan(0)
  })

  it('shows a point d’avancement recorded by an editor on the very next read of the action page', async () => {
    const action = await chenoveAction()
    const actionPage = sentRequest(ActionPageQuery, { id: encodeGlobalID('Action', action.id) })
    const statusOf = (page: ResultOf<typeof ActionPageQuery>) => (page.node && 'statusLabel' in page.node ? page.node.statusLabel : undefined)
    const before = await queryAsApp(actionPage)
    await queryAsApp(actionPage)
    expect(statusOf(before)).not.toBe('Mis en œuvre')

    const { client } = await signedInAs('EDITOR', ['Chenôve'])
    const input = { actionId: encodeGlobalID('Action', action.id), status: 'IMPLEMENTED' as const, note: 'Convention signée.', date: '2026-11-20', clientMutationId: randomUUID(), expectedVersion: action.version }
    const recorded = sentRequest(RecordProgressMutation, { input })
    expect((await client(recorded.query, recorded.variables)).data?.recordProgress.__typename).toBe('RecordProgressSuccess')

    expect(statusOf(await queryAsApp(actionPage))).toBe('Mis en œuvre')
  })

  it('shows a change written straight into the database (an import, a script) on the next read', async () => {
    const offer = await chenoveOffer()
    expect(offerName(await queryAsApp(communePage), offer.id)).toBe(offer.name)
    await db.offer.update({ where: { id: offer.id }, data: { name: `${offer.name} (modifiée)` } })
    expect(offerName(await queryAsApp(communePage), offer.id)).toBe(`${offer.name} (modifiée)`)
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

  it('tells writes no answer shows (sessions, sign-in attempts, a token’s last use) from writes in a territory and from writes every answer may show (settings, communes added or leaving)', async () => {
    const user = await db.user.findFirstOrThrow()
    const territory = await db.territory.findFirstOrThrow()
    const effects = async (work: () => Promise<unknown>) => (await countSql(work)).statements.map(answerEffect).filter((effect) => effect !== 'none')
    const writes = {
      session: () => db.session.create({ data: { userId: user.id, tokenHash: randomUUID(), expiresAt: new Date() } }),
      sessionUse: () => db.session.updateMany({ where: { id: 'none' }, data: { lastSeenAt: new Date() } }),
      loginAttempt: () => db.loginAttempt.create({ data: { email: 'x@y.fr', address: 'local', succeeded: false } }),
      tokenUse: () => db.apiToken.updateMany({ where: { id: 'none' }, data: { lastUsedAt: new Date() } }),
      tokenRevoked: () => db.apiToken.updateMany({ where: { id: 'none' }, data: { revokedAt: new Date() } }),
      action: () => db.action.updateMany({ where: { id: 'none' }, data: { title: 'x' } }),
      communeRenamed: () => db.organisation.updateMany({ where: { id: 'none' }, data: { name: 'x', population: 1 } }),
      communeLeft: () => db.organisation.updateMany({ where: { id: 'none' }, data: { leftOn: new Date() } }),
      communeAdded: () => db.organisation.create({ data: { territoryId: territory.id, key: randomUUID(), kind: 'COMMUNE', name: 'Nouvelle', searchName: 'nouvelle', inseeCode: '99999' } }),
      settings: () => db.territory.update({ where: { id: territory.id }, data: { requireLoginToRead: false } }),
      unknown: () => db.$executeRawUnsafe('CREATE TABLE IF NOT EXISTS scratch_effects (id INTEGER)'),
    }
    const seen: Record<string, string[]> = {}
    for (const [name, write] of Object.entries(writes)) seen[name] = await effects(write)
    expect(seen).toEqual({
      session: [], sessionUse: [], loginAttempt: [], tokenUse: [],
      tokenRevoked: ['territory'], action: ['territory'], communeRenamed: ['territory'], communeLeft: ['everything'], communeAdded: ['everything'],
      settings: ['everything'], unknown: ['everything'],
    })
  })
})
