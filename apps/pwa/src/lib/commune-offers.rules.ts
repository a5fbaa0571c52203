import type { CommuneMembership } from '@mutualis/domain'
import type { CommuneOffer } from './commune.queries.ts'

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
    .map(({ position: _position, ...group }) => ({ ...group, offers: group.offers.sort((a, b) => a.offer.name.localeCompare(b.offer.name, 'fr')) }))
}
