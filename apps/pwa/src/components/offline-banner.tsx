import { Show } from 'solid-js'
import { isOnline, lastSync } from '../lib/connectivity.ts'
import { formatDateTime } from '../lib/format.ts'

/** Says the screen shows stored data, and from when, whenever the server cannot be reached. */
export function OfflineBanner() {
  return (
    <Show when={!isOnline()}>
      <p class="offline-banner" role="status">
        <strong>Hors ligne</strong> — données du {lastSync() ? formatDateTime(lastSync()!) : 'dernier passage sur cet appareil'}
      </p>
    </Show>
  )
}
