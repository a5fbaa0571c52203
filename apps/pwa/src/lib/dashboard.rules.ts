import type { ActionStatus, Openness } from '@mutualis/domain'

/** The order statuses are stacked and listed in: done first, then moving, then stalled. */
export const statusOrder: readonly ActionStatus[] = ['IMPLEMENTED', 'IN_PROGRESS', 'PLANNED', 'TO_STUDY', 'NOT_STARTED', 'NO_PROGRESS', 'ABANDONED', 'NOT_REPORTED']

export interface DomainCounts {
  id: string
  name: string
  total: number
  counts: Record<ActionStatus, number>
}

const zeroCounts = (): Record<ActionStatus, number> => Object.fromEntries(statusOrder.map((status) => [status, 0])) as Record<ActionStatus, number>

/** How many actions of each domain are in each status, domains in the document's order, empty ones left out. */
export function statusCountsByDomain(
  domains: ReadonlyArray<{ id: string; name: string; position: number; actions: ReadonlyArray<{ status: ActionStatus }> }>,
): DomainCounts[] {
  return [...domains]
    .sort((a, b) => a.position - b.position)
    .filter((domain) => domain.actions.length > 0)
    .map((domain) => {
      const counts = zeroCounts()
      for (const action of domain.actions) counts[action.status] += 1
      return { id: domain.id, name: domain.name, total: domain.actions.length, counts }
    })
}

export function totalsByStatus(rows: readonly DomainCounts[]): Record<ActionStatus, number> {
  const totals = zeroCounts()
  for (const row of rows) for (const status of statusOrder) totals[status] += row.counts[status]
  return totals
}
