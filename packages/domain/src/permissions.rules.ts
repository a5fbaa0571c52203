import type { ParticipationState, Role } from './enums.ts'

export interface Actor {
  role: Role
  territoryId: string
  organisationIds: readonly string[]
  /** Runs the platform: creates territories from the official data (never set through the API). */
  platformAdmin?: boolean
}

export interface ActionScope {
  territoryId: string
  participants: ReadonlyArray<{ organisationId: string; state: ParticipationState }>
}

export type Permission = { ok: true } | { ok: false; reason: string }

const allowed: Permission = { ok: true }
const otherTerritory: Permission = { ok: false, reason: 'Cet élément relève d’un autre territoire.' }

/** Admins record progress on any action of their territory; editors on those their organisation takes part in. */
export function canRecordProgress(actor: Actor, action: ActionScope): Permission {
  if (actor.territoryId !== action.territoryId) return otherTerritory
  if (actor.role === 'ADMIN') return allowed
  if (actor.role !== 'EDITOR') return { ok: false, reason: 'Les comptes d’analyste ne peuvent pas modifier le schéma.' }
  const takesPart = action.participants.some((p) => actor.organisationIds.includes(p.organisationId) && (p.state === 'MEMBER' || p.state === 'PLANNED'))
  return takesPart ? allowed : { ok: false, reason: 'Votre organisation ne participe pas à cette action.' }
}

/** Editors ask to join for their own organisations; admins may do it on behalf of any body of their territory. */
export function canRequestToJoin(actor: Actor, organisation: { id: string; territoryId: string }): Permission {
  if (actor.territoryId !== organisation.territoryId) return otherTerritory
  if (actor.role === 'ADMIN') return allowed
  if (actor.role === 'EDITOR' && actor.organisationIds.includes(organisation.id)) return allowed
  return { ok: false, reason: 'Vous ne pouvez demander l’adhésion que pour votre propre organisation.' }
}

/** Only the coordination team (admins of the territory) changes the schéma itself. */
export function canAdminister(actor: Actor, territoryId: string): Permission {
  if (actor.territoryId !== territoryId) return otherTerritory
  return actor.role === 'ADMIN' ? allowed : { ok: false, reason: 'Réservé à la mission de coordination (administrateurs).' }
}

/** A new territory is the platform's decision, not a territory's: platform admins only. */
export function canCreateTerritory(actor: Actor): Permission {
  return actor.platformAdmin ? allowed : { ok: false, reason: 'Seuls les administrateurs de la plateforme Mutualis créent un territoire.' }
}

/** Applying a newer official release: platform admins, or the coordination team of that territory. */
export function canRefreshTerritory(actor: Actor, territoryId: string): Permission {
  if (actor.platformAdmin) return allowed
  if (actor.territoryId !== territoryId) return otherTerritory
  return actor.role === 'ADMIN' ? allowed : { ok: false, reason: 'Réservé à la mission de coordination du territoire (administrateurs) et aux administrateurs de la plateforme.' }
}
