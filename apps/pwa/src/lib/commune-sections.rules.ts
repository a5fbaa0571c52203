import type { ParticipationState } from '@mutualis/domain'
import type { JoinOpportunity, Participation } from './commune.queries.ts'

// What a commune takes part in now (or has decided to join); requests show under « peut rejoindre ».
const currentStates: readonly ParticipationState[] = ['MEMBER', 'PLANNED']

/** Splits a commune's data into the three sections a mayor reads. */
export function communeSections(participations: readonly Participation[], joinable: readonly JoinOpportunity[]) {
  return {
    participates: participations.filter((participation) => currentStates.includes(participation.state)),
    canJoin: joinable.filter((opportunity) => opportunity.openness === 'OPEN'),
    underStudy: joinable.filter((opportunity) => opportunity.openness === 'UNDER_STUDY'),
  }
}
