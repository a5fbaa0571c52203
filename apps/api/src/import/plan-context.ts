// What planning an import needs of the territory besides its records: who a sheet's names are, and
// the domains the sheet adds.
import { randomUUID } from 'node:crypto'
import { importKey, searchText, slugOf, type OrganisationRef, type SchemaRow } from '@mutualis/domain'
import type { TerritoryState } from './import-state.ts'

export interface DomainPlan {
  id: string
  territoryId: string
  key: string
  name: string
  searchText: string
  position: number
}

export interface PlanContext {
  territoryId: string
  /** The EPCI among the territory's organisations (null if it has none: rows naming it are refused). */
  epciId: string | null
  today: Date
  fileName: string
  organisationId(ref: OrganisationRef): string
  /** The organisations a row's « Communes » names, once each. */
  participantIds(row: SchemaRow): string[]
  nameOf(organisationId: string): string
  /** The id of the domain of that name, planning its creation when the territory has none. */
  domainId(name: string): string
  domainName(id: string): string
  newDomains: DomainPlan[]
}

const slug = (name: string) => slugOf(name, 50) || 'domaine'

export function planContext(state: TerritoryState, fileName: string): PlanContext {
  const domains = new Map(state.domains.map((domain) => [importKey(domain.name), domain.id]))
  const names = new Map(state.domains.map((domain) => [domain.id, domain.name]))
  const keys = new Set(state.domains.map((domain) => domain.key))
  let position = state.domains.reduce((last, domain) => Math.max(last, domain.position), -1)
  const newDomains: DomainPlan[] = []
  const organisationId = (ref: OrganisationRef): string => {
    if (ref.kind === 'TERRITORY') return state.epci!.id
    return ref.kind === 'COMMUNE' ? state.communeIds.get(ref.code)! : state.organisationIds.get(ref.key)!
  }
  return {
    territoryId: state.territory.id,
    epciId: state.epci?.id ?? null,
    today: state.context.today,
    fileName,
    organisationId,
    participantIds: (row) => [
      ...new Set([
        ...row.participants.communes.map((code) => state.communeIds.get(code)!),
        ...(row.participants.territory && state.epci ? [state.epci.id] : []),
        ...row.participants.organisations.map((key) => state.organisationIds.get(key)!),
      ]),
    ],
    nameOf: (id) => state.organisationNames.get(id) ?? id,
    domainId(name) {
      const found = domains.get(importKey(name))
      if (found) return found
      let key = slug(name)
      for (let n = 2; keys.has(key); n++) key = `${slug(name)}-${n}`
      const domain = { id: randomUUID(), territoryId: state.territory.id, key, name: name.trim(), searchText: searchText(name), position: ++position }
      keys.add(key)
      domains.set(importKey(name), domain.id)
      names.set(domain.id, domain.name)
      newDomains.push(domain)
      return domain.id
    },
    domainName: (id) => names.get(id) ?? id,
    newDomains,
  }
}
