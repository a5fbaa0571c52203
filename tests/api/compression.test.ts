import zlib from 'node:zlib'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { yoga } from '@mutualis/api/http/yoga.ts'
import { createHttpHandler } from '@mutualis/api/http/handler.ts'
import { maxRequestBytes } from '@mutualis/api/http/request-body.ts'
import { CommunePageQuery } from '@mutualis/schema/documents/commune'
import { sentRequest, type SentRequest } from '@mutualis/schema/sent'
import { listen, listenDuringTests } from '../fixtures/http-server.ts'
import { aCommuneWithActions, aDomain, anOffer, aTerritory } from '../fixtures/builders.ts'

/** « Ma commune » for a commune in a few offers and offered a dozen others, as the app asks it. */
let communePage: SentRequest
let inseeCode: string
beforeAll(async () => {
  const territory = await aTerritory()
  const { commune } = await aCommuneWithActions(territory, { member: 3, joinable: 12 }, { name: 'Chenôve' })
  const domain = await aDomain(territory, { name: 'Ressources humaines' })
  for (let i = 0; i < 6; i++) await anOffer(territory, { name: `Service commun n° ${i} de la gestion des ressources humaines`, domain, annualAmount: 10_000 + i, costKey: [{ basis: 'POPULATION', percent: 100 }], members: [commune] })
  inseeCode = commune.inseeCode!
  communePage = sentRequest(CommunePageQuery, { inseeCode })
})
const ask = (request: { query: string }, headers: Record<string, string>) =>
  yoga.fetch('http://mutualis.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(request) })
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer())

describe('GraphQL answers on a slow network', () => {
  it('come brotli-compressed to a browser, several times smaller, decoding to the same answer', async () => {
    const plain = await ask(communePage, {})
    const plainText = await plain.text()
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('vary')).toMatch(/Accept-Encoding/)
    expect(JSON.parse(plainText).data.commune.name).toBe('Chenôve')

    const compressed = await ask(communePage, { 'accept-encoding': 'gzip, deflate, br' })
    expect(compressed.headers.get('content-encoding')).toBe('br')
    const body = await bytes(compressed)
    expect(Number(compressed.headers.get('content-length'))).toBe(body.length)
    expect(body.length).toBeLessThan(Buffer.byteLength(plainText) / 3)
    expect(zlib.brotliDecompressSync(body).toString()).toBe(plainText)
  })

  it('fall back to gzip', async () => {
    const response = await ask(communePage, { 'accept-encoding': 'gzip' })
    expect(response.headers.get('content-encoding')).toBe('gzip')
    expect(JSON.parse(zlib.gunzipSync(await bytes(response)).toString()).data.commune.name).toBe('Chenôve')
  })

  it('leave short answers as they are', async () => {
    const response = await ask({ query: '{ __typename }' }, { 'accept-encoding': 'br' })
    expect(response.headers.get('content-encoding')).toBeNull()
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } })
  })
})

describe('an oversized request', () => {
  const server = listenDuringTests(createHttpHandler(() => false))
  const url = () => `${server.origin}/graphql`

  it('is refused with 413 and a French message, while a normal one is answered', async () => {
    const note = 'x'.repeat(maxRequestBytes)
    const refused = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }', variables: { note } }) })
    expect(refused.status).toBe(413)
    expect((await refused.json()).errors[0].message).toMatch(/Requête trop volumineuse/)
    const answered = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) })
    expect(await answered.json()).toEqual({ data: { __typename: 'Query' } })
  })
})

describe('a request that fails unexpectedly', () => {
  it('gets a 500 and the server goes on answering', async () => {
    let failNext = true
    const server = await listen(createHttpHandler(() => {
      if (failNext) {
        failNext = false
        throw new Error('disque illisible')
      }
      return false
    }))
    const base = server.origin
    const silence = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const failed = await fetch(`${base}/commune/${inseeCode}`)
      expect(failed.status).toBe(500)
      expect(await failed.text()).toMatch(/Erreur interne du serveur/)
      expect(silence).toHaveBeenCalled()
      const next = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) })
      expect(await next.json()).toEqual({ data: { __typename: 'Query' } })
    } finally {
      silence.mockRestore()
      await server.close()
    }
  })
})
