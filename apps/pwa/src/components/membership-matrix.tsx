import { For } from 'solid-js'
import type { Membership } from '../lib/dashboard.rules.ts'

// Symbol for the eye, words for screen readers: the cell never relies on its colour.
const cellText: Record<Membership, { symbol: string; words: string }> = {
  member: { symbol: '✓', words: 'membre' },
  open: { symbol: '+', words: 'peut rejoindre' },
  study: { symbol: '?', words: 'ouverture à l’étude' },
  none: { symbol: '', words: 'non' },
}

/** « Service commun Garage » reads « Garage » in a table already titled « services communs ». */
function shortName(name: string) {
  const short = name.replace(/^Service commun\s+/i, '')
  return short.charAt(0).toUpperCase() + short.slice(1)
}

interface MatrixRow {
  commune: { inseeCode: string; name: string }
  cells: readonly Membership[]
}

/** Communes × services communs: who is in, who could join now, whose opening is studied. */
export function MembershipMatrix(props: { services: ReadonlyArray<{ id: string; name: string }>; rows: readonly MatrixRow[] }) {
  return (
    <>
      <p class="legend-text">
        <span aria-hidden="true">✓</span> membre · <span aria-hidden="true">+</span> peut rejoindre ·{' '}
        <span aria-hidden="true">?</span> ouverture à l’étude
      </p>
      <div class="table-scroll" role="region" aria-label="Matrice des adhésions, défilement horizontal" tabindex="0">
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
                    {(cell) => (
                      <td class={`cell-${cell}`}>
                        <span aria-hidden="true">{cellText[cell].symbol}</span>
                        <span class="visually-hidden">{cellText[cell].words}</span>
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
