import { plural } from '@mutualis/domain'
import { For, Show, createSignal, onCleanup } from 'solid-js'
import { createQuery } from '../lib/query.ts'
import { StatusBadge } from '../components/status-badge.tsx'
import { usePageTitle } from '../lib/page-title.ts'
import { navigate } from '../lib/router.ts'
import { QueryState } from '../components/query-state.tsx'
import { TerritoryScope } from '../components/territory-scope.tsx'
import { SearchQuery, type SearchHit } from '@mutualis/schema/documents/search'

const kindLabels: Record<SearchHit['kind'], string> = { COMMUNE: 'Commune', OFFER: 'Offre', DOMAIN: 'Domaine', ACTION: 'Action' }

/** « Recherche »: communes, offers, domains and actions matching the words typed, what is named first. */
export default function SearchPage(props: { query: string }) {
  const [typed, setTyped] = createSignal(props.query)
  let timer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(timer))
  const onInput = (value: string) => {
    setTyped(value)
    clearTimeout(timer)
    // The address follows the field, so a search can be shared and survives « retour ».
    timer = setTimeout(() => navigate(value.trim() ? `/recherche?q=${encodeURIComponent(value.trim())}` : '/recherche', { replace: true }), 300)
  }
  const search = () => props.query.trim()
  usePageTitle(() => (search() ? `Recherche « ${search()} »` : 'Recherche'))

  return (
    <>
      <h1>Recherche</h1>
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <label for="search-field">Communes, offres, domaines, actions</label>
        <input id="search-field" type="search" value={typed()} onInput={(event) => onInput(event.currentTarget.value)} aria-describedby="search-count" />
      </form>
      <Show when={search().length >= 2} fallback={<p id="search-count" class="hint">Tapez au moins deux lettres ; les accents et majuscules sont ignorés.</p>}>
        <TerritoryScope>{(territory) => <SearchResults search={search()} territory={territory} />}</TerritoryScope>
      </Show>
    </>
  )
}

/** What matches in the reader's intercommunalité, and the same actions as a spreadsheet. */
function SearchResults(props: { search: string; territory: string }) {
  const [result] = createQuery({ query: SearchQuery, variables: () => ({ search: props.search, territory: props.territory }) })
  const exported = (format: string) => `/export/actions.${format}?territory=${props.territory}&search=${encodeURIComponent(props.search)}`
  return (
        <QueryState result={result}>
          {(data) => (
            <>
              <p id="search-count" class="hint" aria-live="polite">
                {plural(data.search.length, 'résultat', 'résultats')}, les noms d’abord
              </p>
              <ul class="cards">
                <For each={data.search} fallback={<li>Aucun résultat.</li>}>
                  {(hit) => <HitCard hit={hit} />}
                </For>
              </ul>
              {/* The export takes the same filter as the actions found here (the GraphQL ActionFilter's search). */}
              <ul class="link-list link-row">
                <li>
                  <a href={exported('xlsx')} download="">Exporter les actions trouvées (Excel)</a>
                </li>
                <li>
                  <a href={exported('csv')} download="">
                    CSV<span class="visually-hidden"> (mêmes actions)</span>
                  </a>
                </li>
              </ul>
            </>
          )}
        </QueryState>
  )
}

/** Where a hit leads: a commune's page, an offer's, an action's; a domain is a heading only. */
function hrefOf(hit: SearchHit): string | null {
  if (hit.commune) return `/commune/${hit.commune.inseeCode}`
  if (hit.offer) return `/offre/${hit.offer.id}`
  if (hit.action) return `/action/${hit.action.id}`
  return null
}

function HitCard(props: { hit: SearchHit }) {
  const href = () => hrefOf(props.hit)
  return (
    <li class="card">
      <Show when={href()} fallback={<p class="card-title">{props.hit.name}</p>}>
        {(link) => (
          <a href={link()} class="card-title">
            {props.hit.name}
          </a>
        )}
      </Show>
      <p class="meta">
        {kindLabels[props.hit.kind]}
        {props.hit.detail ? ` · ${props.hit.detail}` : ''}
        <Show when={props.hit.action}>{(action) => <> · <StatusBadge status={action().status} /></>}</Show>
      </p>
    </li>
  )
}
