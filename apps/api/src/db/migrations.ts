import fs from 'node:fs'
import path from 'node:path'
import type { MigrationList } from '@prisma/schema-engine-wasm'
import { createAdapterFactory } from './adapters.ts'
import type { DatabaseConfig } from './database-config.ts'
import { openSchemaEngine, prismaDir } from './schema-engine.ts'

export const noFilters = { externalTables: [], externalEnums: [] }

export function migrationsDir(provider: DatabaseConfig['provider']) {
  return path.join(prismaDir, provider, 'migrations')
}

/** The checked-in migrations of one provider, in the shape the schema engine reads. */
export function readMigrations(provider: DatabaseConfig['provider']): MigrationList {
  const baseDir = migrationsDir(provider)
  const lockPath = path.join(baseDir, 'migration_lock.toml')
  const directories = fs.existsSync(baseDir)
    ? fs.readdirSync(baseDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
    : []
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: directories.map((name) => ({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: fs.readFileSync(path.join(baseDir, name, 'migration.sql'), 'utf8') } },
    })),
  }
}

/** Applies the migrations the database does not have yet; returns their names. */
export async function applyMigrations(config: DatabaseConfig): Promise<string[]> {
  const { engine, explain, close } = await openSchemaEngine(config.provider, createAdapterFactory(config, { forSchemaEngine: true, poolSize: 1 }))
  try {
    const result = await engine.applyMigrations({ migrationsList: readMigrations(config.provider), filters: noFilters })
    return result.appliedMigrationNames
  } catch (error) {
    throw explain(error)
  } finally {
    await close()
  }
}
