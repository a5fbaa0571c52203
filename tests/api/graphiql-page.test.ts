import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { analystExamples } from '@mutualis/api/analytics/analyst-examples.ts'
import { createHttpHandler } from '@mutualis/api/http/handler.ts'
import { yoga } from '@mutualis/api/http/yoga.ts'
import { listenDuringTests } from '../fixtures/http-server.ts'

const openGraphiQL = (headers: Record<string, string> = {}) =>
  yoga.fetch('http://mutualis.test/graphql', { headers: { accept: 'text/html,application/xhtml+xml', ...headers } })

/** The addresses a browser would fetch to build the page: scripts, styles, icons. */
const loadedAddresses = (html: string) =>
  [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)].map((match) => match[1])

describe('GraphiQL at /graphql in a browser', () => {
  const server = listenDuringTests(createHttpHandler(() => false))

  it('is a French page that loads nothing from another site (council networks filter CDNs)', async () => {
    const response = await fetch(`${server.origin}/graphql`, { headers: { accept: 'text/html' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await response.text()
    expect(html).toMatch(/<html lang="fr">/)
    expect(html).toContain('<title>Mutualis — API GraphQL (GraphiQL)</title>')
    expect(html).toContain('YogaGraphiQL.renderYogaGraphiQL') // the bundle itself, inline
    const addresses = loadedAddresses(html)
    expect(addresses.length).toBeGreaterThan(0)
    for (const address of addresses) expect(address).not.toMatch(/^(?:[a-z][a-z0-9+.-]*:)?\/\//i)
  })

  it('opens the analysts’ examples as tabs', async () => {
    const html = await (await openGraphiQL()).text()
    for (const example of analystExamples) expect(html).toContain(JSON.stringify(`# ${example.title}`).slice(1, -1))
  })

  it('comes compressed, about a quarter of its 9 MB, and the same page once decoded', async () => {
    const plain = Buffer.from(await (await openGraphiQL()).arrayBuffer())
    const gzipped = await openGraphiQL({ 'accept-encoding': 'gzip' })
    expect(gzipped.headers.get('content-encoding')).toBe('gzip')
    const gzipBody = Buffer.from(await gzipped.arrayBuffer())
    expect(Number(gzipped.headers.get('content-length'))).toBe(gzipBody.length)
    expect(gzipBody.length).toBeLessThan(plain.length / 3)
    expect(zlib.gunzipSync(gzipBody).equals(plain)).toBe(true)
    const brotli = await openGraphiQL({ 'accept-encoding': 'gzip, deflate, br' })
    expect(brotli.headers.get('content-encoding')).toBe('br')
    expect(zlib.brotliDecompressSync(Buffer.from(await brotli.arrayBuffer())).equals(plain)).toBe(true)
  })

  it('is cached by the browser and revalidated: coming back downloads nothing', async () => {
    const first = await openGraphiQL({ 'accept-encoding': 'br' })
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^".+"$/)
    expect(first.headers.get('cache-control')).toBe('no-cache')
    expect(first.headers.get('vary')).toMatch(/Accept-Encoding/)
    const again = await openGraphiQL({ 'accept-encoding': 'br', 'if-none-match': etag! })
    expect(again.status).toBe(304)
    expect((await again.arrayBuffer()).byteLength).toBe(0)
  })
})
