import { offerKindLabels, searchText, type RankedText } from '@mutualis/domain'
import { GraphQLError } from 'graphql'
import { db } from '../db.ts'
import type { Action, Domain, Offer, Organisation, Prisma } from '../generated/sqlite/client.ts'
import { requestLimits } from '../request-limits.ts'
import { communesWhere } from '../territories/communes-where.ts'

/**
 * The words of a search, each of which must appear; the lists' `search` filters read them too.
 * Bounded: every word is a LIKE over the column, and SQLite refuses patterns past 50,000 characters
 * with an internal error.
 */
export function searchWords(search: string | null | undefined): string[] {
  if (!search) return []
  if (search.length > requestLimits.searchText) {
    throw new GraphQLError(`La recherche dépasse ${requestLimits.searchText} caractères (${search.length}).`, { extensions: { code: 'VALIDATION', field: 'search' } })
  }
  return searchText(search).split(' ').filter(Boolean)
}

/** A word of a search, in the action's own text, its domain's name or its offer's name and summary. */
export const actionMentions = (word: string): Prisma.ActionWhereInput => ({
  OR: [{ searchText: { contains: word } }, { domain: { searchText: { contains: word } } }, { offer: { searchText: { contains: word } } }],
})

export type SearchHit = RankedText & { detail: string | null; commune?: Organisation; offer?: Offer; domain?: Domain; action?: Action }

/** Candidates read per kind before ranking: enough for a phone's list, bounded whatever is typed. */
const candidates = 100

/**
 * Every commune, offer, domain and action whose text holds each word (accents and case ignored):
 * an offer or an action also by its domain's name, an action by its offer's. Four statements.
 */
export async function searchAll(typed: string, territorySiren: string | null | undefined): Promise<SearchHit[]> {
  const words = searchWords(typed)
  if (words.length === 0) return []
  const territory = territorySiren ? { territory: { siren: territorySiren } } : {}
  const [communes, offers, domains, actions] = await Promise.all([
    db.organisation.findMany({ where: { ...communesWhere(), ...territory, AND: words.map((word) => ({ searchName: { contains: word } })) }, take: candidates }),
    db.offer.findMany({
      where: { archivedAt: null, ...territory, AND: words.map((word) => ({ OR: [{ searchText: { contains: word } }, { domain: { searchText: { contains: word } } }] })) },
      include: { domain: { select: { name: true } } },
      take: candidates,
    }),
    db.domain.findMany({ where: { ...territory, AND: words.map((word) => ({ searchText: { contains: word } })) }, take: candidates }),
    db.action.findMany({
      where: { archivedAt: null, ...territory, AND: words.map(actionMentions) },
      include: { domain: { select: { name: true } }, offer: { select: { name: true } } },
      take: candidates,
    }),
  ])
  return [
    ...communes.map((commune): SearchHit => ({ kind: 'COMMUNE', name: commune.name, body: '', detail: commune.population ? `${commune.population.toLocaleString('fr-FR')} habitants` : null, commune })),
    ...offers.map(({ domain, ...offer }): SearchHit => ({ kind: 'OFFER', name: offer.name, body: [offer.summary, domain?.name].filter(Boolean).join(' '), detail: [offerKindLabels[offer.kind], domain?.name].filter(Boolean).join(' · '), offer })),
    ...domains.map((domain): SearchHit => ({ kind: 'DOMAIN', name: domain.name, body: '', detail: null, domain })),
    ...actions.map(({ domain, offer, ...action }): SearchHit => ({ kind: 'ACTION', name: action.title, body: [action.description, domain.name, offer?.name].filter(Boolean).join(' '), detail: domain.name, action: action as Action })),
  ]
}
