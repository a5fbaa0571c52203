import { For } from 'solid-js'

/** Where a commune stands with a service commun, as the API's MatrixCell says. */
export type MatrixCell = 'MEMBER' | 'PLANNED' | 'REQUESTED' | 'OPEN' | 'UNDER_STUDY' | 'FORMER' | 'NONE'

// A symbol for the eye; for screen readers, the API's French label: the cell never relies on its colour.
const cellSymbol: Record<MatrixCell, string> = {
  MEMBER: '✓',
  PLANNED: '◔',
  REQUESTED: '…',
  OPEN: '+',
  UNDER_STUDY: '?',
  FORMER: '↩',
  NONE: '',
}

/** « Service commun Garage » reads « Garage » in a table already titled « services communs ». */
function shortName(name: string) {
  const short = name.replace(/^Service commun\s+/i, '')
  return short.charAt(0).toUpperCase() + short.slice(1)
}

interface MatrixRow {
  commune: { inseeCode: string; name: string }
  cells: readonly MatrixCell[]
  cellLabels: readonly string[]
}

/** Communes × services communs: who is in, who could join now, whose opening is studied. */
export function MembershipMatrix(props: { services: ReadonlyArray<{ id: string; name: string }>; rows: readonly MatrixRow[] }) {
  return (
    <>
      <p class="legend-text">
        <span aria-hidden="true">✓</span> membre · <span aria-hidden="true">◔</span> adhésion prévue ·{' '}
        <span aria-hidden="true">…</span> demande en cours · <span aria-hidden="true">+</span> peut rejoindre ·{' '}
        <span aria-hidden="true">?</span> ouverture à l’étude · <span aria-hidden="true">↩</span> ancien membre
      </p>
      <div class="table-scroll matrix-scroll" role="region" aria-label="Matrice des adhésions, défilement dans les deux sens" tabindex="0">
        <table class="matrix">
          <caption class="visually-hidden">Adhésion des communes aux services communs</caption>
          <thead>
            <tr>
              <th scope="col">Commune</th>
              <For each={props.services}>{(service) => <th scope="col">{shortName(service.name)}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>
              {(row) => (
                <tr>
                  <th scope="row">
                    <a href={`/commune/${row.commune.inseeCode}`}>{row.commune.name}</a>
                  </th>
                  <For each={row.cells}>
                    {(cell, i) => (
                      <td class={`cell-${cell.toLowerCase().replace('_', '-')}`}>
                        <span aria-hidden="true">{cellSymbol[cell]}</span>
                        <span class="visually-hidden">{row.cellLabels[i()] || 'aucun lien'}</span>
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </>
  )
}
