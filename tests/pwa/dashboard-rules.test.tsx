import { describe, expect, it } from 'vitest'
import { statusCountsByDomain } from '../../apps/pwa/src/lib/dashboard.rules.ts'

describe('the dashboard’s figures', () => {
  it('counts actions by status per domain, in the document’s order, leaving empty domains out', () => {
    const rows = statusCountsByDomain([
      { id: 'd2', name: 'Finances', position: 2, actions: [{ status: 'IN_PROGRESS' }, { status: 'IN_PROGRESS' }, { status: 'ABANDONED' }] },
      { id: 'd1', name: 'Achats', position: 1, actions: [{ status: 'IMPLEMENTED' }] },
      { id: 'd3', name: 'Vide', position: 3, actions: [] },
    ])
    expect(rows.map((row) => [row.name, row.total])).toEqual([['Achats', 1], ['Finances', 3]])
    expect(rows[1].counts).toMatchObject({ IN_PROGRESS: 2, ABANDONED: 1, IMPLEMENTED: 0 })
  })
})
