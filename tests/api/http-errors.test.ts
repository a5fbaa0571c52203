import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createHttpHandler } from '@mutualis/api/http/handler.ts'
import { staticFiles } from '@mutualis/api/http/static-files.ts'
import { listenDuringTests, rawRequest } from '../fixtures/http-server.ts'

// The whole HTTP surface as the server runs it, with a built PWA (its shell) to serve.
const build = fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-http-errors-'))
fs.writeFileSync(path.join(build, 'index.html'), '<!doctype html><title>Mutualis</title>')
const server = listenDuringTests(createHttpHandler(staticFiles(build)))
const get = (pathname: string) => rawRequest(server.port, pathname)

describe('a malformed request is the caller’s mistake (4xx), never a server error', () => {
  it('names the export parameter whose global id is malformed', async () => {
    const answer = await get('/export/actions.csv?domain=!!!')
    expect(answer.status).toBe(400)
    expect(answer.body.toString()).toMatch(/« domain ».*identifiant/)
    const participations = await get('/export/participations.xlsx?organisation=pas-un-id')
    expect(participations.status).toBe(400)
    expect(participations.body.toString()).toMatch(/« organisation »/)
  })

  it.each([
    ['a NUL byte', '/%00'],
    ['a NUL byte in an asset path', '/assets/index%00.js'],
    ['an 8,000-character path', `/${'a'.repeat(8000)}`],
    ['a malformed escape', '/%E0%A4'],
  ])('answers a path with %s with 400 or 404', async (_case, pathname) => {
    const answer = await get(pathname)
    expect([400, 404]).toContain(answer.status)
  })

  it('answers a path through a file like any unknown page: with the app', async () => {
    const answer = await get('/index.html/suite')
    expect(answer.status).toBe(200)
    expect(answer.body.toString()).toContain('<title>Mutualis</title>')
  })
})

describe('an address the server cannot read as its own', () => {
  it.each([
    ['an asterisk target', '*', {}],
    ['an absolute target meant for a proxy', 'http://ailleurs.example/graphql', {}],
    ['a Host with a space', '/', { host: 'a b' }],
    ['a Host with a port past 65535', '/%00', { host: 'localhost:99999' }],
  ])('%s: 400 in French', async (_case, target, headers) => {
    const answer = await rawRequest(server.port, target, { headers })
    expect(answer.status).toBe(400)
    expect(answer.body.toString()).toMatch(/invalide/)
  })
})

it.each([['//'], ['//ailleurs.example/rapport'], ['/\\ailleurs.example']])('reads %s as a path of this server, never as another host (500 before)', async (target) => {
  const answer = await rawRequest(server.port, target)
  expect(answer.status).toBeLessThan(500)
})

it.each([['/graphql'], ['/graphql/../rapport'], ['/export/actions.csv']])('TRACE %s: 405, not 500', async (target) => {
  const answer = await rawRequest(server.port, target, { method: 'TRACE' })
  expect(answer.status).toBe(405)
})
