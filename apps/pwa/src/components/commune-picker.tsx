import { plural } from '@mutualis/domain'
import { For, Show, createMemo, createSignal } from 'solid-js'
import { filterCommunes } from '../lib/commune-search.rules.ts'
import type { CommuneSummary } from '@mutualis/schema/documents/commune'

/** A search field over the territory's communes; typing « chenove » offers Chenôve. */
export function CommunePicker(props: { communes: readonly CommuneSummary[]; onPick: (commune: CommuneSummary) => void }) {
  const [typed, setTyped] = createSignal('')
  const matches = createMemo(() => filterCommunes(props.communes, typed()))
  return (
    <div class="picker">
      <label for="commune-search">Rechercher votre commune</label>
      <input
        id="commune-search"
        type="search"
        autocomplete="off"
        spellcheck={false}
        aria-describedby="commune-search-count"
        value={typed()}
        onInput={(event) => setTyped(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && matches().length > 0) props.onPick(matches()[0])
        }}
      />
      <p id="commune-search-count" class="hint" aria-live="polite">
        {plural(matches().length, 'commune', 'communes')}
      </p>
      <Show when={matches().length > 0} fallback={<p>Aucune commune ne correspond à « {typed()} ».</p>}>
        <ul class="commune-list" aria-label="Communes">
          <For each={matches()}>
            {(commune) => (
              <li>
                <button type="button" class="link-button" onClick={() => props.onPick(commune)}>
                  {commune.name}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  )
}
