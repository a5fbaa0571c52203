import { plural } from '@mutualis/domain'
import { For, Show, createMemo, createSignal } from 'solid-js'
import { filterByName } from '../lib/name-search.rules.ts'
import type { CommuneSummary } from '@mutualis/schema/documents/commune'
import type { TerritorySummary } from '@mutualis/schema/documents/territory'

interface PickerWords {
  id: string
  field: string
  list: string
  one: string
  many: string
  none: (typed: string) => string
}

/** A search field over a list of names; typing « chenove » offers Chenôve, a code offers its owner. */
function NamePicker<T extends { id: string; name: string }>(props: { items: readonly T[]; code: (item: T) => string; words: PickerWords; onPick: (item: T) => void }) {
  const [typed, setTyped] = createSignal('')
  const matches = createMemo(() => filterByName(props.items, typed(), props.code))
  return (
    <div class="picker">
      <label for={props.words.id}>{props.words.field}</label>
      <input
        id={props.words.id}
        type="search"
        autocomplete="off"
        spellcheck={false}
        aria-describedby={`${props.words.id}-count`}
        value={typed()}
        onInput={(event) => setTyped(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && matches().length > 0) props.onPick(matches()[0])
        }}
      />
      <p id={`${props.words.id}-count`} class="hint" aria-live="polite">
        {plural(matches().length, props.words.one, props.words.many)}
      </p>
      <Show when={matches().length > 0} fallback={<p>{props.words.none(typed())}</p>}>
        <ul class="commune-list" aria-label={props.words.list}>
          <For each={matches()}>
            {(item) => (
              <li>
                <button type="button" class="link-button" onClick={() => props.onPick(item)}>
                  {item.name}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  )
}

const communeWords: PickerWords = {
  id: 'commune-search',
  field: 'Rechercher votre commune',
  list: 'Communes',
  one: 'commune',
  many: 'communes',
  none: (typed) => `Aucune commune ne correspond à « ${typed} ».`,
}

const territoryWords: PickerWords = {
  id: 'territory-search',
  field: 'Rechercher votre intercommunalité (nom ou SIREN)',
  list: 'Intercommunalités',
  one: 'intercommunalité',
  many: 'intercommunalités',
  none: (typed) => `Aucune intercommunalité ne correspond à « ${typed} ».`,
}

/** The communes of the reader's intercommunalité, found by name or INSEE code. */
export function CommunePicker(props: { communes: readonly CommuneSummary[]; onPick: (commune: CommuneSummary) => void }) {
  return <NamePicker items={props.communes} code={(commune) => commune.inseeCode} words={communeWords} onPick={props.onPick} />
}

/** The intercommunalités this service holds, found by name or SIREN. */
export function TerritoryPicker(props: { territories: readonly TerritorySummary[]; onPick: (territory: TerritorySummary) => void }) {
  return <NamePicker items={props.territories} code={(territory) => territory.siren} words={territoryWords} onPick={props.onPick} />
}
