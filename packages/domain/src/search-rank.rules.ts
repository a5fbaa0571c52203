// How a search's hits are ordered: what the user named first, then what mentions it.
import { searchText } from './search-text.ts'

export const searchHitKinds = ['COMMUNE', 'OFFER', 'DOMAIN', 'ACTION'] as const
export type SearchHitKind = (typeof searchHitKinds)[number]

export interface RankedText {
  kind: SearchHitKind
  /** What the hit is called: a commune's or offer's name, a domain's name, an action's title. */
  name: string
  /** The rest of its text that the search also reads (summary, description, domain and offer names). */
  body: string
}

/**
 * A hit's rank, lower first: 0 its name is exactly what was typed, 1 its name starts with it,
 * 2 every word is in its name, 3 the words are found only with its body. Accents and case ignored.
 */
export function searchRank(typed: string, hit: Pick<RankedText, 'name' | 'body'>): number {
  const query = searchText(typed)
  const name = searchText(hit.name)
  const words = query.split(' ').filter(Boolean)
  if (name === query) return 0
  if (name.startsWith(query)) return 1
  if (words.every((word) => name.includes(word))) return 2
  return 3
}

/** Hits in rank order; within a rank, communes, offers, domains, then actions; then by name. */
export function rankSearchHits<T extends RankedText>(typed: string, hits: readonly T[]): T[] {
  const ranked = hits.map((hit) => ({ hit, rank: searchRank(typed, hit), name: searchText(hit.name) }))
  ranked.sort((a, b) => a.rank - b.rank || searchHitKinds.indexOf(a.hit.kind) - searchHitKinds.indexOf(b.hit.kind) || a.name.localeCompare(b.name, 'fr'))
  return ranked.map((entry) => entry.hit)
}
