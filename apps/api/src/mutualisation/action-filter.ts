import { searchText } from '@mutualis/domain'
import type { ActionStatus, Instrument, Prisma } from '../generated/sqlite/client.ts'

export interface ActionFilterInput {
  status?: ActionStatus[] | null
  domain?: { typename: string; id: string } | null
  instrument?: Instrument[] | null
  communeInseeCode?: string | null
  search?: string | null
}

/** The Prisma condition for an ActionFilter; every word of `search` must appear, accents and case ignored. */
export function actionWhere(filter: ActionFilterInput | null | undefined, territorySiren?: string | null): Prisma.ActionWhereInput {
  const words = filter?.search ? searchText(filter.search).split(' ').filter(Boolean) : []
  return {
    archivedAt: null,
    ...(territorySiren ? { territory: { siren: territorySiren } } : {}),
    ...(filter?.status?.length ? { status: { in: filter.status } } : {}),
    ...(filter?.domain ? { domainId: filter.domain.id } : {}),
    ...(filter?.instrument?.length ? { instrument: { in: filter.instrument } } : {}),
    ...(filter?.communeInseeCode ? { participants: { some: { organisation: { inseeCode: filter.communeInseeCode } } } } : {}),
    ...(words.length ? { AND: words.map((word) => ({ searchText: { contains: word } })) } : {}),
  }
}
