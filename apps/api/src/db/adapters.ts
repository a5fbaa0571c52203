import fs from 'node:fs'
import path from 'node:path'
import { PrismaLibSql } from '@prisma/adapter-libsql'
import { PrismaPg } from '@prisma/adapter-pg'
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlMigrationAwareDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils'
import pg from 'pg'
import { ConfigError } from '../config-error.ts'
import type { DatabaseConfig } from './database-config.ts'

const PG_CHAR_OID = 18
const PG_TEXT_OID = 25

/**
 * The schema engine cannot read PostgreSQL catalog columns of type "char" (OID 18);
 * reporting them as text is lossless for the single-letter codes they hold.
 */
class CatalogFriendlyClient extends pg.Client {
  // pg's overloads cannot be restated one by one; every call goes through unchanged but the type ids.
  override query(...args: any[]): any {
    const fix = (res: pg.QueryResult) => {
      for (const field of res?.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID
      return res
    }
    const callback = args.at(-1)
    if (typeof callback === 'function') {
      args[args.length - 1] = (error: Error | null, res: pg.QueryResult) => callback(error, error ? res : fix(res))
      return (super.query as (...a: unknown[]) => unknown)(...args)
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args)
    return result instanceof Promise ? result.then(fix) : result
  }
}

export function ensureSqliteDirectory(file: string) {
  const dir = path.dirname(file)
  try {
    fs.mkdirSync(dir, { recursive: true })
    fs.accessSync(dir, fs.constants.W_OK)
  } catch {
    throw new ConfigError(`Le dossier de données ${dir} n'est pas accessible en écriture : choisissez-en un autre avec DATABASE_URL=file:/chemin/mutualis.db.`)
  }
}

export interface AdapterOptions {
  /** Connections in the PostgreSQL pool (DATABASE_POOL_SIZE, default 10). */
  poolSize?: number
  /** The schema engine needs the "char" workaround. */
  forSchemaEngine?: boolean
}

export function createAdapterFactory(config: DatabaseConfig, options: AdapterOptions = {}) {
  if (config.provider === 'sqlite') {
    ensureSqliteDirectory(config.file)
    return isolatedSqlite(sqliteFactory(config.file))
  }
  const poolSize = options.poolSize ?? Number(process.env.DATABASE_POOL_SIZE ?? 10)
  return new PrismaPg({
    connectionString: config.url,
    max: poolSize,
    ...(options.forSchemaEngine ? { Client: CatalogFriendlyClient } : {}),
  })
}

export const sqliteDrivers = ['libsql', 'better-sqlite3'] as const
export type SqliteDriver = (typeof sqliteDrivers)[number]

/** SQLITE_DRIVER: libsql by default, better-sqlite3 for comparison (`pnpm --filter @mutualis/api bench:driver`). */
export function sqliteDriver(value = process.env.SQLITE_DRIVER): SqliteDriver {
  if (!value) return 'libsql'
  if ((sqliteDrivers as readonly string[]).includes(value)) return value as SqliteDriver
  throw new ConfigError(`SQLITE_DRIVER=${value} : pilote SQLite inconnu (${sqliteDrivers.join(' ou ')}).`)
}

// libsql ships prebuilt binaries as npm packages; better-sqlite3 compiles at install (its prebuilt
// binaries are not on the npm registry), so it is no dependency: it loads only when installed by hand.
// A variable specifier keeps the type checker from requiring it.
const betterSqlite3Adapter = '@prisma/adapter-better-sqlite3'
const betterSqlite3: { PrismaBetterSqlite3: new (options: { url: string }) => SqlMigrationAwareDriverAdapterFactory } | null =
  sqliteDriver() === 'better-sqlite3'
    ? await import(betterSqlite3Adapter).catch(() => {
        throw new ConfigError("SQLITE_DRIVER=better-sqlite3 : installez-le d'abord (pnpm --filter @mutualis/api add @prisma/adapter-better-sqlite3@7.10 better-sqlite3@12 ; il se compile à l'installation).")
      })
    : null

function sqliteFactory(file: string): SqlMigrationAwareDriverAdapterFactory {
  const url = `file:${file}`
  return betterSqlite3 ? new betterSqlite3.PrismaBetterSqlite3({ url }) : new PrismaLibSql({ url })
}

/**
 * The embedded database is written by one process. better-sqlite3's adapter queues transactions
 * behind each other but runs any other statement at once on the same connection: while a request's
 * transaction waits between two statements, another request's statement would run inside it —
 * reading what is not committed, and writing what its rollback would take away. libsql's adapter
 * happens to hold such statements back; this makes it our guarantee whatever the driver: statements
 * outside a transaction wait until no transaction is open or queued. Writes are short, so the wait is too.
 */
function isolatedSqlite<Factory extends SqlDriverAdapterFactory>(factory: Factory): Factory {
  const connect = factory.connect.bind(factory)
  factory.connect = async () => isolated(await connect())
  return factory
}

function isolated(adapter: SqlDriverAdapter): SqlDriverAdapter {
  let transactions = 0
  let idle = Promise.resolve()
  let markIdle = () => {}
  const ended = () => {
    if (--transactions === 0) markIdle()
  }
  const afterTransactions = async () => {
    while (transactions > 0) await idle
  }
  return Object.assign(Object.create(adapter) as SqlDriverAdapter, {
    queryRaw: async (query: Parameters<SqlDriverAdapter['queryRaw']>[0]) => (await afterTransactions(), adapter.queryRaw(query)),
    executeRaw: async (query: Parameters<SqlDriverAdapter['executeRaw']>[0]) => (await afterTransactions(), adapter.executeRaw(query)),
    executeScript: async (script: string) => (await afterTransactions(), adapter.executeScript(script)),
    startTransaction: async (isolationLevel?: Parameters<SqlDriverAdapter['startTransaction']>[0]): Promise<Transaction> => {
      if (transactions++ === 0) idle = new Promise<void>((resolve) => (markIdle = resolve))
      let transaction: Transaction
      try {
        transaction = await adapter.startTransaction(isolationLevel)
      } catch (error) {
        ended()
        throw error
      }
      const settle = (finish: () => Promise<void>) => async () => {
        try {
          await finish()
        } finally {
          ended()
        }
      }
      return Object.assign(Object.create(transaction) as Transaction, {
        commit: settle(() => transaction.commit()),
        rollback: settle(() => transaction.rollback()),
      })
    },
  })
}
