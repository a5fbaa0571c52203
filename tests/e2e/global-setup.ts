// Builds the PWA once and starts the real server (API + built app on one port, as `pnpm start`
// does) on a free port with a fresh SQLite database. Every e2e file talks to this one server.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { listen } from '../fixtures/http-server.ts'
import { freePort, startServer, waitForOutput } from '../fixtures/server-process.ts'
import { findChromium } from './chromium.mjs'
import { serveOtherSite } from './other-site.ts'

const pwaDir = path.resolve(import.meta.dirname, '../../apps/pwa')

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    /** Another site of 127.0.0.1 that the server trusts with sessions (ALLOWED_ORIGINS). */
    partnerOrigin: string
  }
}

export default async function setup(project: TestProject) {
  // Found (and unpacked, for the npm one) once here, before the test files ask for it.
  console.log(`Navigateur des tests : ${(await findChromium()).source}`)
  // Vitest runs with NODE_ENV=test, which would make Vite build a development bundle (no service worker).
  execFileSync(path.join(pwaDir, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: pwaDir, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-e2e-'))
  const port = await freePort()
  // Listening before the server starts, so its port is the one ALLOWED_ORIGINS names.
  const partner = await listen(serveOtherSite)
  const server = startServer({ PORT: String(port), DATABASE_URL: `file:${path.join(dataDir, 'e2e.db')}`, NODE_ENV: 'test', ALLOWED_ORIGINS: partner.origin })
  await waitForOutput(server, /GraphQL \(GraphiQL\) : http:\/\/localhost:\d+\/graphql/, 90_000)
  project.provide('baseUrl', `http://localhost:${port}`)
  project.provide('partnerOrigin', partner.origin)
  return async () => {
    server.child.kill()
    await Promise.all([server.exited, partner.close()])
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
