import { describe, expect, it } from 'vitest'
import { matrixCell, matrixCellLabels } from './matrix.rules.ts'

describe('a commune’s cell for a service commun', () => {
  it.each([
    ['MEMBER', 'MEMBER', 'MEMBER', 'Membre'],
    ['MEMBER', 'PLANNED', 'PLANNED', 'Adhésion prévue'],
    ['REQUESTED', null, 'REQUESTED', 'Demande en cours'],
    ['JOINABLE', null, 'OPEN', 'Peut adhérer'],
    ['UNDER_STUDY', null, 'UNDER_STUDY', 'Ouverture à l’étude'],
    ['FORMER', 'FORMER', 'FORMER', 'Ancien membre'],
    [null, null, 'NONE', ''],
  ] as const)('%s (state %s) reads %s', (membership, state, cell, label) => {
    expect(matrixCell(membership, state)).toBe(cell)
    expect(matrixCellLabels[matrixCell(membership, state)]).toBe(label)
  })
})
