import { Redis } from 'ioredis'

/**
 * When each part of the data last changed, on a clock that moves at every write. An answer is
 * stamped with the time read before it was computed and names the parts it depends on (the
 * territories it shows, its reader); it holds while none of them changed after its stamp. Parts
 * are named by answer-scope.ts: `territory:<id>`, `siren:<SIREN>`, `user:<id>`, `territories` (any
 * territory: national lists) and `anywhere` (writes whose territory is not known, which every
 * answer depends on).
 */
export interface InvalidationClock {
  /** The current time, read before an answer is computed. */
  now(): Promise<number>
  /** Whether any of `parts` changed after `since`: one round trip. */
  changedSince(parts: readonly string[], since: number): Promise<boolean>
  /** Records a write to `parts`, before it is acknowledged. */
  advance(parts: readonly string[]): Promise<void>
}

/** One process owns its data (the embedded SQLite default): the clock is in memory. */
export function memoryClock(): InvalidationClock {
  let time = 0
  const changed = new Map<string, number>()
  return {
    now: async () => time,
    changedSince: async (parts, since) => parts.some((part) => (changed.get(part) ?? 0) > since),
    advance: async (parts) => {
      time++
      for (const part of parts) changed.set(part, time)
    },
  }
}

/**
 * Moves the clock and stamps the parts, atomically. A clock Redis no longer has (restarted without
 * persistence, flushed) starts again from its server time in microseconds, past any stamp it gave
 * before: an answer cached by a process before the loss is then older than any new write.
 */
const advanceScript = `
local now = redis.call('INCR', KEYS[1])
if now == 1 then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000000 + tonumber(t[2])
end
-- As an integer: Lua would write a number this large in exponent notation.
local stamp = string.format('%d', now)
for i = 1, #KEYS do redis.call('SET', KEYS[i], stamp) end
return stamp
`

/**
 * Several API processes share the database: the clock lives in Redis, so that a write acknowledged
 * by one process is seen by the next read on any other. A hit costs one MGET of the answer's parts,
 * a miss one GET of the time. Redis must keep these keys (no eviction: `maxmemory-policy noeviction`
 * or a `volatile-*` policy; the keys have no expiry), one per territory, SIREN and signed-in user.
 */
export function redisClock(url: string, prefix = 'mutualis:response-cache'): InvalidationClock {
  // Without the offline queue a Redis outage fails fast, and the request bypasses the cache.
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, enableAutoPipelining: true })
  let warned = false
  redis.on('error', (error: Error) => {
    if (!warned) console.error(`Cache de réponses : Redis injoignable (${error.message}) ; les lectures contournent le cache.`)
    warned = true
  })
  redis.on('ready', () => (warned = false))
  return clockOn(redis, prefix)
}

/**
 * A command-line write (an import, a territory's refresh, an account) reaches no server's listener:
 * the command tells the servers sharing Redis itself, once its transaction has committed. Without
 * Redis (one process on SQLite), the server's answers hold until their 60 s expire.
 */
export async function advanceEverywhere(url: string, prefix = 'mutualis:response-cache'): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 5_000 })
  try {
    await clockOn(redis, prefix).advance(['anywhere'])
  } finally {
    redis.disconnect()
  }
}

function clockOn(redis: Redis, prefix: string): InvalidationClock {
  const clockKey = `${prefix}:clock`
  const key = (part: string) => `${prefix}:changed:${part}`
  return {
    now: async () => Number((await redis.get(clockKey)) ?? 0),
    changedSince: async (parts, since) => {
      const [clock, ...changed] = await redis.mget(clockKey, ...parts.map(key))
      // No clock while answers were stamped: Redis lost its keys, and with them what changed.
      if (clock === null) return since > 0
      return changed.some((value) => Number(value ?? 0) > since)
    },
    advance: async (parts) => void (await redis.eval(advanceScript, parts.length + 1, clockKey, ...parts.map(key))),
  }
}
