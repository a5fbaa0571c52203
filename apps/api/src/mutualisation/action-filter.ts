import { dayRange, idOf, searchWords, since } from '../analytics/list-filters.ts'
import type { ActionStatus, Instrument, Openness, Prisma } from '../generated/sqlite/client.ts'

export interface ActionFilterInput {
  status?: ActionStatus[] | null
  domain?: { typename: string; id: string } | null
  instrument?: Instrument[] | null
  communeInseeCode?: string | null
  search?: string | null
  openness?: Openness[] | null
  organisation?: { typename: string; id: string } | null
  offer?: { typename: string; id: string } | null
  sharedService?: { typename: string; id: string } | null
  jointContract?: { typename: string; id: string } | null
  updatedSince?: Date | null
  effectiveFrom?: Date | null
  effectiveTo?: Date | null
  plannedFrom?: Date | null
  plannedTo?: Date | null
}

/** A word of a search, in the action's own text, its domain's name or its offer's name and summary. */
export const actionMentions = (word: string): Prisma.ActionWhereInput => ({
  OR: [{ searchText: { contains: word } }, { domain: { searchText: { contains: word } } }, { offer: { searchText: { contains: word } } }],
})

/** The Prisma condition for an ActionFilter; every word of `search` must appear (in the action, its domain or its offer), accents and case ignored. */
export function actionWhere(filter: ActionFilterInput | null | undefined, territorySiren?: string | null): Prisma.ActionWhereInput {
  const words = searchWords(filter?.search)
  return {
    archivedAt: null,
    ...(territorySiren ? { territory: { siren: territorySiren } } : {}),
    ...(filter?.status?.length ? { status: { in: filter.status } } : {}),
    ...(filter?.domain ? { domainId: filter.domain.id } : {}),
    ...(filter?.instrument?.length ? { instrument: { in: filter.instrument } } : {}),
    ...(filter?.communeInseeCode ? { participants: { some: { organisation: { inseeCode: filter.communeInseeCode } } } } : {}),
    ...(words.length || filter?.organisation ? { AND: [...words.map(actionMentions), ...organisationTakingPart(filter)] } : {}),
    ...(filter?.openness?.length ? { openness: { in: filter.openness } } : {}),
    ...offerCondition(filter),
    ...(filter?.updatedSince ? { updatedAt: since(filter.updatedSince) } : {}),
    ...(filter?.effectiveFrom || filter?.effectiveTo ? { effectiveDate: dayRange(filter.effectiveFrom, filter.effectiveTo) } : {}),
    ...(filter?.plannedFrom || filter?.plannedTo ? { plannedDate: dayRange(filter.plannedFrom, filter.plannedTo) } : {}),
  }
}

// Kept apart from communeInseeCode's condition on the same relation, so that both filters apply.
function organisationTakingPart(filter: ActionFilterInput | null | undefined): Prisma.ActionWhereInput[] {
  return filter?.organisation ? [{ participants: { some: { organisationId: idOf(filter.organisation, 'Organisation', 'Commune') } } }] : []
}

/** `offer`, or the deprecated `sharedService` / `jointContract` that name an offer under their old type. */
function offerCondition(filter: ActionFilterInput | null | undefined): Prisma.ActionWhereInput {
  const ids = [
    idOf(filter?.offer, 'Offer', 'SharedService', 'JointContract'),
    idOf(filter?.sharedService, 'SharedService', 'Offer'),
    idOf(filter?.jointContract, 'JointContract', 'Offer'),
  ].filter((id): id is string => id !== undefined)
  if (ids.length === 0) return {}
  return ids.every((id) => id === ids[0]) ? { offerId: ids[0] } : { offerId: { in: [] } }
}
