import type { ParticipationState } from './enums.ts'
import type { CommuneMembership } from './offer.rules.ts'

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
 * A commune's cell for a service commun: where the offer rule puts it (communeMembership of
 * packages/domain), a planned membership told apart from a current one.
 */
export function matrixCell(membership: CommuneMembership | null, state: ParticipationState | null): MatrixCell {
  switch (membership) {
    case 'MEMBER':
      return state === 'PLANNED' ? 'PLANNED' : 'MEMBER'
    case 'JOINABLE':
      return 'OPEN'
    case 'UNDER_STUDY':
    case 'REQUESTED':
    case 'FORMER':
      return membership
    default:
      return 'NONE'
  }
}
