import { Show } from 'solid-js'
import { isOnline, lastSync } from '../lib/connectivity.ts'
import { formatDateTime, formatShortMoment } from '../lib/format.ts'
import { canGoBack, currentLocation } from '../lib/router.ts'

const screenTitles: Array<[string, string]> = [
  ['/offre', 'Offre'],
  ['/action', 'Action'],
  ['/commune', 'Ma commune'],
  ['/recherche', 'Recherche'],
  ['/tableau-de-bord', 'Tableau de bord'],
  ['/connexion', 'Connexion'],
  ['/saisies', 'Mes saisies'],
  ['/compte', 'Compte'],
]

/** The screen's name in a slim bar, a way back from a detail, and the offline state as a chip. */
export function TopBar() {
  const path = () => currentLocation().pathname
  const title = () => (path() === '/' ? 'Ma commune' : (screenTitles.find(([prefix]) => path().startsWith(prefix))?.[1] ?? 'Mutualis'))
  const detail = () => ['/offre', '/action'].some((prefix) => path().startsWith(prefix)) || /^\/commune\/[^/]+\/cout$/.test(path())
  return (
    <header class="top-bar">
      <Show when={detail() && canGoBack()} fallback={<img src="/icons/favicon-32.png" alt="" width="24" height="24" class="top-logo" />}>
        <button type="button" class="top-back" onClick={() => history.back()}>
          <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
            <path d="M15 5l-7 7 7 7" />
          </svg>
          <span class="visually-hidden">Retour</span>
        </button>
      </Show>
      <p class="top-title">{title()}</p>
      <Show when={!isOnline()}>
        <p class="offline-chip" role="status" title={lastSync() ? `Données du ${formatDateTime(lastSync()!)}` : undefined}>
          <span aria-hidden="true">Hors ligne · {lastSync() ? formatShortMoment(lastSync()!) : 'données gardées'}</span>
          <span class="visually-hidden">
            Hors ligne — données du {lastSync() ? formatDateTime(lastSync()!) : 'dernier passage sur cet appareil'}
          </span>
        </p>
      </Show>
    </header>
  )
}
