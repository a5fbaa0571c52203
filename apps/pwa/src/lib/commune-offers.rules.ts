import { searchText, type CommuneMembership } from '@mutualis/domain'
import type { CommuneOffer } from '@mutualis/schema/documents/commune'

export type Segment = 'peut-rejoindre' | 'adhere' | 'a-l-etude'

/** The three answers a maire looks for, and the memberships (the API's) each one shows. */
export const segments: ReadonlyArray<{ id: Segment; label: string; memberships: readonly CommuneMembership[] }> = [
  // A request awaiting its decision stays where it was asked for.
  { id: 'peut-rejoindre', label: 'Peut rejoindre', memberships: ['JOINABLE', 'REQUESTED'] },
  { id: 'adhere', label: 'Adhère déjà', memberships: ['MEMBER'] },
  { id: 'a-l-etude', label: 'À l’étude', memberships: ['UNDER_STUDY'] },
]

export function offersOf(offers: readonly CommuneOffer[], segment: Segment): CommuneOffer[] {
  const memberships = segments.find((candidate) => candidate.id === segment)?.memberships ?? []
  return offers.filter((entry) => memberships.includes(entry.membership))
}

/** The segment a screen opens on: the one asked for, else the first with something in it. */
export function initialSegment(offers: readonly CommuneOffer[], asked: string | null): Segment {
  const known = segments.find((segment) => segment.id === asked)
  if (known) return known.id
  return segments.find((segment) => offersOf(offers, segment.id).length > 0)?.id ?? 'peut-rejoindre'
}

export interface DomainGroup {
  id: string
  name: string
  offers: CommuneOffer[]
}

/**
 * Names in French alphabetical order, compared in their accent-free lower-case form rather than with
 * localeCompare(…, 'fr'): a French collator loads the locale data, a long task on the phone's first
 * screen. The order is the same for the schéma's offer names (tests/pwa/commune-offers.test.tsx).
 */
export function byFrenchName<T>(items: readonly T[], name: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, key: searchText(name(item)) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ item }) => item)
}

/** Offers grouped by domain, domains in the schéma's order, offers by name; those without a domain last. */
export function groupByDomain(offers: readonly CommuneOffer[]): DomainGroup[] {
  const groups = new Map<string, DomainGroup & { position: number }>()
  for (const entry of offers) {
    const domain = entry.offer.domain
    const id = domain?.id ?? 'sans-domaine'
    let group = groups.get(id)
    if (!group) groups.set(id, (group = { id, name: domain?.name ?? 'Autres offres', position: domain?.position ?? Number.MAX_SAFE_INTEGER, offers: [] }))
    group.offers.push(entry)
  }
  return [...groups.values()]
    .sort((a, b) => a.position - b.position)
    .map(({ position: _position, ...group }) => ({ ...group, offers: byFrenchName(group.offers, (entry) => entry.offer.name) }))
}
