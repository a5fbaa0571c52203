import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { freePort, startServer, waitForOutput, type RunningServer } from '../fixtures/server-process.ts'

const running: RunningServer[] = []
afterEach(() => {
  for (const server of running.splice(0)) server.child.kill()
})
function start(env: Record<string, string>) {
  const server = startServer(env)
  running.push(server)
  return server
}
const freshSqlite = () => `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-start-')), 'mutualis.db')}`

async function expectOneLineFailure(server: RunningServer, pattern: RegExp) {
  expect(await server.exited).toBe(1)
  const lines = server.output().trim().split('\n').filter((line) => line.startsWith('Mutualis n'))
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(pattern)
  expect(server.output()).not.toMatch(/^\s+at /m)
}

describe('starting Mutualis', () => {
  it('migrates and seeds an empty embedded database, then answers GraphQL', async () => {
    const port = await freePort()
    const server = start({ PORT: String(port), DATABASE_URL: freshSqlite() })
    await waitForOutput(server, /GraphQL \(GraphiQL\) : http:\/\/localhost:\d+\/graphql/)
    expect(server.output()).toMatch(/Dijon Métropole chargée : \d+ actions/)
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ communes { name } }' }),
    })
    const body = (await response.json()) as { data: { communes: unknown[] } }
    expect(body.data.communes).toHaveLength(23)
    const graphiql = await fetch(`http://127.0.0.1:${port}/graphql`, { headers: { accept: 'text/html' } })
    expect(await graphiql.text()).toContain('Mutualis — API GraphQL (GraphiQL)')
  })

  it('stops on SIGTERM with one French line and exit code 0', async () => {
    const port = await freePort()
    const server = start({ PORT: String(port), DATABASE_URL: freshSqlite() })
    await waitForOutput(server, /GraphQL \(GraphiQL\)/)
    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
    expect(server.output().trim().split('\n').at(-1)).toBe('Mutualis s’arrête : les requêtes en cours se terminent, puis la base est fermée.')
  })

  it('refuses an unknown database URL scheme in one line', async () => {
    await expectOneLineFailure(start({ DATABASE_URL: 'mysql://root@localhost/mutualis' }), /DATABASE_URL commence par « mysql: »/)
  })

  it('refuses a data directory it cannot write to in one line', async () => {
    const notADirectory = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-start-')), 'a-file')
    fs.writeFileSync(notADirectory, '')
    await expectOneLineFailure(start({ DATABASE_URL: `file:${notADirectory}/data/mutualis.db` }), /n'est pas accessible en écriture/)
  })

  it('says so in one line when the port is taken', async () => {
    const port = await freePort()
    const blocker = net.createServer().listen(port)
    try {
      await expectOneLineFailure(start({ PORT: String(port), DATABASE_URL: freshSqlite() }), new RegExp(`le port ${port} est déjà utilisé`))
    } finally {
      blocker.close()
    }
  })

  it('refuses a PORT that is not a number in one line', async () => {
    await expectOneLineFailure(start({ PORT: 'quatre-mille' }), /PORT « quatre-mille » n'est pas un numéro de port/)
  })

  it('refuses an ALLOWED_ORIGINS entry that is not an origin in one line', async () => {
    const server = start({ PORT: String(await freePort()), DATABASE_URL: freshSqlite(), ALLOWED_ORIGINS: 'https://tableau.metropole.fr, *' })
    await expectOneLineFailure(server, /ALLOWED_ORIGINS : « \* » n'est pas une origine/)
  })
})
