import type { IncomingMessage, ServerResponse } from 'node:http'
import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { db } from '@mutualis/api/db.ts'
import { graphqlRoute } from '@mutualis/api/http/graphql-route.ts'
import { responseCache } from '@mutualis/api/plugins/response-cache.ts'
import { yoga } from '@mutualis/api/http/yoga.ts'
import { CommunePageQuery } from '@mutualis/schema/documents/commune'
import { sentRequest } from '@mutualis/schema/sent'
import { createAccount, signIn } from '../fixtures/accounts.ts'
import { countSql } from '../fixtures/graphql.ts'
import { listenDuringTests, rawRequest } from '../fixtures/http-server.ts'
import { communeInsee } from '../fixtures/seed.ts'

// The real /graphql route, with a count of the requests it hands to yoga.
let yogaCalls = 0
const route = graphqlRoute((req: IncomingMessage, res: ServerResponse) => {
  yogaCalls++
  return yoga(req, res)
}, responseCache)
const server = listenDuringTests(route)
const url = () => `${server.origin}/graphql`

/** « Ma commune » for Chenôve, as the app asks it. */
const { query: page, variables } = sentRequest(CommunePageQuery, { inseeCode: communeInsee('Chenôve') })
const urqlAccept = 'application/graphql-response+json, application/json, text/event-stream, multipart/mixed'

interface Answer { status: number; type: string | null; encoding: string | null; cache: string | null; text: string; viaYoga: boolean; sql: number }
async function ask(init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; query?: string } = {}): Promise<Answer> {
  const query = init.query ?? page
  const before = yogaCalls
  let response!: Response
  const { count } = await countSql(async () => {
    response = init.method === 'GET'
      ? await fetch(`${url()}?${new URLSearchParams({ query, variables: JSON.stringify(variables) })}`, { headers: init.headers })
      : await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json', ...init.headers }, body: JSON.stringify({ query, variables }) })
  }, { allowCache: true })
  // fetch decodes brotli and gzip itself: the text is what the application reads.
  return { status: response.status, type: response.headers.get('content-type'), encoding: response.headers.get('content-encoding'), cache: response.headers.get('x-mutualis-cache'), text: await response.text(), viaYoga: yogaCalls > before, sql: count }
}

describe('an anonymous read already in the cache', () => {
  it('is answered by the route itself, with no SQL, exactly as yoga answered it', async () => {
    const first = await ask()
    const again = await ask()
    expect(first.viaYoga).toBe(true)
    expect(JSON.parse(first.text).data.commune.name).toBe('Chenôve')
    expect(again).toMatchObject({ status: 200, type: first.type, cache: 'hit', text: first.text, viaYoga: false, sql: 0 })
  })

  it('keeps the content type yoga negotiates for the PWA (GET, urql Accept header)', async () => {
    const headers = { accept: urqlAccept, 'x-mutualis-csrf': '1' }
    const first = await ask({ method: 'GET', headers })
    const again = await ask({ method: 'GET', headers })
    expect(first.type).toBe('application/graphql-response+json; charset=utf-8')
    expect(again).toMatchObject({ type: first.type, text: first.text, viaYoga: false })
  })

  it('comes compressed to a browser, decoding to the same answer', async () => {
    const plain = await ask()
    const raw = await rawRequest(server.port, '/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip, deflate, br' },
      body: JSON.stringify({ query: page, variables }),
    })
    expect(raw.headers['content-encoding']).toBe('br')
    expect(zlib.brotliDecompressSync(raw.body).toString()).toBe(plain.text)
  })

  it('is never served after a write that changes it', async () => {
    const before = JSON.parse((await ask()).text).data.commune.offers[0].offer
    await ask()
    const id = Buffer.from(before.id, 'base64').toString().split(':')[1]
    await db.offer.update({ where: { id }, data: { name: `${before.name} (renommée)` } })
    const after = await ask()
    expect(after).toMatchObject({ viaYoga: true, cache: 'miss' })
    expect(JSON.parse(after.text).data.commune.offers.find((entry: any) => entry.offer.id === before.id).offer.name).toBe(`${before.name} (renommée)`)
  })

  it('is not given to a signed-in user, nor to a request yoga would refuse or answer afresh', async () => {
    await ask()
    await ask({ method: 'GET', headers: { 'x-mutualis-csrf': '1' } })
    const cookie = await sessionCookieOf('EDITOR')
    const signedIn = await ask({ headers: { cookie } })
    expect(signedIn).toMatchObject({ viaYoga: true, cache: 'miss' })
    expect(await ask({ headers: { cookie } })).toMatchObject({ viaYoga: true, cache: 'hit', text: signedIn.text })

    const withoutCsrfHeader = await ask({ method: 'GET' })
    expect(withoutCsrfHeader).toMatchObject({ status: 403, viaYoga: true, cache: 'miss' })

    const fresh = await ask({ headers: { 'cache-control': 'no-cache' } })
    expect(fresh).toMatchObject({ viaYoga: true, cache: 'miss' })
    expect(fresh.sql).toBeGreaterThan(0)
  })

  it('leaves other sites and odd requests to yoga, which answers them as before', async () => {
    await ask()
    const otherSite = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://ailleurs.example' }, body: JSON.stringify({ query: page, variables }) })
    expect(otherSite.headers.get('access-control-allow-origin')).toBe('https://ailleurs.example')
    const before = yogaCalls
    const emptyName = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: page, variables, operationName: '' }) })
    expect(yogaCalls).toBe(before + 1)
    expect(emptyName.status).toBeLessThan(500)
  })
})

describe('a request body yoga has to refuse', () => {
  it('is answered by yoga from the bytes sent: invalid JSON, not JSON at all', async () => {
    const invalid = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' })
    expect(invalid.status).toBe(400)
    expect((await invalid.json()).errors[0].message).toMatch(/invalid JSON/i)
    const text = await fetch(url(), { method: 'POST', headers: { 'content-type': 'text/plain', 'x-mutualis-csrf': '1' }, body: 'x'.repeat(500_000) })
    expect(text.status).toBeGreaterThanOrEqual(400)
    expect(text.status).toBeLessThan(500)
    const graphqlBody = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/graphql', 'x-mutualis-csrf': '1' }, body: '{ __typename }' })
    expect(await graphqlBody.json()).toEqual({ data: { __typename: 'Query' } })
    for (const answer of [invalid, text, graphqlBody]) expect(answer.headers.get('x-mutualis-cache')).toBe('miss')
  })

  it('is refused by the route itself, saying it did not come from the cache', async () => {
    const unreadable = await fetch(`${url()}?${new URLSearchParams({ query: page, variables: '{"inseeCode":' })}`, { headers: { 'x-mutualis-csrf': '1' } })
    const oversized = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: page, variables: { inseeCode: 'x'.repeat(1_100_000) } }) })
    expect([unreadable.status, oversized.status]).toEqual([400, 413])
    for (const answer of [unreadable, oversized]) expect(answer.headers.get('x-mutualis-cache')).toBe('miss')
  })
})

async function sessionCookieOf(role: 'EDITOR') {
  return signIn((await createAccount(role, ['Chenôve'])).email)
}
