import { searchText } from '@mutualis/domain'
import { GraphQLError } from 'graphql'
import type {
  ActionStatus,
  Instrument,
  OrganisationKind,
  ParticipationRole,
  ParticipationState,
  Prisma,
  ProcurementProcedure,
  OfferKind,
  Eligibility,
} from '../generated/sqlite/client.ts'
import { requestLimits } from '../request-limits.ts'
import { endOfDay } from './history.rules.ts'

type GlobalId = { typename: string; id: string } | null | undefined

/** The database id behind a global id, refusing an id of another type (a commune's id is an organisation's). */
export function idOf(globalId: GlobalId, ...typenames: string[]): string | undefined {
  if (!globalId) return undefined
  if (!typenames.includes(globalId.typename)) {
    throw new GraphQLError(`L'identifiant donné désigne un objet ${globalId.typename}, et non ${typenames.join(' ou ')}.`, { extensions: { code: 'VALIDATION' } })
  }
  return globalId.id
}

/** A condition on a calendar-date column between two days, both included; nothing when neither is given. */
export function dayRange(from: Date | null | undefined, to: Date | null | undefined) {
  if (!from && !to) return undefined
  return { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) }
}

/** A condition on a timestamp column (createdAt, updatedAt) from the start of a day on. */
export function since(day: Date | null | undefined) {
  return day ? { gte: day } : undefined
}

const territory = (siren: string | null | undefined) => (siren ? { territory: { siren } } : {})
/**
 * The words of a `search` filter, each of which must appear. Bounded: every word is a LIKE over the
 * column, and SQLite refuses patterns past 50,000 characters with an internal error.
 */
export function searchWords(search: string | null | undefined): string[] {
  if (!search) return []
  if (search.length > requestLimits.searchText) {
    throw new GraphQLError(`La recherche dépasse ${requestLimits.searchText} caractères (${search.length}).`, { extensions: { code: 'VALIDATION', field: 'search' } })
  }
  return searchText(search).split(' ').filter(Boolean)
}
const listed = <T>(values: T[] | null | undefined) => (values?.length ? { in: values } : undefined)
/** Drops undefined entries so that an absent filter adds no condition. */
const defined = <T extends object>(where: T): T => Object.fromEntries(Object.entries(where).filter(([, value]) => value !== undefined)) as T

export interface ParticipationFilterInput {
  state?: ParticipationState[] | null
  role?: ParticipationRole[] | null
  organisationKind?: OrganisationKind[] | null
  organisation?: GlobalId
  communeInseeCode?: string | null
  action?: GlobalId
  domain?: GlobalId
  instrument?: Instrument[] | null
  sharedService?: GlobalId
  sinceFrom?: Date | null
  sinceTo?: Date | null
  updatedSince?: Date | null
}

export function participationWhere(filter: ParticipationFilterInput | null | undefined, territorySiren?: string | null): Prisma.ParticipationWhereInput {
  return defined({
    state: listed(filter?.state),
    role: listed(filter?.role),
    organisationId: idOf(filter?.organisation, 'Organisation', 'Commune'),
    organisation: filter?.communeInseeCode || filter?.organisationKind?.length
      ? defined({ inseeCode: filter.communeInseeCode ?? undefined, kind: listed(filter.organisationKind) })
      : undefined,
    actionId: idOf(filter?.action, 'Action'),
    action: defined({
      archivedAt: null,
      ...territory(territorySiren),
      domainId: idOf(filter?.domain, 'Domain'),
      instrument: listed(filter?.instrument),
      offerId: idOf(filter?.sharedService, 'SharedService', 'Offer'),
    }),
    since: dayRange(filter?.sinceFrom, filter?.sinceTo),
    updatedAt: since(filter?.updatedSince),
  })
}

export interface ProgressUpdateFilterInput {
  statusAfter?: ActionStatus[] | null
  action?: GlobalId
  domain?: GlobalId
  communeInseeCode?: string | null
  dateFrom?: Date | null
  dateTo?: Date | null
  updatedSince?: Date | null
  meeting?: string | null
}

export function progressUpdateWhere(filter: ProgressUpdateFilterInput | null | undefined, territorySiren?: string | null): Prisma.ProgressUpdateWhereInput {
  return defined({
    statusAfter: listed(filter?.statusAfter),
    actionId: idOf(filter?.action, 'Action'),
    action: defined({
      archivedAt: null,
      ...territory(territorySiren),
      domainId: idOf(filter?.domain, 'Domain'),
      participants: filter?.communeInseeCode ? { some: { organisation: { inseeCode: filter.communeInseeCode } } } : undefined,
    }),
    date: dayRange(filter?.dateFrom, filter?.dateTo),
    // A point d'avancement is never edited: it is new since the day it was recorded.
    createdAt: since(filter?.updatedSince),
    meeting: filter?.meeting ?? undefined,
  })
}

export interface SharedServiceFilterInput {
  memberCommuneInseeCode?: string | null
  organisation?: GlobalId
  createdFrom?: Date | null
  createdTo?: Date | null
  updatedSince?: Date | null
}

/** Members of an offer in the ordinary sense: members today (planned or former ones are not). */
const memberOf = (organisation: Prisma.OrganisationWhereInput) => ({ members: { some: { state: 'MEMBER' as const, organisation } } })

/** The deprecated services communs list: offers of kind SERVICE_COMMUN. */
export function sharedServiceWhere(filter: SharedServiceFilterInput | null | undefined, territorySiren?: string | null): Prisma.OfferWhereInput {
  const organisationId = idOf(filter?.organisation, 'Organisation', 'Commune')
  const member = filter?.memberCommuneInseeCode ? { inseeCode: filter.memberCommuneInseeCode } : organisationId ? { id: organisationId } : undefined
  return defined({
    kind: 'SERVICE_COMMUN' as const,
    archivedAt: null,
    ...territory(territorySiren),
    startDate: dayRange(filter?.createdFrom, filter?.createdTo),
    updatedAt: since(filter?.updatedSince),
    ...(member ? memberOf(member) : {}),
  })
}

export interface JointContractFilterInput {
  procedure?: ProcurementProcedure[] | null
  dueWithinMonths?: number | null
  endFrom?: Date | null
  endTo?: Date | null
  updatedSince?: Date | null
}

/** The days from today to the same day `months` later (the month's last day when it is shorter), both included. */
export function dueWindow(months: number, today: Date): { from: Date; to: Date } {
  if (!Number.isInteger(months) || months < 0 || months > 120) {
    throw new GraphQLError('withinMonths : un nombre entier de mois entre 0 et 120 est attendu.', { extensions: { code: 'VALIDATION' } })
  }
  const year = today.getUTCFullYear()
  const month = today.getUTCMonth() + months
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return { from: today, to: new Date(Date.UTC(year, month, Math.min(today.getUTCDate(), lastDay))) }
}

/** End or renewal within the window (the notice deadline comes before either, so it is within too when they are). */
function dueIn(window: { from: Date; to: Date } | undefined) {
  return window ? [{ endDate: { gte: window.from, lt: endOfDay(window.to) } }, { renewalDate: { gte: window.from, lt: endOfDay(window.to) } }] : undefined
}

/** The deprecated joint contracts list: offers of kind GROUPEMENT_DE_COMMANDES or CENTRALE_D_ACHAT. */
export function jointContractWhere(filter: JointContractFilterInput | null | undefined, territorySiren: string | null | undefined, today: Date): Prisma.OfferWhereInput {
  const window = filter?.dueWithinMonths != null ? dueWindow(filter.dueWithinMonths, today) : undefined
  return defined({
    archivedAt: null,
    ...territory(territorySiren),
    kind: { in: listed(filter?.procedure)?.in ?? ['GROUPEMENT_DE_COMMANDES', 'CENTRALE_D_ACHAT'] },
    endDate: dayRange(filter?.endFrom, filter?.endTo),
    updatedAt: since(filter?.updatedSince),
    OR: dueIn(window),
  })
}

export interface OfferFilterInput {
  kind?: OfferKind[] | null
  eligibility?: Eligibility[] | null
  domain?: GlobalId
  member?: GlobalId
  memberCommuneInseeCode?: string | null
  search?: string | null
  dueWithinMonths?: number | null
  updatedSince?: Date | null
}

export function offerWhere(filter: OfferFilterInput | null | undefined, territorySiren: string | null | undefined, today: Date): Prisma.OfferWhereInput {
  const domainId = idOf(filter?.domain, 'Domain')
  const organisationId = idOf(filter?.member, 'Organisation', 'Commune')
  const member = filter?.memberCommuneInseeCode ? { inseeCode: filter.memberCommuneInseeCode } : organisationId ? { id: organisationId } : undefined
  const window = filter?.dueWithinMonths != null ? dueWindow(filter.dueWithinMonths, today) : undefined
  return defined({
    archivedAt: null,
    ...territory(territorySiren),
    kind: listed(filter?.kind),
    eligibility: listed(filter?.eligibility),
    domainId,
    updatedAt: since(filter?.updatedSince),
    ...(member ? memberOf(member) : {}),
    OR: dueIn(window),
    AND: searchWords(filter?.search).map((word) => ({ searchText: { contains: word } })),
  })
}

export interface CommuneFilterInput {
  search?: string | null
  memberOf?: GlobalId
  participatesIn?: GlobalId
  populationMin?: number | null
  populationMax?: number | null
  updatedSince?: Date | null
}

export function communeWhere(filter: CommuneFilterInput | null | undefined, territorySiren?: string | null): Prisma.OrganisationWhereInput {
  const offerId = idOf(filter?.memberOf, 'Offer', 'SharedService', 'JointContract')
  const actionId = idOf(filter?.participatesIn, 'Action')
  const population = filter?.populationMin != null || filter?.populationMax != null
    ? defined({ gte: filter.populationMin ?? undefined, lte: filter.populationMax ?? undefined })
    : undefined
  const participations = [
    ...(offerId ? [{ offerMembers: { some: { state: 'MEMBER' as const, offerId, offer: { archivedAt: null } } } }] : []),
    ...(actionId ? [{ participations: { some: { actionId } } }] : []),
  ]
  return defined({
    kind: 'COMMUNE' as const,
    ...territory(territorySiren),
    population,
    updatedAt: since(filter?.updatedSince),
    AND: [...searchWords(filter?.search).map((word) => ({ searchName: { contains: word } })), ...participations],
  })
}
