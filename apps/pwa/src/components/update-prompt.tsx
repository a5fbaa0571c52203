import { Show, createSignal, onMount } from 'solid-js'
import { registerServiceWorker } from '../lib/service-worker.ts'

/** Offers the new version of the app when the service worker has one ready. */
export function UpdatePrompt() {
  const [update, setUpdate] = createSignal<(() => void) | null>(null)
  onMount(() => registerServiceWorker((apply) => setUpdate(() => apply)))
  return (
    <Show when={update()} keyed>
      {(apply) => (
        <div class="update-prompt" role="alert">
          <p>Une nouvelle version de Mutualis est disponible.</p>
          <button type="button" class="button" onClick={() => apply()}>
            Mettre à jour
          </button>
          <button type="button" class="link-button" onClick={() => setUpdate(null)}>
            Plus tard
          </button>
        </div>
      )}
    </Show>
  )
}
