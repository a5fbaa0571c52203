import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { staticFiles } from '../../apps/api/src/http/static-files.ts'
import { negotiateEncoding } from '../../apps/api/src/http/compression.ts'
import { listenDuringTests, rawRequest } from '../fixtures/http-server.ts'

// A build like the PWA's: a shell, a hashed script, an icon.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-static-'))
const script = `export const communes = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ name: `Commune ${i}`, insee: 21000 + i })))}\n`
const icon = zlib.deflateSync(Buffer.alloc(4096, 7)) // binary, as a PNG is
fs.mkdirSync(path.join(root, 'assets'))
fs.mkdirSync(path.join(root, 'icons'))
fs.writeFileSync(path.join(root, 'index.html'), `<!doctype html><title>Mutualis</title>${'<!-- shell -->'.repeat(100)}`)
fs.writeFileSync(path.join(root, 'assets', 'index-abc123.js'), script)
fs.writeFileSync(path.join(root, 'icons', 'icon-192.png'), icon)
fs.writeFileSync(path.join(os.tmpdir(), 'mutualis-static-secret.txt'), 'not part of the build')

const serve = staticFiles(root, { warm: true })
const server = listenDuringTests((req, res) => {
  if (!serve(req, res)) res.writeHead(404).end('not static')
})
const get = (pathname: string, headers: Record<string, string> = {}) => rawRequest(server.port, pathname, { headers })

beforeAll(() => serve.compressed())

describe('serving the built PWA', () => {
  it('sends scripts brotli-compressed to browsers that accept it, and the bytes decode to the file', async () => {
    const answer = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate, br' })
    expect(answer.headers['content-encoding']).toBe('br')
    expect(answer.headers.vary).toBe('Accept-Encoding')
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length)
    expect(answer.body.length).toBeLessThan(script.length / 4)
    expect(zlib.brotliDecompressSync(answer.body).toString()).toBe(script)
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('falls back to gzip, then to the plain file', async () => {
    const gzipped = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip' })
    expect(gzipped.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gzipped.body).toString()).toBe(script)
    const plain = await get('/assets/index-abc123.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(script)
    const refused = await get('/assets/index-abc123.js', { 'accept-encoding': 'br;q=0, gzip;q=0' })
    expect(refused.body.toString()).toBe(script)
  })

  it('leaves images as they are', async () => {
    const answer = await get('/icons/icon-192.png', { 'accept-encoding': 'br, gzip' })
    expect(answer.headers['content-type']).toBe('image/png')
    expect(answer.headers['content-encoding']).toBeUndefined()
    expect(answer.body.equals(icon)).toBe(true)
  })

  it('revalidates the shell: no-cache, then 304 while it has not changed', async () => {
    const first = await get('/', { 'accept-encoding': 'br' })
    expect(first.headers['cache-control']).toBe('no-cache')
    expect(zlib.brotliDecompressSync(first.body).toString()).toContain('<title>Mutualis</title>')
    const again = await get('/', { 'if-none-match': String(first.headers.etag) })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
  })

  it('answers client routes with the shell and never reads outside the build', async () => {
    const route = await get('/commune/21166')
    expect(route.body.toString()).toContain('<title>Mutualis</title>')
    const escape = await get('/../mutualis-static-secret.txt')
    expect(escape.body.toString()).not.toContain('not part of the build')
    const encoded = await get('/%2e%2e/mutualis-static-secret.txt')
    expect(encoded.body.toString()).not.toContain('not part of the build')
  })
})

describe('negotiating the encoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['identity', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('Accept-Encoding %j → %j', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected)
  })
})
