// Writes a new migration for both providers from the change in prisma/models.prisma, offline.
// Usage: pnpm --filter @mutualis/api migration:create <name>
// The "before" state is a scratch database with every existing migration applied (a temp SQLite
// file; a temp PostgreSQL database on MIGRATION_POSTGRES_URL, default the local server), so no
// shadow database is ever pointed at real data.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { createAdapterFactory } from '../src/db/adapters.ts'
import type { DatabaseConfig } from '../src/db/database-config.ts'
import { applyMigrations, migrationsDir, noFilters, readMigrations } from '../src/db/migrations.ts'
import { openSchemaEngine, schemaFiles } from '../src/db/schema-engine.ts'

const name = process.argv[2]
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: migration:create <name> (lower-case letters, digits and _)')
  process.exit(1)
}
const serverUrl = process.env.MIGRATION_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

async function withScratchDatabase<T>(provider: DatabaseConfig['provider'], run: (config: DatabaseConfig) => Promise<T>) {
  if (provider === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-migration-'))
    try {
      return await run({ provider, file: path.join(dir, 'scratch.db') })
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  const database = `mutualis_scratch_${Date.now()}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${database}`)
  try {
    const url = new URL(serverUrl)
    url.pathname = `/${database}`
    return await run({ provider, url: url.toString() })
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    await admin.end()
  }
}

async function diffFor(provider: DatabaseConfig['provider']): Promise<string> {
  return withScratchDatabase(provider, async (config) => {
    const hasHistory = readMigrations(provider).migrationDirectories.length > 0
    if (hasHistory) await applyMigrations(config)
    const { engine, explain, close } = await openSchemaEngine(provider, createAdapterFactory(config, { forSchemaEngine: true, poolSize: 1 }))
    try {
      const to = { tag: 'schemaDatamodel' as const, files: schemaFiles(provider) }
      const from = hasHistory ? { tag: 'schemaDatasource' as const, files: schemaFiles(provider), configDir: path.dirname(to.files[0].path) } : { tag: 'empty' as const }
      const result = await engine.diff({ from, to, script: true, exitCode: null, filters: noFilters })
      return result.stdout ?? ''
    } catch (error) {
      throw explain(error)
    } finally {
      await close()
    }
  })
}

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
for (const provider of ['sqlite', 'postgresql'] as const) {
  const sql = await diffFor(provider)
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log(`${provider}: no change.`)
    continue
  }
  const dir = migrationsDir(provider)
  fs.mkdirSync(path.join(dir, `${stamp}_${name}`), { recursive: true })
  const lock = path.join(dir, 'migration_lock.toml')
  if (!fs.existsSync(lock)) fs.writeFileSync(lock, `provider = "${provider}"\n`)
  fs.writeFileSync(path.join(dir, `${stamp}_${name}`, 'migration.sql'), sql)
  console.log(`${provider}: wrote ${path.relative(process.cwd(), path.join(dir, `${stamp}_${name}`, 'migration.sql'))}`)
}
