import { advanceEverywhere } from '../src/plugins/invalidation-clock.ts'

/**
 * After a command's write has committed: the servers sharing Redis stop serving answers computed
 * before it. Without Redis (one process on SQLite) they hold until their 60 s expire.
 */
export async function tellServers(): Promise<void> {
  const url = process.env.REDIS_URL
  if (!url) return
  try {
    await advanceEverywhere(url)
  } catch (error) {
    console.error(`Cache de réponses : Redis injoignable (${(error as Error).message}) ; les serveurs verront ce changement d’ici 60 s.`)
  }
}
