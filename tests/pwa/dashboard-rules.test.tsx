import { describe, expect, it } from 'vitest'
import { membershipMatrix, statusCountsByDomain } from '../../apps/pwa/src/lib/dashboard.rules.ts'

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

  it('marks each commune as member, able to join now, or under study for each service commun', () => {
    const services = [
      { id: 's1', name: 'Informatique', members: [{ inseeCode: '21231' }] },
      { id: 's2', name: 'Paysage', members: [] },
    ]
    const communes = [
      { inseeCode: '21231', name: 'Dijon', joinable: [] },
      {
        inseeCode: '21166',
        name: 'Chenôve',
        joinable: [
          { openness: 'OPEN' as const, action: { sharedService: { id: 's1' } } },
          { openness: 'UNDER_STUDY' as const, action: { sharedService: { id: 's2' } } },
        ],
      },
      { inseeCode: '21003', name: 'Ahuy', joinable: [{ openness: 'OPEN' as const, action: { sharedService: null } }] },
    ]
    expect(membershipMatrix(communes, services).map((row) => [row.commune.name, row.cells])).toEqual([
      ['Dijon', ['member', 'none']],
      ['Chenôve', ['open', 'study']],
      ['Ahuy', ['none', 'none']],
    ])
  })
})
