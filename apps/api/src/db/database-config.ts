import path from 'node:path'
import { ConfigError } from '../config-error.ts'

export type DatabaseConfig =
  | { provider: 'sqlite'; file: string }
  | { provider: 'postgresql'; url: string }

export const defaultSqliteFile = path.resolve(import.meta.dirname, '../../../../data/mutualis.db')

/** Reads DATABASE_URL: unset → the embedded SQLite file; `file:` → SQLite; `postgres(ql)://` → PostgreSQL. */
export function databaseConfig(url = process.env.DATABASE_URL): DatabaseConfig {
  if (!url) return { provider: 'sqlite', file: defaultSqliteFile }
  if (url.startsWith('file:')) {
    const file = url.slice('file:'.length)
    if (!file) throw new ConfigError('DATABASE_URL « file: » ne désigne aucun fichier (exemple : file:./data/mutualis.db).')
    return { provider: 'sqlite', file: path.resolve(file) }
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: 'postgresql', url }
  const scheme = url.split(':')[0]
  throw new ConfigError(
    `DATABASE_URL commence par « ${scheme}: », schéma non pris en charge : utilisez file:… (SQLite) ou postgres://… (PostgreSQL).`,
  )
}

/** The same location with its password hidden, for messages and logs. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.provider === 'sqlite') return `SQLite ${config.file}`
  const url = new URL(config.url)
  if (url.password) url.password = '***'
  return `PostgreSQL ${url.toString()}`
}
