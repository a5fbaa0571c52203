// What a commune is in or can join, on what terms: the rules of an offer, shared by the API, the
// exports and the PWA.
import type { ActionStatus, CostKind, Eligibility, JoinDeliberation, OfferKind, ParticipationState, StaffMode } from './enums.ts'

export const offerKindLabels: Record<OfferKind, string> = {
  SERVICE_COMMUN: 'Service commun',
  MISE_A_DISPOSITION_ASCENDANTE: 'Mise à disposition ascendante (de la commune vers l’EPCI)',
  MISE_A_DISPOSITION_DESCENDANTE: 'Mise à disposition descendante (de l’EPCI vers la commune)',
  CONVENTION_DE_GESTION: 'Convention de gestion',
  GROUPEMENT_DE_COMMANDES: 'Groupement de commandes',
  CENTRALE_D_ACHAT: "Centrale d'achat",
  ENTENTE: 'Entente intercommunale',
  CONVENTION: 'Convention',
  OUTIL_PARTAGE: 'Outil partagé',
  RESEAU: 'Réseau',
}

export const eligibilityLabels: Record<Eligibility, string> = {
  ALL_COMMUNES: 'Ouvert à toutes les communes',
  LISTED: 'Ouvert aux organismes désignés',
  CLOSED: 'Entre les parties nommées',
}

export const costKindLabels: Record<CostKind, string> = {
  AMOUNT: 'Montant annuel',
  FREE: 'Gratuit',
  UNKNOWN: 'Coût non renseigné',
}

export const joinDeliberationLabels: Record<JoinDeliberation, string> = {
  COMMUNE_COUNCIL: 'Délibération du conseil municipal',
  EPCI_COUNCIL: 'Délibération du conseil communautaire ou métropolitain',
  COMITE_SOCIAL_TERRITORIAL: 'Avis du comité social territorial (agents concernés)',
}

export const staffModeLabels: Record<StaffMode, string> = {
  MADE_AVAILABLE: 'Mis à disposition',
  TRANSFERRED: 'Transféré',
  SHARED: 'Partagé',
  RECRUITED: 'Recruté',
}

/** The usual legal basis and deliberations of each kind, when the offer states none of its own. */
export const offerKindTerms: Record<OfferKind, { legalBasis: string; joinDeliberations: JoinDeliberation[] }> = {
  SERVICE_COMMUN: { legalBasis: 'Art. L5211-4-2 CGCT', joinDeliberations: ['COMMUNE_COUNCIL', 'EPCI_COUNCIL', 'COMITE_SOCIAL_TERRITORIAL'] },
  MISE_A_DISPOSITION_ASCENDANTE: { legalBasis: 'Art. L5211-4-1 II CGCT', joinDeliberations: ['COMMUNE_COUNCIL', 'EPCI_COUNCIL', 'COMITE_SOCIAL_TERRITORIAL'] },
  MISE_A_DISPOSITION_DESCENDANTE: { legalBasis: 'Art. L5211-4-1 III CGCT', joinDeliberations: ['COMMUNE_COUNCIL', 'EPCI_COUNCIL', 'COMITE_SOCIAL_TERRITORIAL'] },
  CONVENTION_DE_GESTION: { legalBasis: 'Art. L5215-27 et L5217-7 CGCT', joinDeliberations: ['COMMUNE_COUNCIL', 'EPCI_COUNCIL'] },
  GROUPEMENT_DE_COMMANDES: { legalBasis: 'Art. L2113-6 à L2113-8 du code de la commande publique', joinDeliberations: ['COMMUNE_COUNCIL'] },
  CENTRALE_D_ACHAT: { legalBasis: 'Art. L2113-2 à L2113-4 du code de la commande publique', joinDeliberations: ['COMMUNE_COUNCIL'] },
  ENTENTE: { legalBasis: 'Art. L5221-1 et L5221-2 CGCT', joinDeliberations: ['COMMUNE_COUNCIL', 'EPCI_COUNCIL'] },
  CONVENTION: { legalBasis: 'Art. L5111-1 CGCT', joinDeliberations: ['COMMUNE_COUNCIL', 'EPCI_COUNCIL'] },
  OUTIL_PARTAGE: { legalBasis: 'Art. L5211-4-3 CGCT', joinDeliberations: ['COMMUNE_COUNCIL'] },
  RESEAU: { legalBasis: 'Aucune (réseau d’échanges)', joinDeliberations: [] },
}

/** How a commune joins an offer of this kind, in French. */
export function offerHowToJoin(kind: OfferKind, joinDeliberations: readonly JoinDeliberation[], openingStudied: boolean): string {
  const steps = joinDeliberations.map((d) => joinDeliberationLabels[d].toLowerCase())
  const procedure = steps.length === 0 ? 'Désigner un référent auprès de la mission de coordination : aucune délibération nécessaire.' : `${steps.join(', ')}, puis signature de la convention.`
  const sentence = procedure.charAt(0).toUpperCase() + procedure.slice(1)
  return openingStudied ? `Ouverture à l'étude : signaler l'intérêt de la commune à la mission de coordination. À l'issue de l'étude : ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}` : sentence
}

/** The order in which statuses read as « further along »; an offer's status is that of its furthest action. */
const progressOrder: ActionStatus[] = ['IMPLEMENTED', 'IN_PROGRESS', 'PLANNED', 'TO_STUDY', 'NOT_STARTED', 'NO_PROGRESS', 'NOT_REPORTED', 'ABANDONED']

/**
 * An offer's status: the one the coordination team set, otherwise that of its furthest-along action
 * (a service in place is in place even while its widening is studied); NOT_REPORTED with no action.
 */
export function offerStatus(set: ActionStatus | null, actionStatuses: readonly ActionStatus[]): ActionStatus {
  if (set) return set
  let best: ActionStatus = 'NOT_REPORTED'
  for (const status of actionStatuses) if (progressOrder.indexOf(status) < progressOrder.indexOf(best)) best = status
  if (actionStatuses.length > 0 && actionStatuses.every((s) => s === 'ABANDONED')) return 'ABANDONED'
  return best
}

export const communeMemberships = ['MEMBER', 'JOINABLE', 'UNDER_STUDY', 'REQUESTED', 'FORMER'] as const
export type CommuneMembership = (typeof communeMemberships)[number]

export const communeMembershipLabels: Record<CommuneMembership, string> = {
  MEMBER: 'Adhère',
  JOINABLE: 'Peut rejoindre',
  UNDER_STUDY: 'Ouverture à l’étude',
  REQUESTED: 'Demande en cours',
  FORMER: 'Ancien membre',
}

export interface OfferForCommune {
  eligibility: Eligibility
  /** Organisation ids an offer of eligibility LISTED is offered to. */
  listed: readonly string[]
  openingStudied: boolean
  status: ActionStatus
  archived: boolean
}

/**
 * Where a commune stands with an offer, or null when the offer is nothing to it. A member (or a
 * planned member) is MEMBER whatever the eligibility; a CLOSED offer is never offered; a LISTED
 * one only to those listed; an abandoned or archived one to nobody.
 */
export function communeMembership(communeId: string, offer: OfferForCommune, state: ParticipationState | null, pendingRequest: boolean): CommuneMembership | null {
  if (state === 'MEMBER' || state === 'PLANNED') return 'MEMBER'
  if (offer.archived || offer.status === 'ABANDONED') return state === 'FORMER' ? 'FORMER' : null
  const offered = offer.eligibility === 'ALL_COMMUNES' || (offer.eligibility === 'LISTED' && offer.listed.includes(communeId))
  if (state === 'REQUESTED' || (pendingRequest && offered)) return 'REQUESTED'
  if (state === 'FORMER') return 'FORMER'
  if (!offered) return null
  return offer.openingStudied || offer.status === 'TO_STUDY' ? 'UNDER_STUDY' : 'JOINABLE'
}

export type DueKind = 'END' | 'RENEWAL' | 'NOTICE'

export const dueKindLabels: Record<DueKind, string> = {
  END: 'Fin',
  RENEWAL: 'Reconduction',
  NOTICE: 'Date limite de préavis',
}

export interface OfferTerms {
  endDate: Date | null
  renewalDate: Date | null
  noticeMonths: number | null
}

const addMonths = (date: Date, months: number) => {
  const result = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1))
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate()
  result.setUTCDate(Math.min(date.getUTCDate(), lastDay))
  return result
}

/**
 * The dates an offer's terms put in the calendar: its end, its renewal, and the last day to give
 * notice (that many months before the renewal, or before the end when there is no renewal date).
 */
export function offerDueDates(terms: OfferTerms): Array<{ kind: DueKind; date: Date }> {
  const dates: Array<{ kind: DueKind; date: Date }> = []
  if (terms.endDate) dates.push({ kind: 'END', date: terms.endDate })
  if (terms.renewalDate) dates.push({ kind: 'RENEWAL', date: terms.renewalDate })
  const noticeFrom = terms.renewalDate ?? terms.endDate
  if (noticeFrom && terms.noticeMonths !== null && terms.noticeMonths > 0) dates.push({ kind: 'NOTICE', date: addMonths(noticeFrom, -terms.noticeMonths) })
  return dates.sort((a, b) => a.date.getTime() - b.date.getTime())
}

/** The due dates between today (included, whatever the time of day) and that many months ahead. */
export function dueWithin(terms: OfferTerms, today: Date, months: number): Array<{ kind: DueKind; date: Date }> {
  const from = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())
  const limit = addMonths(today, months).getTime()
  return offerDueDates(terms).filter((due) => due.date.getTime() >= from && due.date.getTime() <= limit)
}
