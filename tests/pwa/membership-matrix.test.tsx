import { cleanup, render, screen, within } from '@solidjs/testing-library'
import { afterEach, describe, expect, it } from 'vitest'
import { MembershipMatrix, type MatrixCell } from '../../apps/pwa/src/components/membership-matrix.tsx'

afterEach(cleanup)

describe('the membership matrix', () => {
  it('shows each of the API’s seven cells with a symbol and, for screen readers, the API’s French label', () => {
    const cells: MatrixCell[] = ['MEMBER', 'PLANNED', 'REQUESTED', 'OPEN', 'UNDER_STUDY', 'FORMER', 'NONE']
    const labels = ['Membre', 'Adhésion prévue', 'Demande en cours', 'Peut adhérer', 'Ouverture à l’étude', 'Ancien membre', '']
    const services = cells.map((cell, i) => ({ id: `s${i}`, name: `Service commun ${cell}` }))
    render(() => <MembershipMatrix services={services} rows={[{ commune: { inseeCode: '21166', name: 'Chenôve' }, cells, cellLabels: labels }]} />)
    const row = screen.getByRole('row', { name: /Chenôve/ })
    const tds = within(row).getAllByRole('cell')
    expect(tds.map((td) => td.textContent)).toEqual(['✓Membre', '◔Adhésion prévue', '…Demande en cours', '+Peut adhérer', '?Ouverture à l’étude', '↩Ancien membre', 'aucun lien'])
    // « Service commun » is dropped from column headers already titled by the table.
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Commune', ...cells])
  })
})
