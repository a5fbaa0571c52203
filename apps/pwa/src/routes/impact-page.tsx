import { For, Show } from 'solid-js'
import { QueryState } from '../components/query-state.tsx'
import { impactSummary } from '../components/impact-line.tsx'
import { CommunePageQuery } from '@mutualis/schema/documents/commune'
import { formatEuros, formatFte } from '../lib/format.ts'
import { usePageTitle } from '../lib/page-title.ts'
import { createQuery } from '../lib/query.ts'

/** The commune's yearly cost and agents, offer by offer (the same query as « Ma commune », so offline too). */
export default function ImpactPage(props: { inseeCode: string }) {
  const [page] = createQuery({ query: CommunePageQuery, variables: () => ({ inseeCode: props.inseeCode }) })
  usePageTitle(() => (page.data?.commune ? `Coût annuel — ${page.data.commune.name}` : 'Coût annuel'))
  return (
    <QueryState result={page}>
      {(data) => (
        <Show when={data.commune} keyed fallback={<p role="alert">Aucune commune ne porte le code {props.inseeCode}.</p>}>
          {(commune) => (
            <>
              <h1>Ce que {commune.name} y consacre en {commune.impact.year}</h1>
              <p>{impactSummary(commune.impact)}.</p>
              <p class="hint">Les offres auxquelles la commune adhère, avec ce qu'elle paie dans l'année et ses agents qui y participent.</p>
              <ul class="offer-lines">
                <For each={commune.impact.byOffer}>
                  {(line) => (
                    <li>
                      <a class="offer-line" href={`/offre/${encodeURIComponent(line.offer.id)}?commune=${commune.inseeCode}`}>
                        <span class="offer-name">{line.offer.name}</span>
                        <span class="offer-meta">
                          {line.annualCost === null || line.annualCost === undefined ? 'Coût non renseigné' : formatEuros(line.annualCost)} · {formatFte(line.staffFte)}
                        </span>
                      </a>
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </Show>
      )}
    </QueryState>
  )
}
