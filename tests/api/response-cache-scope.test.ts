// The response cache at national scale: a write in one territory leaves the cached answers of every
// other territory valid, and writes no answer shows (sign-ins, a token's use) leave every answer.
// Every answer is checked against a fresh one: 0 stale answers. The same with two processes and
// Redis: scale-out.test.ts.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { db } from '@mutualis/api/db.ts'
import { runInWriteScope } from '@mutualis/api/db/write-scopes.ts'
import { yoga } from '@mutualis/api/http/yoga.ts'
import { ActionPageQuery } from '@mutualis/schema/documents/action'
import { CommunePageQuery } from '@mutualis/schema/documents/commune'
import { OfferPageQuery } from '@mutualis/schema/documents/offer'
import { RecordProgressMutation } from '@mutualis/schema/documents/outbox'
import { sentRequest } from '@mutualis/schema/sent'
import { as, createAccount, signIn } from '../fixtures/accounts.ts'
import { communeInsee } from '../fixtures/seed.ts'
import { createOtherTerritoryWithOffer } from '../fixtures/territories.ts'

type Request = { query: string; variables?: Record<string, unknown> }

async function ask(request: Request, headers: Record<string, string> = {}) {
  const response = await yoga.fetch('http://mutualis.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(request) })
  return { cache: response.headers.get('x-mutualis-cache'), body: (await response.json()) as { data?: any; errors?: Array<{ message: string }> } }
}

/** Whether a read came from the cache, after checking that it says what a fresh read says. */
async function read(request: Request, headers: Record<string, string> = {}): Promise<string | null> {
  const answer = await ask(request, headers)
  expect(answer.body.errors).toBeUndefined()
  expect(answer.body).toEqual((await ask(request, { ...headers, 'cache-control': 'no-cache' })).body)
  return answer.cache
}

async function cacheOf(requests: Record<string, Request>, headers: Record<string, string> = {}) {
  const seen: Record<string, string | null> = {}
  for (const [name, request] of Object.entries(requests)) seen[name] = await read(request, headers)
  return seen
}

const every = (requests: Record<string, Request>, cache: string) => Object.fromEntries(Object.keys(requests).map((name) => [name, cache]))

/** The pages of a territory, as the app and an analyst ask them. */
function pagesOf(territory: { siren: string }, commune: { inseeCode: string }, offerId: string, actionId: string): Record<string, Request> {
  return {
    commune: sentRequest(CommunePageQuery, { inseeCode: commune.inseeCode }),
    offer: sentRequest(OfferPageQuery, { id: encodeGlobalID('Offer', offerId) }),
    action: sentRequest(ActionPageQuery, { id: encodeGlobalID('Action', actionId) }),
    offers: { query: 'query ($t: String) { offers(territory: $t, first: 100) { totalCount edges { node { id name status } } } }', variables: { t: territory.siren } },
    territory: { query: 'query ($s: String!) { territory(siren: $s) { name legalType } }', variables: { s: territory.siren } },
  }
}

const chenove = communeInsee('Chenôve')
let dijon: Record<string, Request>
let other: Awaited<ReturnType<typeof createOtherTerritoryWithOffer>>
let elsewhere: Record<string, Request>
/** The list of every commune of every territory: what any territory's write may change. */
const national = { communes: { query: '{ communes { id inseeCode name } }' } }

beforeAll(async () => {
  const { offer } = await db.offerMember.findFirstOrThrow({ where: { organisation: { inseeCode: chenove }, state: 'MEMBER', offer: { archivedAt: null } }, include: { offer: true } })
  const action = await db.action.findFirstOrThrow({ where: { status: { not: 'IMPLEMENTED' }, participants: { some: { organisation: { inseeCode: chenove } } } } })
  const territory = await db.territory.findUniqueOrThrow({ where: { siren: '242100410' } })
  dijon = pagesOf(territory, { inseeCode: chenove }, offer.id, action.id)
  other = await createOtherTerritoryWithOffer()
  elsewhere = pagesOf(other.territory, other.commune, other.offer.id, other.action.id)
})

async function warm(...requests: Array<Record<string, Request>>) {
  for (const pages of requests) {
    await cacheOf(pages)
    expect(await cacheOf(pages)).toEqual(every(pages, 'hit'))
  }
}

/** Records a point d'avancement through the API, as an account of the action's territory would. */
async function recordProgress(cookie: string, actionId: string, status: 'IN_PROGRESS' | 'IMPLEMENTED') {
  const { version } = await db.action.findUniqueOrThrow({ where: { id: actionId } })
  const input = { actionId: encodeGlobalID('Action', actionId), status, note: 'Point du comité.', date: '2026-11-20', clientMutationId: randomUUID(), expectedVersion: version }
  const sent = sentRequest(RecordProgressMutation, { input })
  const answer = await ask(sent, { cookie })
  expect(answer.body.data?.recordProgress.__typename).toBe('RecordProgressSuccess')
  expect(answer.cache).toBe('miss')
}

const actionIdOf = (pages: Record<string, Request>) => Buffer.from(String(pages.action.variables!.id), 'base64').toString().split(':')[1]

describe('a write in one territory', () => {
  it('leaves the cached answers of every other territory valid, and is seen at once in its own', async () => {
    const editor = await signIn((await createAccount('EDITOR', ['Chenôve'])).email)
    await warm(dijon, elsewhere, national)

    await recordProgress(editor, actionIdOf(dijon), 'IMPLEMENTED')

    expect(await cacheOf(elsewhere)).toEqual(every(elsewhere, 'hit'))
    expect(await read(dijon.action)).toBe('miss')
    expect((await ask(dijon.action)).body.data.node.statusLabel).toBe('Mis en œuvre')
    expect(await read(dijon.action)).toBe('hit')
    expect(await cacheOf({ commune: dijon.commune, offers: dijon.offers })).toEqual({ commune: 'miss', offers: 'miss' })
    expect(await cacheOf(national)).toEqual(every(national, 'miss'))
  })

  it('made by the other territory’s admin leaves Dijon’s answers valid', async () => {
    const admin = await signIn((await createAccount('ADMIN', [], { territorySiren: other.territory.siren })).email)
    await warm(dijon, elsewhere)

    await recordProgress(admin, other.action.id, 'IMPLEMENTED')

    expect(await cacheOf(dijon)).toEqual(every(dijon, 'hit'))
    expect(await cacheOf({ action: elsewhere.action, offers: elsewhere.offers })).toEqual({ action: 'miss', offers: 'miss' })
    expect((await ask(elsewhere.action)).body.data.node.statusLabel).toBe('Mis en œuvre')
  })

  it('to a territory’s settings reaches every territory’s anonymous readers', async () => {
    const admin = await signIn((await createAccount('ADMIN')).email)
    const requireLogin = (value: boolean) => as(admin)('mutation ($v: Boolean!) { updateTerritorySettings(requireLoginToRead: $v) { requireLoginToRead } }', { v: value })
    await warm(elsewhere)

    await requireLogin(true)
    try {
      const refused = await ask(elsewhere.commune)
      expect(refused.cache).toBe('miss')
      expect(refused.body.errors?.length).toBeGreaterThan(0)
    } finally {
      await requireLogin(false)
    }
    expect(await read(elsewhere.commune)).toBe('miss')
  })
})

describe('a commune entering or leaving another territory’s records (official data refreshed)', () => {
  it('reaches the page of the commune with that INSEE code, whatever territory it was found in', async () => {
    const { territory } = other
    type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0]
    const inOtherTerritory = <T>(write: (tx: Tx) => Promise<T>) => runInWriteScope([territory.id], () => db.$transaction(write))
    await warm({ commune: dijon.commune })

    const joined = await inOtherTerritory((tx) => tx.organisation.create({ data: { territoryId: territory.id, key: `c-${chenove}`, kind: 'COMMUNE', name: 'Chenôve', searchName: 'chenove', inseeCode: chenove } }))
    expect(await read(dijon.commune)).toBe('miss')
    await inOtherTerritory((tx) => tx.organisation.delete({ where: { id: joined.id } }))
    expect(await read(dijon.commune)).toBe('miss')
    expect(await read(dijon.commune)).toBe('hit')
  })
})

describe('a write made outside the API’s mutations (an import, a script)', () => {
  it('is not known to belong to a territory: every answer is computed afresh', async () => {
    await warm(dijon, elsewhere)
    const offerId = Buffer.from(String(dijon.offer.variables!.id), 'base64').toString().split(':')[1]
    const offer = await db.offer.findUniqueOrThrow({ where: { id: offerId } })
    await db.offer.update({ where: { id: offerId }, data: { name: `${offer.name} (importée)` } })

    expect(await cacheOf(elsewhere)).toEqual(every(elsewhere, 'miss'))
    expect(await read(dijon.offer)).toBe('miss')
    expect((await ask(dijon.offer)).body.data.node.name).toBe(`${offer.name} (importée)`)
  })
})

describe('writes no answer shows', () => {
  it('signing in, failing to, and using an API token leave every cached answer, but the token owner’s list of tokens', async () => {
    const analyst = await createAccount('ANALYST')
    const cookie = await signIn(analyst.email)
    const created = await as(cookie)<{ createApiToken: { secret: string } }>('mutation { createApiToken(name: "tableur budget") { ... on CreatedApiToken { secret } } }')
    const token = created.data!.createApiToken.secret
    const tokens = { query: '{ myApiTokens { name lastUsedAt } }' }
    await warm(dijon, elsewhere, national)
    expect(await read(tokens, { cookie })).toBe('miss')
    expect(await read(tokens, { cookie })).toBe('hit')

    const failed = await ask({ query: 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { __typename } }', variables: { e: analyst.email, p: 'pas le bon mot de passe' } })
    expect(failed.body.data.login.__typename).toBe('LoginError')
    await signIn(analyst.email)
    expect((await ask({ query: '{ me { email } }' }, { authorization: `Bearer ${token}` })).body.data.me.email).toBe(analyst.email)

    for (const pages of [dijon, elsewhere, national]) expect(await cacheOf(pages)).toEqual(every(pages, 'hit'))
    expect(await read(tokens, { cookie })).toBe('miss')
    expect((await ask(tokens, { cookie })).body.data.myApiTokens[0].lastUsedAt).not.toBeNull()
  })
})

describe('the x-mutualis-cache header', () => {
  it('says miss on what the cache does not answer: a mutation, a refused request, a fresh answer asked for', async () => {
    expect((await ask({ query: 'mutation { logout }' })).cache).toBe('miss')
    expect((await ask({ query: '{ commune(inseeCode: ' })).cache).toBe('miss')
    expect((await ask(dijon.commune, { 'cache-control': 'no-cache' })).cache).toBe('miss')
  })
})
