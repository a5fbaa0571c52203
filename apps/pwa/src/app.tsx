import { For, Show, createResource } from 'solid-js'
import { fetchCommunes } from './lib/communes.ts'

/** App shell: the list of communes of the territory. The full PWA (issue #4) grows from here. */
export function App() {
  const [communes] = createResource(fetchCommunes)
  return (
    <main>
      <h1>Mutualis</h1>
      <p>Le schéma de mutualisation de votre intercommunalité, commune par commune.</p>
      <Show when={!communes.error} fallback={<p role="alert">Impossible de charger les communes.</p>}>
        <Show when={communes()} fallback={<p>Chargement…</p>}>
          {(list) => (
            <ul aria-label="Communes">
              <For each={list()}>{(commune) => <li>{commune.name}</li>}</For>
            </ul>
          )}
        </Show>
      </Show>
      <p>
        <a href="/graphql">Explorer l'API GraphQL</a>
      </p>
    </main>
  )
}
