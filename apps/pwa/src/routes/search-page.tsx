import { For, Show, createMemo, createSignal, onCleanup } from 'solid-js'
import { createQuery } from '../lib/query.ts'
import { StatusBadge } from '../components/status-badge.tsx'
import { formatDate, plural } from '../lib/format.ts'
import { usePageTitle } from '../lib/page-title.ts'
import { navigate } from '../lib/router.ts'
import { SearchActionsQuery, SearchCatalogueQuery, type ContractHit, type ServiceHit } from '../lib/search.queries.ts'
import { matchAllWords } from '../lib/text-search.rules.ts'

const procedureLabels = { GROUPEMENT_DE_COMMANDES: 'Groupement de commandes', CENTRALE_D_ACHAT: "Centrale d'achat" } as const

/** « Recherche »: actions, services communs and marchés mutualisés matching the words typed. */
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
  const [actions] = createQuery({ query: SearchActionsQuery, variables: () => ({ search: search() }), pause: () => search().length < 2 })
  const [catalogue] = createQuery({ query: SearchCatalogueQuery })
  const services = createMemo(() => matchAllWords(catalogue.data?.sharedServices.edges.map((edge) => edge.node) ?? [], search(), (s) => s.name))
  const contracts = createMemo(() => matchAllWords(catalogue.data?.jointContracts.edges.map((edge) => edge.node) ?? [], search(), (c) => c.subject))
  const actionHits = () => (search().length < 2 ? [] : (actions.data?.actions.edges.map((edge) => edge.node) ?? []))
  usePageTitle(() => (search() ? `Recherche « ${search()} »` : 'Recherche'))

  return (
    <>
      <h1>Recherche</h1>
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <label for="search-field">Actions, services communs, marchés</label>
        <input id="search-field" type="search" value={typed()} onInput={(event) => onInput(event.currentTarget.value)} aria-describedby="search-count" />
      </form>
      <p id="search-count" class="hint" aria-live="polite">
        <Show when={search().length >= 2} fallback="Tapez au moins deux lettres ; les accents et majuscules sont ignorés.">
          <Show when={!actions.fetching || actions.data} fallback="Recherche en cours…">
            {plural(actionHits().length, 'action', 'actions')}, {plural(services().length, 'service commun', 'services communs')},{' '}
            {plural(contracts().length, 'marché', 'marchés')}
          </Show>
        </Show>
      </p>
      <Show when={search().length >= 2}>
        <h2>Actions</h2>
        {/* The export takes the same filter as this list (same field names as the GraphQL ActionFilter). */}
        <ul class="link-list link-row">
          <li>
            <a href={`/export/actions.xlsx?search=${encodeURIComponent(search())}`} download="">Exporter ces actions (Excel)</a>
          </li>
          <li>
            <a href={`/export/actions.csv?search=${encodeURIComponent(search())}`} download="">
              CSV<span class="visually-hidden"> (mêmes actions)</span>
            </a>
          </li>
        </ul>
        <ul class="cards">
          <For each={actionHits()} fallback={<li>Aucune action.</li>}>
            {(action) => (
              <li class="card">
                <a href={`/action/${action.id}`} class="card-title">{action.title}</a>
                <p class="meta">
                  {action.domain.name} · <StatusBadge status={action.status} />
                </p>
              </li>
            )}
          </For>
        </ul>
        <h2>Services communs</h2>
        <ul class="cards">
          <For each={services()} fallback={<li>Aucun service commun.</li>}>{(service) => <ServiceCard service={service} />}</For>
        </ul>
        <h2>Marchés mutualisés</h2>
        <ul class="cards">
          <For each={contracts()} fallback={<li>Aucun marché.</li>}>{(contract) => <ContractCard contract={contract} />}</For>
        </ul>
      </Show>
    </>
  )
}

function ActionLinks(props: { actions: ReadonlyArray<{ id: string; title: string }> }) {
  return (
    <ul class="inline-links">
      <For each={props.actions}>{(action) => <li><a href={`/action/${action.id}`}>{action.title}</a></li>}</For>
    </ul>
  )
}

function ServiceCard(props: { service: ServiceHit }) {
  return (
    <li class="card">
      <p class="card-title">{props.service.name}</p>
      <ActionLinks actions={props.service.actions} />
    </li>
  )
}

function ContractCard(props: { contract: ContractHit }) {
  const c = () => props.contract
  return (
    <li class="card">
      <p class="card-title">{c().subject}</p>
      <p class="meta">
        {procedureLabels[c().procedure]}
        {c().startDate ? ` · depuis le ${formatDate(c().startDate!)}` : ''}
        {c().endDate ? ` · jusqu'au ${formatDate(c().endDate!)}` : ''}
      </p>
      <ActionLinks actions={c().actions} />
    </li>
  )
}
