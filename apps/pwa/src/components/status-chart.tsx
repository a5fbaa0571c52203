import { For } from 'solid-js'
import { statusLabels, plural } from '@mutualis/domain'
import { statusOrder, totalsByStatus, type DomainCounts } from '../lib/dashboard.rules.ts'
import { StatusPatterns, patternFill } from './status-patterns.tsx'

const barWidth = 300

function describe(counts: DomainCounts['counts']) {
  return statusOrder
    .filter((status) => counts[status] > 0)
    .map((status) => `${counts[status]} ${statusLabels[status].toLowerCase()}`)
    .join(', ')
}

/** Stacked bars of actions by status for each domain; every bar carries its numbers in words. */
export function StatusChart(props: { rows: readonly DomainCounts[] }) {
  const largest = () => Math.max(1, ...props.rows.map((row) => row.total))
  const totals = () => totalsByStatus(props.rows)
  return (
    <figure class="chart">
      <StatusPatterns />
      <figcaption>
        Actions par statut et par domaine — {plural(props.rows.reduce((sum, row) => sum + row.total, 0), 'action', 'actions')} : {describe(totals())}.
      </figcaption>
      <ul class="legend" aria-label="Légende">
        <For each={statusOrder}>
          {(status) => (
            <li>
              <svg width="16" height="16" aria-hidden="true">
                <rect width="16" height="16" fill={patternFill(status)} stroke="#1a1a1a" stroke-width="1" />
              </svg>
              {statusLabels[status]}
            </li>
          )}
        </For>
      </ul>
      <ol class="bars">
        <For each={props.rows}>
          {(row) => {
            let x = 0
            return (
              <li>
                <span class="bar-label">
                  {row.name} <span class="bar-total">({row.total})</span>
                </span>
                <svg viewBox={`0 0 ${barWidth} 16`} role="img" aria-label={`${row.name} : ${describe(row.counts)}`}>
                  <For each={statusOrder.filter((status) => row.counts[status] > 0)}>
                    {(status) => {
                      const width = (row.counts[status] / largest()) * barWidth
                      const segment = <rect x={x} width={width} height="16" fill={patternFill(status)} stroke="#fff" stroke-width="1" />
                      x += width
                      return segment
                    }}
                  </For>
                </svg>
              </li>
            )
          }}
        </For>
      </ol>
    </figure>
  )
}
