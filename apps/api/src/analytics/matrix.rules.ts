import type { Openness, ParticipationState } from '@mutualis/domain'

/** Where a commune stands with a service commun, from the strongest tie to none. */
export type MatrixCell = 'MEMBER' | 'PLANNED' | 'REQUESTED' | 'OPEN' | 'UNDER_STUDY' | 'FORMER' | 'NONE'

export const matrixCellLabels: Record<MatrixCell, string> = {
  MEMBER: 'Membre',
  PLANNED: 'Adhésion prévue',
  REQUESTED: 'Demande en cours',
  OPEN: 'Peut adhérer',
  UNDER_STUDY: 'Ouverture à l’étude',
  FORMER: 'Ancien membre',
  NONE: '',
}

/**
 * A service commun runs through several actions: the commune's cell is its strongest tie with any
 * of them. Being in (or about to be) beats being able to join, which beats having left: a former
 * member that may come back is shown what it can do now.
 */
export function matrixCell(states: readonly ParticipationState[], joinable: readonly Openness[]): MatrixCell {
  if (states.includes('MEMBER')) return 'MEMBER'
  if (states.includes('PLANNED')) return 'PLANNED'
  if (states.includes('REQUESTED')) return 'REQUESTED'
  if (joinable.includes('OPEN')) return 'OPEN'
  if (joinable.includes('UNDER_STUDY')) return 'UNDER_STUDY'
  if (states.includes('FORMER')) return 'FORMER'
  return 'NONE'
}
