import { Show, createSignal, onMount } from 'solid-js'

/** Offers the new version of the app when the service worker has one ready. */
export function UpdatePrompt() {
  const [update, setUpdate] = createSignal<(() => Promise<void>) | null>(null)
  onMount(() => {
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) return
    // Loaded after the first screen: registering the worker is not needed to show it.
    void import('virtual:pwa-register').then(({ registerSW }) => {
      const updateSW = registerSW({ onNeedRefresh: () => setUpdate(() => () => updateSW(true)) })
    })
  })
  return (
    <Show when={update()} keyed>
      {(apply) => (
        <div class="update-prompt" role="alert">
          <p>Une nouvelle version de Mutualis est disponible.</p>
          <button type="button" class="button" onClick={() => void apply()}>
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
