// Writes a new migration for both providers from the change in prisma/models.prisma, offline.
// Usage: pnpm --filter @mutualis/api migration:create <name>
// The engine replays the existing migrations into a scratch shadow database (a temp SQLite file; a
// temp PostgreSQL database on MIGRATION_POSTGRES_URL, default the local server) and diffs it with
// the model, so no migration tooling ever touches a database you care about.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { createAdapterFactory } from '../src/db/adapters.ts'
import type { DatabaseConfig } from '../src/db/database-config.ts'
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery } from '@prisma/driver-adapter-utils'
import { migrationsDir, noFilters, readMigrations } from '../src/db/migrations.ts'
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

/**
 * SQLite's shadow database replays migrations as multi-statement SQL, which a prepared statement
 * does not run (better-sqlite3 refuses it, libsql silently runs the first statement only): route such
 * parameterless SQL to executeScript.
 */
function scriptFriendly(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const isScript = (query: SqlQuery) => query.args.length === 0 && /;\s*\S/.test(query.sql.trim())
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === 'executeRaw') return async (query: SqlQuery) => (isScript(query) ? (await target.executeScript(query.sql), 0) : target.executeRaw(query))
      if (property === 'queryRaw')
        return async (query: SqlQuery) =>
          isScript(query) ? (await target.executeScript(query.sql), { columnNames: [], columnTypes: [], rows: [] }) : target.queryRaw(query)
      const value = Reflect.get(target, property, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

/** The main connection goes to one scratch database, the shadow (migrations replayed) to another. */
async function diffFor(provider: DatabaseConfig['provider']): Promise<string> {
  return withScratchDatabase(provider, (main) =>
    withScratchDatabase(provider, async (shadow) => {
      const mainFactory = createAdapterFactory(main, { forSchemaEngine: true, poolSize: 1 })
      const shadowFactory = createAdapterFactory(shadow, { forSchemaEngine: true, poolSize: 1 })
      const factory: SqlMigrationAwareDriverAdapterFactory = {
        provider: mainFactory.provider,
        adapterName: mainFactory.adapterName,
        connect: () => mainFactory.connect(),
        connectToShadowDb: async () => {
          const adapter = await shadowFactory.connect()
          return provider === 'sqlite' ? scriptFriendly(adapter) : adapter
        },
      }
      const { engine, explain, close } = await openSchemaEngine(provider, factory)
      try {
        const list = readMigrations(provider)
        const from = list.migrationDirectories.length ? { tag: 'migrations' as const, ...list } : { tag: 'empty' as const }
        const result = await engine.diff({ from, to: { tag: 'schemaDatamodel', files: schemaFiles(provider) }, script: true, exitCode: null, filters: noFilters })
        return result.stdout ?? ''
      } catch (error) {
        throw explain(error)
      } finally {
        await close()
      }
    }),
  )
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
