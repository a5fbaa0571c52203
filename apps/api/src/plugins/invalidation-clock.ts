import { Redis } from 'ioredis'

/**
 * A value that changes whenever data an answer may depend on has changed. Cache keys embed the
 * value read before execution, so after a write no request can reach an answer computed before it.
 */
export interface InvalidationClock {
  read(): Promise<string>
  advance(): Promise<void>
}

/** One process owns its data (the embedded SQLite default): a counter in memory is enough. */
export function memoryClock(): InvalidationClock {
  let generation = 0
  return { read: async () => String(generation), advance: async () => void generation++ }
}

/**
 * Several API processes share the database: the clock lives in Redis, read on every request
 * (one GET) so that a write acknowledged by one process is seen by the next read on any other.
 */
export function redisClock(url: string, key = 'mutualis:response-cache:generation'): InvalidationClock {
  // Without the offline queue a Redis outage fails fast, and the request bypasses the cache.
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, enableAutoPipelining: true })
  let warned = false
  redis.on('error', (error: Error) => {
    if (!warned) console.error(`Cache de réponses : Redis injoignable (${error.message}) ; les lectures contournent le cache.`)
    warned = true
  })
  redis.on('ready', () => (warned = false))
  return { read: async () => (await redis.get(key)) ?? '0', advance: async () => void (await redis.incr(key)) }
}

const writeStatement = /^\s*(insert|update|delete|replace|create|drop|alter|truncate|commit)\b/i
const usageUpdate = /^\s*update\s+\S*?[`"](?:Session|ApiToken)[`"]\s+set\s+(.+?)\s+where\b/is
const usageColumns = new Set(['lastSeenAt', 'lastUsedAt'])

/**
 * Whether a statement the Prisma client sent can change what a query answers. Recording when a
 * session or token was last used is the one write no answer shows (it happens on every request).
 */
export function changesAnswers(sql: string): boolean {
  if (!writeStatement.test(sql)) return false
  const assignments = usageUpdate.exec(sql)?.[1].split(',')
  return !assignments?.every((assignment) => usageColumns.has(/^\s*[`"](\w+)[`"]\s*=/.exec(assignment)?.[1] ?? ''))
}
