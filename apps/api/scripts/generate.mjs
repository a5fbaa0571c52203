// Generates both Prisma clients (SQLite and PostgreSQL) and the Pothos types, offline.
// `prisma generate` never runs the native schema engine, but the CLI insists that one exists:
// point it at any file so it does not try to download it.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const cli = require.resolve('prisma/build/index.js')
const bin = path.resolve('node_modules/.bin')
const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false', CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' }

for (const provider of ['sqlite', 'postgresql']) {
  execFileSync(process.execPath, [cli, 'generate', '--schema', `prisma/${provider}`], { env, stdio: ['ignore', 'ignore', 'inherit'] })
}
// The enums are needed by the pure rules of packages/domain, which the PWA runs too: hand them the
// generated file rather than a hand-written duplicate.
const domainGenerated = path.resolve('../../packages/domain/src/generated')
fs.mkdirSync(domainGenerated, { recursive: true })
fs.copyFileSync('src/generated/sqlite/enums.ts', path.join(domainGenerated, 'enums.ts'))
console.log('Prisma clients generated (sqlite, postgresql), enums shared with packages/domain.')
