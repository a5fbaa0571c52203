// Who a spreadsheet names besides communes: the « Porteur » of a row (a commune, the EPCI, or one of
// the territory's other organisations — CCAS, office de tourisme…) and the organisations a
// « Communes » cell lists among its communes (« Dijon, CCAS de Dijon »).
import { readCommuneName, type CommuneMatcher } from './commune-names.rules.ts'
import { readCommuneList, type CommuneReading } from './commune-list.rules.ts'
import { closestLabels, importKey, refuse, type ImportRefusal } from './import-text.ts'

/** One of the territory's organisations other than its communes and itself, as the import knows it. */
export interface ImportOrganisation {
  /** Its stable key (« ccas-dijon »), which a sheet may also write. */
  key: string
  name: string
}

/** Who a name designates: a member commune, the EPCI itself, or another organisation of the territory. */
export type OrganisationRef = { kind: 'COMMUNE'; code: string; name: string } | { kind: 'TERRITORY' } | { kind: 'ORGANISATION'; key: string; name: string }

export type OrganisationReading = ({ ok: true } & OrganisationRef) | ImportRefusal

function organisationIndex(organisations: readonly ImportOrganisation[]): Map<string, ImportOrganisation> {
  const index = new Map<string, ImportOrganisation>()
  for (const organisation of organisations) for (const key of [importKey(organisation.name), importKey(organisation.key)]) if (key && !index.has(key)) index.set(key, organisation)
  return index
}

const organisationCandidates = (organisations: readonly ImportOrganisation[]) => organisations.map((organisation) => ({ key: importKey(organisation.name), label: organisation.name }))

/**
 * A cell naming one body (« Porteur »): an organisation of the territory by its name or key, else a
 * commune as readCommuneName reads it. A former or non-member commune is refused with its reason;
 * a name that is nothing known, with the closest organisations and communes. Null for an empty cell.
 */
export function readOrganisationName(text: string, matcher: CommuneMatcher, organisations: readonly ImportOrganisation[]): OrganisationReading | null {
  const written = text.trim()
  if (!written) return null
  const organisation = organisationIndex(organisations).get(importKey(written))
  if (organisation) return { ok: true, kind: 'ORGANISATION', key: organisation.key, name: organisation.name }
  const commune = readCommuneName(written, matcher)!
  if (commune.ok) return commune.kind === 'MEMBER' ? { ok: true, kind: 'COMMUNE', code: commune.code, name: commune.name } : { ok: true, kind: 'TERRITORY' }
  if (commune.cause !== 'UNKNOWN') return commune
  const suggestions = [...closestLabels(importKey(written), organisationCandidates(organisations)), ...commune.suggestions]
  return refuse(`« ${written} » n’est ni une commune ni un organisme de ${matcher.territory.name}.`, suggestions, suggestions.length > 0 ? undefined : `Écrire le nom d’une commune membre, « ${matcher.territory.name} » ou celui d’un organisme du territoire.`)
}

export interface ParticipantsReading {
  ok: boolean
  /** The member communes named, by INSEE code, once each (every member for « toutes les communes », less the exceptions). */
  communes: string[]
  /** The EPCI itself is named. */
  territory: boolean
  /** The territory's other organisations named, by key. */
  organisations: string[]
  /** The names refused, each with the text the cell gave it. */
  refused: Array<ImportRefusal & { text: string }>
}

/**
 * A « Communes » cell: the organisations of the territory it lists (between commas, semicolons or
 * line breaks, by their exact name or key) taken out first, the rest read as readCommuneList reads
 * a list of communes. A name that is no commune gets the closest organisations as suggestions too.
 */
export function readParticipants(cell: string | null | undefined, matcher: CommuneMatcher, organisations: readonly ImportOrganisation[]): ParticipantsReading {
  const index = organisationIndex(organisations)
  const named: string[] = []
  const rest = (cell ?? '').replace(/[^,;\n\r]+/g, (segment) => {
    const organisation = index.get(importKey(segment))
    if (!organisation) return segment
    if (!named.includes(organisation.key)) named.push(organisation.key)
    return ''
  })
  const list = readCommuneList(rest.replace(/^[\s,;]+|[\s,;]+$/g, ''), matcher)
  const candidates = organisationCandidates(organisations)
  const refused = list.items.flatMap((item: CommuneReading) => {
    if (item.ok) return []
    if (item.cause !== 'UNKNOWN') return [{ ...item, text: item.text }]
    const suggestions = [...closestLabels(importKey(item.text), candidates), ...item.suggestions]
    return [{ ...refuse(item.reason, suggestions), text: item.text }]
  })
  return { ok: refused.length === 0, communes: list.codes, territory: list.territory, organisations: named, refused }
}
