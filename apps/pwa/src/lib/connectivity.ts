import { createSignal } from 'solid-js'
import { readStored, store } from './device-storage.ts'
import { takePreloaded } from './preload.ts'

// Whether the server can be reached, and when data last came from it: the basis of the
// « Hors ligne — données du … » banner. navigator.onLine alone misses a dead meeting-room Wi-Fi,
// so a failed request also counts as offline until the next one succeeds.
const lastSyncKey = 'mutualis.lastSync'

const [browserOnline, setBrowserOnline] = createSignal(typeof navigator === 'undefined' ? true : navigator.onLine)
const [serverReachable, setServerReachable] = createSignal(true)
const [lastSync, setLastSync] = createSignal<Date | null>(readLastSync())

function readLastSync(): Date | null {
  const stored = readStored(lastSyncKey)
  return stored ? new Date(stored) : null
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => setBrowserOnline(true))
  window.addEventListener('offline', () => setBrowserOnline(false))
}

export const isOnline = () => browserOnline() && serverReachable()
export { lastSync }

/** fetch for the GraphQL client that records reachability and the time of the last answer. */
export const trackingFetch: typeof fetch = async (input, init) => {
  try {
    const response = await (takePreloaded(input) ?? fetch(input, init))
    setServerReachable(true)
    if (response.ok) {
      const now = new Date()
      setLastSync(now)
      store(lastSyncKey, now.toISOString())
    }
    return response
  } catch (error) {
    setServerReachable(false)
    throw error
  }
}
