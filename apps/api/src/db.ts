import { PrismaClient } from './generated/sqlite/client.ts'
import { PrismaClient as PostgresPrismaClient } from './generated/postgresql/client.ts'
import { createAdapterFactory } from './db/adapters.ts'
import { databaseConfig, type DatabaseConfig } from './db/database-config.ts'
import { observedWrites } from './db/observed-writes.ts'
import { openingScope } from './db/write-scopes.ts'

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
 * SQLite client's type describes either (each client refuses the other provider's adapter). Its
 * writes are reported to the response cache (db/observed-writes.ts), each interactive transaction
 * to the write scope of the code that opened it.
 */
export function createDb(config: DatabaseConfig): Db {
  const options = { adapter: observedWrites(createAdapterFactory(config)), log: [{ emit: 'event' as const, level: 'query' as const }] }
  const client = config.provider === 'sqlite' ? new PrismaClient(options) : (new PostgresPrismaClient(options) as unknown as PrismaClient<'query'>)
  client.$on('query', (event) => {
    for (const listener of sqlListeners) listener(event.query)
  })
  const transaction = client.$transaction.bind(client) as (...args: unknown[]) => unknown
  // Only an interactive transaction (a callback) is opened in its caller's scope; a batch is sent from
  // wherever the client queues it, and counts as a write made anywhere.
  Object.assign(client, { $transaction: (...args: unknown[]) => (typeof args[0] === 'function' ? openingScope(() => transaction(...args)) : transaction(...args)) })
  return client as Db
}

export const dbConfig = databaseConfig()
export const db = createDb(dbConfig)
