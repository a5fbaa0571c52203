import { For, Show } from 'solid-js'
import { useClient } from '../lib/query.ts'
import { useOutbox } from '../lib/outbox.ts'
import { rememberedCommune } from '../lib/remembered-commune.ts'
import { currentLocation, navigate } from '../lib/router.ts'
import { LogoutMutation } from '../lib/viewer.queries.ts'
import { useViewer } from '../lib/viewer.ts'

const sections = [
  { href: () => (rememberedCommune() ? `/commune/${rememberedCommune()}` : '/'), label: 'Ma commune', prefixes: ['/commune', '/'] },
  { href: () => '/recherche', label: 'Recherche', prefixes: ['/recherche'] },
  { href: () => '/tableau-de-bord', label: 'Tableau de bord', prefixes: ['/tableau-de-bord'] },
]

function isCurrent(prefixes: string[]) {
  const path = currentLocation().pathname
  return prefixes.some((prefix) => (prefix === '/' ? path === '/' : path.startsWith(prefix)))
}

export function SiteHeader() {
  const client = useClient()
  const outbox = useOutbox()
  const { viewer } = useViewer()
  const waiting = () => outbox.items().filter((item) => item.state === 'pending').length
  const toResolve = () => outbox.items().filter((item) => item.state === 'conflict').length
  const logout = async () => {
    await client.mutation(LogoutMutation, {}).toPromise()
    navigate('/')
  }
  return (
    <header class="site-header">
      <a href="/" class="brand">
        <img src="/icons/favicon-32.png" alt="" width="24" height="24" />
        Mutualis
      </a>
      <nav aria-label="Navigation principale">
        <ul>
          <For each={sections}>
            {(section) => (
              <li>
                <a href={section.href()} aria-current={isCurrent(section.prefixes) ? 'page' : undefined}>
                  {section.label}
                </a>
              </li>
            )}
          </For>
          <Show when={outbox.items().length > 0}>
            <li>
              <a href="/saisies" aria-current={isCurrent(['/saisies']) ? 'page' : undefined}>
                Mes saisies
                <Show when={waiting() + toResolve() > 0}>
                  {' '}
                  <span class="counter">
                    ({waiting() > 0 ? `${waiting()} en attente` : ''}
                    {waiting() > 0 && toResolve() > 0 ? ', ' : ''}
                    {toResolve() > 0 ? `${toResolve()} à résoudre` : ''})
                  </span>
                </Show>
              </a>
            </li>
          </Show>
          <li>
            <Show
              when={viewer()}
              keyed
              fallback={
                <a href="/connexion" aria-current={isCurrent(['/connexion']) ? 'page' : undefined}>
                  Connexion
                </a>
              }
            >
              {(user) => (
                <button type="button" class="header-button" onClick={() => void logout()}>
                  Se déconnecter<span class="visually-hidden"> ({user.name})</span>
                </button>
              )}
            </Show>
          </li>
        </ul>
      </nav>
    </header>
  )
}
