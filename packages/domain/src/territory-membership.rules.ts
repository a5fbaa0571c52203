// Which communes make up an EPCI, from the official data (`@etalab/decoupage-administratif`), and
// what a newer release changes for a territory Mutualis already holds: communes that joined, left,
// or merged into a commune nouvelle, and populations and names to update. The caller loads the
// JSON and passes it; nothing here reads a file.
import type { OfficialCommune } from './commune-names.rules.ts'
import type { LegalType } from './enums.ts'
import { longFrenchDate, plural } from './labels.ts'

/** An EPCI as `data/epci.json` gives it (pass its entries as they are). */
export interface OfficialEpciEntry {
  /** The EPCI's SIREN. */
  code: string
  nom: string
  /** 'CC', 'CA', 'CU', 'METRO', 'MET69' (the Métropole de Lyon) or 'EPT'. */
  type: string
  membres: ReadonlyArray<{ code: string; siren: string; nom: string; populationMunicipale?: number | null; populationTotale?: number | null }>
}

/** A member commune as Mutualis records it. */
export interface MemberCommune {
  inseeCode: string
  siren: string | null
  name: string
  /** Population municipale (the legal population), as `epci.json` gives it for the members. */
  population: number | null
}

export interface OfficialTerritory {
  siren: string
  name: string
  legalType: LegalType
  members: MemberCommune[]
}

export type EpciLookup = { ok: true; epci: OfficialTerritory } | { ok: false; cause: 'INVALID' | 'UNKNOWN'; reason: string }

export const legalTypeLabels: Record<LegalType, string> = {
  METROPOLE: 'Métropole',
  COMMUNAUTE_URBAINE: 'Communauté urbaine',
  COMMUNAUTE_D_AGGLOMERATION: 'Communauté d’agglomération',
  COMMUNAUTE_DE_COMMUNES: 'Communauté de communes',
  ETABLISSEMENT_PUBLIC_TERRITORIAL: 'Établissement public territorial',
}

const legalTypes: Record<string, LegalType> = {
  METRO: 'METROPOLE',
  // The Métropole de Lyon is a collectivité à statut particulier; as a territory it is a métropole.
  MET69: 'METROPOLE',
  CU: 'COMMUNAUTE_URBAINE',
  CA: 'COMMUNAUTE_D_AGGLOMERATION',
  CC: 'COMMUNAUTE_DE_COMMUNES',
  EPT: 'ETABLISSEMENT_PUBLIC_TERRITORIAL',
}

/** « 242 100 410 » and « 242100410 » are the same SIREN; null when the text is no SIREN at all. */
export function readSiren(text: string): string | null {
  const compact = text.replace(/[\s\u00A0\u202F.]/g, '')
  return /^\d{9}$/.test(compact) ? compact : null
}

function toTerritory(entry: OfficialEpciEntry, legalType: LegalType): OfficialTerritory {
  return {
    siren: entry.code,
    name: entry.nom,
    legalType,
    members: entry.membres.map((m) => ({ inseeCode: m.code, siren: m.siren || null, name: m.nom, population: m.populationMunicipale ?? null })),
  }
}

/** The EPCI of that SIREN in the official data, or why there is none (a commune's SIREN is named as such). */
export function findEpci(siren: string, epcis: readonly OfficialEpciEntry[]): EpciLookup {
  const code = readSiren(siren)
  if (!code) return { ok: false, cause: 'INVALID', reason: `« ${siren.slice(0, 40)} » n’est pas un SIREN : 9 chiffres attendus.` }
  const entry = epcis.find((epci) => epci.code === code)
  if (entry) {
    const legalType = legalTypes[entry.type]
    if (!legalType) return { ok: false, cause: 'UNKNOWN', reason: `${entry.nom} (SIREN ${code}) est d’un type d’EPCI que Mutualis ne connaît pas : « ${entry.type} ».` }
    return { ok: true, epci: toTerritory(entry, legalType) }
  }
  for (const epci of epcis) {
    const commune = epci.membres.find((member) => member.siren === code)
    if (commune) return { ok: false, cause: 'UNKNOWN', reason: `${code} est le SIREN de la commune de ${commune.nom}, pas d’un EPCI : elle est membre de ${epci.nom} (SIREN ${epci.code}).` }
  }
  return { ok: false, cause: 'UNKNOWN', reason: `Aucun EPCI à fiscalité propre de SIREN ${code} dans le découpage administratif officiel.` }
}

/** A commune a territory holds, current member or former one. */
export interface RecordedCommune extends MemberCommune {
  leftOn: Date | null
  mergedIntoInseeCode: string | null
}

/** An official release for one EPCI: its members, every commune of the COG (to tell a merger from a departure), and the day it takes effect. */
export interface MembershipRelease {
  epci: OfficialTerritory
  communes: readonly OfficialCommune[]
  effectiveOn: Date
}

export type CommuneUpdate = Partial<Pick<MemberCommune, 'name' | 'population' | 'siren'>>

export interface MembershipChanges {
  /** Members the territory does not hold yet. */
  added: MemberCommune[]
  /** Communes marked as gone that the release lists as members again. */
  rejoined: MemberCommune[]
  /** Members the release no longer lists, still communes of their own (now in another EPCI, or none). */
  left: Array<{ inseeCode: string; name: string; leftOn: Date }>
  /** Members now part of a commune nouvelle (a commune déléguée or associée of it, or one of its former codes). */
  merged: Array<{ inseeCode: string; name: string; leftOn: Date; mergedIntoInseeCode: string; mergedIntoName: string }>
  /** Members whose official name, population or SIREN changed: only the fields that changed. */
  updated: Array<{ inseeCode: string; name: string; changes: CommuneUpdate }>
}

const byCode = <T extends { inseeCode: string }>(a: T, b: T) => a.inseeCode.localeCompare(b.inseeCode)

/** What became of a commune the release no longer counts among the members. */
function departure(code: string, communes: readonly OfficialCommune[]): { mergedInto: OfficialCommune } | null {
  // A commune nouvelle often keeps its chef-lieu's code: that code then names a current commune.
  if (communes.some((c) => c.code === code && c.type === 'commune-actuelle')) return null
  const absorbed = communes.find((c) => c.code === code && (c.type === 'commune-deleguee' || c.type === 'commune-associee') && c.chefLieu && c.chefLieu !== code)
  const into = absorbed
    ? communes.find((c) => c.code === absorbed.chefLieu && c.type === 'commune-actuelle')
    : communes.find((c) => c.type === 'commune-actuelle' && c.anciensCodes?.includes(code))
  return into ? { mergedInto: into } : null
}

/**
 * What applying an official release changes for a territory's communes. Nothing is ever removed:
 * a commune that is no longer a member is marked as gone from the release's date, and a merger
 * names its commune nouvelle. Each list is in INSEE code order.
 */
export function membershipChanges(recorded: readonly RecordedCommune[], release: MembershipRelease): MembershipChanges {
  const known = new Map(recorded.map((commune) => [commune.inseeCode, commune]))
  const official = new Map(release.epci.members.map((member) => [member.inseeCode, member]))
  const changes: MembershipChanges = { added: [], rejoined: [], left: [], merged: [], updated: [] }
  for (const member of official.values()) {
    const commune = known.get(member.inseeCode)
    if (!commune) changes.added.push(member)
    else if (commune.leftOn) changes.rejoined.push(member)
    else {
      const update: CommuneUpdate = {}
      if (commune.name !== member.name) update.name = member.name
      if (commune.population !== member.population) update.population = member.population
      if (member.siren && commune.siren !== member.siren) update.siren = member.siren
      if (Object.keys(update).length > 0) changes.updated.push({ inseeCode: commune.inseeCode, name: commune.name, changes: update })
    }
  }
  for (const commune of recorded) {
    if (commune.leftOn || official.has(commune.inseeCode)) continue
    const gone = departure(commune.inseeCode, release.communes)
    const leftOn = release.effectiveOn
    if (gone) changes.merged.push({ inseeCode: commune.inseeCode, name: commune.name, leftOn, mergedIntoInseeCode: gone.mergedInto.code, mergedIntoName: gone.mergedInto.nom })
    else changes.left.push({ inseeCode: commune.inseeCode, name: commune.name, leftOn })
  }
  for (const list of Object.values(changes)) list.sort(byCode)
  return changes
}

export function changeCount(changes: MembershipChanges): number {
  return changes.added.length + changes.rejoined.length + changes.left.length + changes.merged.length + changes.updated.length
}

const inhabitants = (population: number | null) => (population === null ? 'population inconnue' : plural(population, 'habitant', 'habitants'))

function updateText(update: MembershipChanges['updated'][number]): string {
  const parts = [
    ...(update.changes.name !== undefined ? [`nom « ${update.changes.name} »`] : []),
    ...(update.changes.population !== undefined ? [inhabitants(update.changes.population)] : []),
    ...(update.changes.siren !== undefined ? [`SIREN ${update.changes.siren}`] : []),
  ]
  return `${update.name} (${update.inseeCode}) : ${parts.join(', ')}`
}

/** One French line per change, as the command line and the API tell them. */
export function membershipChangeLines(changes: MembershipChanges): string[] {
  return [
    ...changes.added.map((c) => `Commune ajoutée : ${c.name} (${c.inseeCode}, ${inhabitants(c.population)})`),
    ...changes.rejoined.map((c) => `Commune de nouveau membre : ${c.name} (${c.inseeCode})`),
    ...changes.left.map((c) => `Commune sortie le ${longFrenchDate(c.leftOn)} : ${c.name} (${c.inseeCode}), son historique est gardé`),
    ...changes.merged.map((c) => `Commune fusionnée le ${longFrenchDate(c.leftOn)} dans ${c.mergedIntoName} (${c.mergedIntoInseeCode}) : ${c.name} (${c.inseeCode}), son historique est gardé`),
    ...changes.updated.map((c) => `Mise à jour : ${updateText(c)}`),
  ]
}
