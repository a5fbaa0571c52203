// Test data: the official communes and EPCIs of @etalab/decoupage-administratif 6 (a test-only
// dependency), which the commune rules take as arguments. Commune data is never hand-typed.
import type { CommuneTerritory, OfficialCommune } from './commune-names.rules.ts'
import type { OfficialEpciEntry } from './territory-membership.rules.ts'

// Node's own require, not the bundler: transforming 13 MB of JSON takes it seconds. The computed
// specifier keeps Node's types (which this package does without) out of the type checker.
const nodeModule = 'node:module'
const { createRequire } = (await import(/* @vite-ignore */ nodeModule)) as { createRequire(from: string): (id: string) => unknown }
const require = createRequire((import.meta as unknown as { url: string }).url)
const load = <T>(file: string): T => require(`@etalab/decoupage-administratif/data/${file}.json`) as T

export const officialCommunes = load<OfficialCommune[]>('communes')
/** `data/epci.json` as it is, for the rules that take it whole. */
export const officialEpciEntries = load<OfficialEpciEntry[]>('epci')
export const officialEpcis = officialEpciEntries.map((epci): CommuneTerritory & { siren: string } => ({ siren: epci.code, name: epci.nom, members: epci.membres.map((member) => ({ code: member.code, name: member.nom })) }))

/** The EPCI a commune of that INSEE code belongs to. */
export function territoryOf(code: string): CommuneTerritory & { siren: string } {
  const territory = officialEpcis.find((epci) => epci.members.some((member) => member.code === code))
  if (!territory) throw new Error(`Aucun EPCI ne compte la commune ${code}`)
  return territory
}

/** A member's INSEE code, from its official name. */
export function codeOf(territory: CommuneTerritory, name: string): string {
  const member = territory.members.find((candidate) => candidate.name === name)
  if (!member) throw new Error(`${name} n’est pas membre de ${territory.name}`)
  return member.code
}
