// French labels of the schéma's enumerations. The enum values themselves come from the Prisma
// model (apps/api/prisma/models.prisma); these records are keyed by them so a missing label is a type error.
import type { ActionStatus, Instrument, Openness, OrganisationKind, ParticipationRole, ParticipationState } from './enums.ts'

export const statusLabels: Record<ActionStatus, string> = {
  IMPLEMENTED: 'Mis en œuvre',
  IN_PROGRESS: 'En cours',
  PLANNED: 'À venir',
  TO_STUDY: 'À étudier',
  NOT_STARTED: 'Non démarré',
  NO_PROGRESS: "Pas d'avancée",
  ABANDONED: 'Abandonné',
  NOT_REPORTED: 'Non renseigné',
}

export const instrumentLabels: Record<Instrument, string> = {
  SERVICE_COMMUN: 'Service commun',
  MISE_A_DISPOSITION: 'Convention de mise à disposition',
  CONVENTION_DE_GESTION: 'Convention de gestion',
  GROUPEMENT_DE_COMMANDES: 'Groupement de commandes',
  CENTRALE_D_ACHAT: "Centrale d'achat",
  ENTENTE: 'Entente',
  CONVENTION: 'Convention',
  OUTIL_PARTAGE: 'Outil partagé',
  RESEAU: 'Réseau',
  ETUDE: 'Étude',
  AUTRE: 'Autre',
}

export const opennessLabels: Record<Openness, string> = {
  CLOSED: 'Périmètre actuel uniquement',
  OPEN: 'Ouvert aux communes volontaires',
  UNDER_STUDY: 'Ouverture à l’étude',
}

export const organisationKindLabels: Record<OrganisationKind, string> = {
  COMMUNE: 'Commune',
  EPCI: 'EPCI',
  CCAS: 'CCAS',
  EPL: 'Entreprise publique locale',
  OFFICE_DE_TOURISME: 'Office de tourisme',
  SYNDICAT_MIXTE: 'Syndicat mixte',
  ETABLISSEMENT_PUBLIC: 'Établissement public',
  OTHER: 'Autre organisme',
}

export const roleLabels: Record<ParticipationRole, string> = {
  PILOT: 'Pilote',
  MEMBER: 'Membre',
  BENEFICIARY: 'Bénéficiaire',
  PARTNER: 'Partenaire',
}

export const participationStateLabels: Record<ParticipationState, string> = {
  MEMBER: 'Membre',
  PLANNED: 'Adhésion prévue',
  REQUESTED: 'Demande en cours',
  FORMER: 'Ancien membre',
}

// Built on first use: the first Intl object of a page loads the locale data, which a screen without dates does not need.
let monthName: Intl.DateTimeFormat | undefined

/** « 1er janvier 2027 », « 31 mars 2027 »: a day as a French text says it. Days are stored at midnight UTC. */
export function longFrenchDate(date: Date): string {
  const day = date.getUTCDate()
  return `${day === 1 ? '1er' : day} ${(monthName ??= new Intl.DateTimeFormat('fr-FR', { month: 'long', timeZone: 'UTC' })).format(date)} ${date.getUTCFullYear()}`
}

let count: Intl.NumberFormat | undefined

/** « 1 action », « 12 actions », « 1 250 communes » (thousands grouped by U+202F, as Intl does). */
export function plural(amount: number, one: string, many: string): string {
  // Below a thousand there is nothing to group: no Intl object, whose locale data a first screen does without.
  const written = Number.isInteger(amount) && Math.abs(amount) < 1000 ? String(amount) : (count ??= new Intl.NumberFormat('fr-FR')).format(amount)
  return `${written} ${amount > 1 ? many : one}`
}
