import { PrismaClient } from './generated/sqlite/client.ts'
import { PrismaClient as PostgresPrismaClient } from './generated/postgresql/client.ts'
import { createAdapterFactory } from './db/adapters.ts'
import { databaseConfig, type DatabaseConfig } from './db/database-config.ts'

export type Db = PrismaClient

type SqlListener = (sql: string) => void
const sqlListeners = new Set<SqlListener>()

/** Calls `listener` with every SQL statement the client sends until the returned function is called. */
export function onSql(listener: SqlListener): () => void {
  sqlListeners.add(listener)
  return () => sqlListeners.delete(listener)
}

/**
 * A Prisma client for the configured database. Both generated clients share one model, so the
 * SQLite client's type describes either (each client refuses the other provider's adapter).
 */
export function createDb(config: DatabaseConfig): Db {
  const options = { adapter: createAdapterFactory(config), log: [{ emit: 'event' as const, level: 'query' as const }] }
  const client = config.provider === 'sqlite' ? new PrismaClient(options) : (new PostgresPrismaClient(options) as unknown as PrismaClient<'query'>)
  client.$on('query', (event) => {
    for (const listener of sqlListeners) listener(event.query)
  })
  return client as Db
}

export const dbConfig = databaseConfig()
export const db = createDb(dbConfig)
