import { For, Show } from 'solid-js'
import { useClient } from '../lib/query.ts'
import { useOutbox } from '../lib/outbox.ts'
import { usePageTitle } from '../lib/page-title.ts'
import { navigate } from '../lib/router.ts'
import { LogoutMutation } from '@mutualis/schema/documents/viewer'
import { useViewer } from '../lib/viewer.ts'
import LoginPage from './login-page.tsx'

/** « Compte »: sign in, or who is signed in, what this device still has to send, and sign out. */
export default function AccountPage() {
  const client = useClient()
  const outbox = useOutbox()
  const { viewer } = useViewer()
  const waiting = () => outbox.items().filter((item) => item.state === 'pending').length
  const toResolve = () => outbox.items().filter((item) => item.state === 'conflict').length
  const logout = async () => {
    await client.mutation(LogoutMutation, {}).toPromise()
    navigate('/')
  }
  usePageTitle(() => (viewer() ? 'Compte' : 'Connexion'))
  return (
    <Show
      when={viewer()}
      keyed
      fallback={
        <>
          <LoginPage returnTo="/compte" />
          {/* What this device still holds (a session may have expired meanwhile) stays reachable. */}
          <Show when={outbox.items().length > 0}>
            <ul class="menu-list">
              <li>
                <a href="/saisies">Mes saisies</a>
              </li>
            </ul>
          </Show>
        </>
      }
    >
      {(user) => {
        return (
          <>
            <h1>Compte</h1>
            <p>
              <strong>{user.name}</strong>
              <br />
              <span class="meta">{user.email}</span>
            </p>
            <Show when={user.organisations.length > 0}>
              <p>
                Pour : <For each={user.organisations}>{(organisation, index) => `${index() > 0 ? ', ' : ''}${organisation.name}`}</For>
              </p>
            </Show>
            <ul class="menu-list">
              <li>
                <a href="/saisies">
                  Mes saisies
                  <Show when={waiting() + toResolve() > 0}>
                    <span class="meta">
                      {' '}
                      ({[waiting() > 0 ? `${waiting()} en attente` : '', toResolve() > 0 ? `${toResolve()} à résoudre` : ''].filter(Boolean).join(', ')})
                    </span>
                  </Show>
                </a>
              </li>
            </ul>
            <button type="button" class="button button-secondary" onClick={() => void logout()}>
              Se déconnecter
            </button>
          </>
        )
      }}
    </Show>
  )
}
