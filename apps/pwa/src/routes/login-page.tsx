import { Show, createSignal } from 'solid-js'
import { useClient } from '../lib/query.ts'
import { isOnline } from '../lib/connectivity.ts'
import { useOutbox } from '../lib/outbox.ts'
import { usePageTitle } from '../lib/page-title.ts'
import { rememberedCommune } from '../lib/remembered-commune.ts'
import { navigate } from '../lib/router.ts'
import { LoginMutation } from '@mutualis/schema/documents/viewer'

/** Only paths of this app, so a crafted link cannot send someone elsewhere after signing in. */
function safeReturn(path: string | null) {
  return path && path.startsWith('/') && !path.startsWith('//') ? path : rememberedCommune() ? `/commune/${rememberedCommune()}` : '/'
}

/** « Connexion »: editors and the coordination team sign in to record updates and requests. */
export default function LoginPage(props: { returnTo: string | null }) {
  const client = useClient()
  const outbox = useOutbox()
  const [error, setError] = createSignal('')
  const [busy, setBusy] = createSignal(false)
  usePageTitle(() => 'Connexion')

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget as HTMLFormElement)
    setBusy(true)
    setError('')
    const result = await client.mutation(LoginMutation, { email: String(data.get('email')), password: String(data.get('password')) }).toPromise()
    setBusy(false)
    const login = result.data?.login
    if (login?.__typename === 'LoginSuccess') {
      void outbox.flush()
      navigate(safeReturn(props.returnTo))
      return
    }
    if (login?.__typename === 'LoginError') setError(login.message)
    else setError(isOnline() ? 'Le serveur n’a pas répondu. Réessayez dans un instant.' : 'La connexion demande le réseau : réessayez quand l’appareil sera en ligne.')
  }

  return (
    <>
      <h1>Connexion</h1>
      <p>Les maires, DGS et la mission de coordination se connectent pour enregistrer des points d'avancement et des demandes d'adhésion.</p>
      <form onSubmit={submit} class="login-form">
        <label for="login-email">Adresse électronique</label>
        <input id="login-email" name="email" type="email" autocomplete="username" required />
        <label for="login-password">Mot de passe</label>
        <input id="login-password" name="password" type="password" autocomplete="current-password" required />
        <Show when={error()}>
          <p class="field-error" role="alert">
            {error()}
          </p>
        </Show>
        <button type="submit" class="button" disabled={busy()}>
          Se connecter
        </button>
      </form>
    </>
  )
}
