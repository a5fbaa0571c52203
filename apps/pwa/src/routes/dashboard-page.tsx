import { For, createMemo } from 'solid-js'
import { createQuery } from '../lib/query.ts'
import { statusLabels } from '@mutualis/domain'
import { MembershipMatrix } from '../components/membership-matrix.tsx'
import { QueryState } from '../components/query-state.tsx'
import { TerritoryScope } from '../components/territory-scope.tsx'
import { StatusChart } from '../components/status-chart.tsx'
import { DashboardQuery, type DashboardData } from '@mutualis/schema/documents/dashboard'
import { statusCountsByDomain, statusOrder } from '../lib/dashboard.rules.ts'
import { usePageTitle } from '../lib/page-title.ts'

/** « Tableau de bord » of the territory: progress by domain, and the membership matrix. */
export default function DashboardPage() {
  usePageTitle(() => 'Tableau de bord')
  return (
    <>
      <h1>Tableau de bord</h1>
      <TerritoryScope>{(territory) => <TerritoryDashboard territory={territory} />}</TerritoryScope>
    </>
  )
}

function TerritoryDashboard(props: { territory: string }) {
  const [result] = createQuery({ query: DashboardQuery, variables: () => ({ territory: props.territory }) })
  return (
    <>
      {/* Served by the API, not the app: a new tab and a download keep the router out of the way. */}
      <ul class="link-list">
        <li>
          <a href={`/rapport?territoire=${props.territory}`} target="_blank" rel="noopener">Rapport d’avancement annuel (à imprimer ou en Word)</a>
        </li>
        <li>
          <a href={`/export/actions.xlsx?territory=${props.territory}`} download="">Actions (Excel)</a>
        </li>
        <li>
          <a href={`/export/matrix.xlsx?territory=${props.territory}`} download="">Matrice des adhésions (Excel)</a>
        </li>
      </ul>
      <QueryState result={result}>{(data) => <Dashboard data={data} />}</QueryState>
    </>
  )
}

function Dashboard(props: { data: DashboardData }) {
  const rows = createMemo(() => statusCountsByDomain(props.data.domains))
  return (
    <>
      <section aria-labelledby="avancement-titre">
        <h2 id="avancement-titre">Avancement par domaine</h2>
        <StatusChart rows={rows()} />
        <details>
          <summary>Voir les chiffres en tableau</summary>
          <div class="table-scroll" role="region" aria-label="Actions par statut et par domaine" tabindex="0">
            <table>
              <thead>
                <tr>
                  <th scope="col">Domaine</th>
                  <For each={statusOrder}>{(status) => <th scope="col">{statusLabels[status]}</th>}</For>
                  <th scope="col">Total</th>
                </tr>
              </thead>
              <tbody>
                <For each={rows()}>
                  {(row) => (
                    <tr>
                      <th scope="row">{row.name}</th>
                      <For each={statusOrder}>{(status) => <td>{row.counts[status]}</td>}</For>
                      <td>{row.total}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </details>
      </section>
      <section aria-labelledby="matrice-titre">
        <h2 id="matrice-titre">Communes et services communs</h2>
        {/* The cells come from the API's rule, the one /export/matrix.xlsx and Commune.offers apply. */}
        <MembershipMatrix services={props.data.membershipMatrix.sharedServices} rows={props.data.membershipMatrix.rows} />
      </section>
    </>
  )
}
