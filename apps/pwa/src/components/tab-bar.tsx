import { For, Show, type JSX } from 'solid-js'
import { useOutbox } from '../lib/outbox.ts'
import { rememberedCommune } from '../lib/remembered-commune.ts'
import { currentLocation } from '../lib/router.ts'

// 24 × 24 outlines, drawn with currentColor so the current tab's colour carries over.
const icons: Record<string, JSX.Element> = {
  commune: <path d="M3 10.5 12 3l9 7.5M5.5 9v11h5v-6h3v6h5V9" />,
  search: <path d="M10.5 4a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13Zm4.7 11.2L20.5 20.5" />,
  dashboard: <path d="M4 20V10m5.3 10V4m5.4 16v-7M20 20V7M3 20.5h18" />,
  account: <path d="M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7.5 8.5c.8-3.6 3.8-5.5 7.5-5.5s6.7 1.9 7.5 5.5" />,
}

const tabs = [
  { icon: 'commune', label: 'Ma commune', href: () => (rememberedCommune() ? `/commune/${rememberedCommune()}` : '/'), prefixes: ['/commune', '/offre', '/action'], exact: '/' },
  { icon: 'search', label: 'Recherche', href: () => '/recherche', prefixes: ['/recherche'] },
  { icon: 'dashboard', label: 'Tableau de bord', href: () => '/tableau-de-bord', prefixes: ['/tableau-de-bord'] },
  { icon: 'account', label: 'Compte', href: () => '/compte', prefixes: ['/compte', '/connexion', '/saisies'] },
]

function isCurrent(tab: (typeof tabs)[number]) {
  const path = currentLocation().pathname
  return path === tab.exact || tab.prefixes.some((prefix) => path.startsWith(prefix))
}

/** The four places of the app, at the thumb's reach, as phone apps do. */
export function TabBar() {
  const outbox = useOutbox()
  const toSee = () => outbox.items().filter((item) => item.state === 'pending' || item.state === 'conflict').length
  return (
    <nav class="tab-bar" aria-label="Navigation principale">
      <ul>
        <For each={tabs}>
          {(tab) => (
            <li>
              <a href={tab.href()} aria-current={isCurrent(tab) ? 'page' : undefined}>
                <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">
                  {icons[tab.icon]}
                </svg>
                <span>{tab.label}</span>
                <Show when={tab.icon === 'account' && toSee() > 0}>
                  <span class="tab-count">
                    {toSee()}
                    <span class="visually-hidden"> saisie{toSee() > 1 ? 's' : ''} à suivre</span>
                  </span>
                </Show>
              </a>
            </li>
          )}
        </For>
      </ul>
    </nav>
  )
}
