import type { ActionStatus, Instrument, Openness, ParticipationState } from './enums.ts'

export interface JoinableAction {
  id: string
  instrument: Instrument
  openness: Openness
  status: ActionStatus
  /** Organisations an OPEN action is limited to; empty means any volunteer commune. */
  openTo: readonly string[]
}

export type JoinRefusal = 'CLOSED' | 'ABANDONED' | 'ALREADY_MEMBER' | 'NOT_LISTED'
export type Joinability = { ok: true; howToJoin: string; pendingRequest: boolean } | { ok: false; reason: JoinRefusal }

const procedureByInstrument: Record<Instrument, string> = {
  SERVICE_COMMUN:
    "Adhésion au service commun : délibération du conseil municipal approuvant la convention de service commun avec l'EPCI (art. L5211-4-2 CGCT), puis signature de la convention.",
  MISE_A_DISPOSITION:
    'Convention de mise à disposition de services (art. L5211-4-1 CGCT), approuvée par délibérations concordantes de la commune et de l’EPCI.',
  CONVENTION_DE_GESTION:
    'Convention de gestion (art. L5215-27 et L5217-7 CGCT) approuvée par délibération du conseil municipal.',
  GROUPEMENT_DE_COMMANDES:
    'Adhésion à la convention constitutive du groupement de commandes par délibération, avant le lancement de la consultation (art. L2113-6 du code de la commande publique).',
  CENTRALE_D_ACHAT:
    "Adhésion à la centrale d'achat de l'EPCI par délibération, puis commandes sur ses marchés (art. L2113-2 du code de la commande publique).",
  ENTENTE: 'Entente intercommunale : délibérations concordantes et convention entre les membres (art. L5221-1 CGCT).',
  CONVENTION: 'Convention entre la commune et les partenaires, approuvée par délibération du conseil municipal.',
  OUTIL_PARTAGE: "Demande d'accès auprès de l'EPCI, puis convention d'utilisation de l'outil partagé.",
  RESEAU: 'Désigner un référent de la commune auprès de la mission de coordination : aucune délibération nécessaire.',
  ETUDE: "Manifester l'intérêt de la commune auprès de la mission de coordination pour être associée à l'étude.",
  AUTRE: 'Prendre contact avec la mission de coordination pour convenir des modalités.',
}

const underStudyPrefix =
  "Ouverture à l'étude : signaler l'intérêt de la commune à la mission de coordination ; à l'issue de l'étude, "

/** How a commune joins an action, in French, given the legal instrument and whether opening is still studied. */
export function howToJoin(instrument: Instrument, openness: Openness): string {
  const procedure = procedureByInstrument[instrument]
  if (openness !== 'UNDER_STUDY') return procedure
  return underStudyPrefix + procedure.charAt(0).toLowerCase() + procedure.slice(1)
}

/**
 * Whether an organisation can join an action: the action must be open (or its opening studied),
 * not abandoned, open to that organisation, and the organisation not already in it.
 * A pending request stays joinable so the commune sees where it stands.
 */
export function joinability(organisationId: string, action: JoinableAction, state: ParticipationState | undefined): Joinability {
  if (action.openness === 'CLOSED') return { ok: false, reason: 'CLOSED' }
  if (action.status === 'ABANDONED') return { ok: false, reason: 'ABANDONED' }
  if (state === 'MEMBER' || state === 'PLANNED') return { ok: false, reason: 'ALREADY_MEMBER' }
  if (action.openTo.length > 0 && !action.openTo.includes(organisationId)) return { ok: false, reason: 'NOT_LISTED' }
  return { ok: true, howToJoin: howToJoin(action.instrument, action.openness), pendingRequest: state === 'REQUESTED' }
}

export interface JoinOpportunity<A extends JoinableAction> {
  action: A
  openness: Openness
  howToJoin: string
  pendingRequest: boolean
}

/** The actions an organisation can join, in the order given. */
export function joinOpportunities<A extends JoinableAction>(
  organisationId: string,
  actions: readonly A[],
  stateByAction: ReadonlyMap<string, ParticipationState>,
): JoinOpportunity<A>[] {
  const opportunities: JoinOpportunity<A>[] = []
  for (const action of actions) {
    const verdict = joinability(organisationId, action, stateByAction.get(action.id))
    if (verdict.ok) opportunities.push({ action, openness: action.openness, howToJoin: verdict.howToJoin, pendingRequest: verdict.pendingRequest })
  }
  return opportunities
}
