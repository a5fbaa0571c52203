// A commune named in a spreadsheet, matched to the official names of its territory: accents,
// case, hyphens, apostrophe shapes, « St »/« Ste » and articles ignored. A name that is a former
// commune, a commune outside the EPCI or no commune at all is refused with the reason.
import { closestLabels, frenchAlternatives, importKey, refuse, type ImportRefusal } from './import-text.ts'
import { longFrenchDate } from './labels.ts'

/**
 * A commune of the Code officiel géographique, shaped as `@etalab/decoupage-administratif`'s
 * `data/communes.json` gives it (pass its entries as they are): current communes, and the
 * communes déléguées and associées a commune nouvelle absorbed (`chefLieu` is the current commune),
 * and municipal arrondissements (`commune` is their city). That file holds no merger dates.
 */
export interface OfficialCommune {
  code: string
  nom: string
  /** 'commune-actuelle', 'commune-deleguee', 'commune-associee' or 'arrondissement-municipal'. */
  type: string
  chefLieu?: string
  commune?: string
  /** Codes of communes a current commune absorbed without keeping them as communes déléguées. */
  anciensCodes?: readonly string[]
  departement?: string
}

export interface CommuneTerritory {
  /** The EPCI's name, as reasons quote it (« Dijon Métropole »). */
  name: string
  /** Other names the EPCI goes by in its documents (« la Métropole », « DM »). */
  aliases?: readonly string[]
  /** Its member communes: INSEE code and name as the territory holds them. */
  members: ReadonlyArray<{ code: string; name: string }>
}

export interface CommuneReference {
  /** All official communes (or those of the territory's départements): without them, a name that is not a member is only « unknown ». */
  communes?: readonly OfficialCommune[]
  /** When each commune nouvelle was created, by its INSEE code, for « commune déléguée de … depuis … » (the COG's mouvements file has it). */
  createdOn?: ReadonlyMap<string, Date>
}

export type CommuneRefusalCause = 'FORMER' | 'ARRONDISSEMENT' | 'NOT_MEMBER' | 'UNKNOWN' | 'AMBIGUOUS'

export type CommuneRefusal = ImportRefusal & { kind: 'REFUSED'; cause: CommuneRefusalCause }

/** What one name reads as: a member commune, the EPCI itself, or a refusal. */
export type CommuneOutcome = { ok: true; kind: 'MEMBER'; code: string; name: string } | { ok: true; kind: 'TERRITORY' } | CommuneRefusal

// `bare`: found only once the article is dropped (« Vergne » is Vergné before La Vergne).
type Entry = ({ kind: 'MEMBER'; code: string; name: string } | { kind: 'TERRITORY' } | { kind: 'OFFICIAL'; commune: OfficialCommune }) & { bare?: boolean }

const abbreviations: Record<string, string> = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes', lez: 'les' }
const articles = new Set(['le', 'la', 'les', 'l'])
// How people name the EPCI itself in a list of communes.
const genericTerritoryNames = ['Métropole', 'Agglomération', 'Communauté', 'Communauté de communes', 'Communauté d’agglomération', 'Communauté urbaine', 'Intercommunalité', 'Interco', 'EPCI']

const abbreviation = /(?:^| )(?:st|ste|sts|stes|lez)(?: |$)/

/** « Sᵗ-Apollinaire », « S^t Apollinaire », « ST APOLLINAIRE » → « saint apollinaire »: the key a name compares on. */
function communeKey(text: string): string {
  // « Vergne (La) », as INSEE lists it, is La Vergne (and not Vergné, of the same CC).
  const key = importKey(text.includes('(') ? text.replace(/^(.*?)\s*\(\s*(le|la|les|l['’ʼ])\s*\)\s*$/iu, '$2 $1') : text)
  return abbreviation.test(key) ? key.split(' ').map((word) => abbreviations[word] ?? word).join(' ') : key
}

/** The words a name compares on (see communeKey). */
export function communeWords(text: string): string[] {
  const key = communeKey(text)
  return key ? key.split(' ') : []
}

/** The keys a name is found under: as written, and without its leading article (« Le Poizat », « Poizat (Le) », « Poizat »). */
function keysOf(name: string): Array<{ key: string; bare: boolean }> {
  const key = communeKey(name)
  const bare = key.startsWith('l') ? key.match(/^(?:le|la|les|l) (.+)$/) : null
  return bare ? [{ key, bare: false }, { key: bare[1], bare: true }] : [{ key, bare: false }]
}

const withDe = (name: string) => (/^[aeiouyàâéèêîôûh]/i.test(name) ? `d’${name}` : `de ${name}`)

/** A name found among the territory's or the official names; `refused` says, cheaply, whether it reads as a refusal. */
export interface CommuneMatch {
  refused: boolean
  /** The outcome, its reason quoting the name as the sheet wrote it. */
  outcome(text: string): CommuneOutcome
}

export interface CommuneMatcher {
  territory: CommuneTerritory
  /** The most words an indexed name has: how far a list reader looks ahead. */
  longestName: number
  lookup(words: readonly string[]): CommuneMatch | null
  unknown(text: string): CommuneRefusal
}

/**
 * The matcher of a territory's commune names, built once for an import: its members, its own names,
 * and (when given) every official commune, so that a former or non-member commune is told apart
 * from a misspelling. Pure: the caller loads the official data.
 */
export function createCommuneMatcher(territory: CommuneTerritory, reference: CommuneReference = {}): CommuneMatcher {
  const index = new Map<string, Entry[]>()
  let longestName = 1
  const add = (key: string, entry: Entry) => {
    if (!key) return
    const entries = index.get(key)
    if (entries) entries.push(entry)
    else index.set(key, [entry])
    let words = 1
    for (let at = key.indexOf(' '); at !== -1; at = key.indexOf(' ', at + 1)) words++
    longestName = Math.max(longestName, words)
  }
  const members = new Map(territory.members.map((member) => [member.code, member]))
  const current = new Map<string, OfficialCommune>()
  for (const member of territory.members) for (const { key, bare } of [...keysOf(member.name), { key: member.code.toLowerCase(), bare: false }]) add(key, { kind: 'MEMBER', ...member, bare })
  for (const name of [territory.name, ...(territory.aliases ?? []), ...genericTerritoryNames]) for (const { key } of keysOf(name)) add(key, { kind: 'TERRITORY' })
  for (const commune of reference.communes ?? []) {
    if (commune.type === 'commune-actuelle') current.set(commune.code, commune)
    for (const { key, bare } of [...keysOf(commune.nom), { key: commune.code.toLowerCase(), bare: false }]) add(key, { kind: 'OFFICIAL', commune, bare })
  }
  const memberCandidates = territory.members.flatMap((member) => keysOf(member.name).map(({ key }) => ({ key, label: member.name })))
  const closestMembers = (text: string) => closestLabels(communeWords(text).join(' '), memberCandidates)
  const nameOf = (code: string) => members.get(code)?.name ?? current.get(code)?.nom ?? code
  const notMember = `n’est pas membre ${withDe(territory.name)}`

  function formerReason(former: OfficialCommune, parentCode: string, text: string): string {
    const since = reference.createdOn?.get(parentCode)
    const what = former.type === 'commune-associee' ? `une commune associée à ${nameOf(parentCode)}` : former.type === 'arrondissement-municipal' ? `un arrondissement municipal de ${nameOf(parentCode)}` : `une commune déléguée de ${nameOf(parentCode)}`
    const head = `« ${text} » est ${what}${since && former.type !== 'arrondissement-municipal' ? ` depuis le ${longFrenchDate(since)}` : ''}`
    return members.has(parentCode) ? `${head} : c’est ${nameOf(parentCode)} qui est membre ${withDe(territory.name)}.` : `${head}, qui ${notMember}.`
  }

  function outcomeOf(entries: readonly Entry[], memberCodes: ReadonlySet<string>, text: string): CommuneOutcome {
    if (memberCodes.size === 1) {
      const code = [...memberCodes][0]
      return { ok: true, kind: 'MEMBER', code, name: nameOf(code) }
    }
    if (memberCodes.size > 1) {
      const codes = [...memberCodes]
      const reason = `« ${text} » peut désigner plusieurs communes ${withDe(territory.name)} : ${codes.map((code) => `${nameOf(code)} (${code})`).join(', ')}.`
      // Two members of one name (Seyssel, Ain and Haute-Savoie, both of the CC Usses et Rhône): their INSEE codes tell them apart.
      const names = codes.map(nameOf)
      const refusal = new Set(names).size === names.length ? refuse(reason, names) : refuse(reason, codes, `Écrire le code INSEE de la commune : ${frenchAlternatives(codes)}.`)
      return { ...refusal, kind: 'REFUSED', cause: 'AMBIGUOUS' }
    }
    if (entries.some((entry) => entry.kind === 'TERRITORY')) return { ok: true, kind: 'TERRITORY' }
    const official = entries.flatMap((entry) => (entry.kind === 'OFFICIAL' ? [entry.commune] : []))
    const parentOf = (commune: OfficialCommune) => (commune.type === 'arrondissement-municipal' ? commune.commune : commune.chefLieu)
    // A former commune of a member is what the author most likely meant; then a current commune elsewhere.
    const former = official.find((commune) => commune.type !== 'commune-actuelle' && members.has(parentOf(commune) ?? '')) ?? (official.some((commune) => commune.type === 'commune-actuelle') ? undefined : official.find(parentOf))
    if (former) {
      const parent = parentOf(former)!
      return { ...refuse(formerReason(former, parent, text), members.has(parent) ? [nameOf(parent)] : closestMembers(text)), kind: 'REFUSED', cause: former.type === 'arrondissement-municipal' ? 'ARRONDISSEMENT' : 'FORMER' }
    }
    const departements = new Map<string, string[]>()
    for (const commune of official) if (commune.type === 'commune-actuelle') departements.set(commune.nom, [...(departements.get(commune.nom) ?? []), commune.departement ?? commune.code.slice(0, 2)])
    const places = [...departements].map(([name, codes]) => `${name} (${codes.join(', ')})`).join(', ')
    return { ...refuse(`${places} ${notMember}.`, closestMembers(text)), kind: 'REFUSED', cause: 'NOT_MEMBER' }
  }

  return {
    territory,
    longestName,
    lookup(words) {
      // « la Métropole », « Le Rochepot »: an article the official name does not have.
      const entries = index.get(words.join(' ')) ?? (words.length > 1 && articles.has(words[0]) ? index.get(words.slice(1).join(' '))?.map((entry) => ({ ...entry, bare: true })) : undefined)
      if (!entries) return null
      // A current commune found under another name (renamed since the territory was created) is still its member.
      const found = entries.flatMap((entry): Array<{ code: string; bare?: boolean }> => (entry.kind === 'MEMBER' ? [entry] : entry.kind === 'OFFICIAL' && entry.commune.type === 'commune-actuelle' && members.has(entry.commune.code) ? [{ code: entry.commune.code, bare: entry.bare }] : []))
      const exact = found.filter((entry) => !entry.bare)
      const memberCodes = new Set((exact.length > 0 ? exact : found).map((entry) => entry.code))
      return { refused: memberCodes.size !== 1 && !(memberCodes.size === 0 && entries.some((entry) => entry.kind === 'TERRITORY')), outcome: (text) => outcomeOf(entries, memberCodes, text) }
    },
    unknown(text) {
      return { ...refuse(`Commune inconnue : aucune commune ${withDe(territory.name)} ne s’appelle « ${text} ».`, closestMembers(text)), kind: 'REFUSED', cause: 'UNKNOWN' }
    },
  }
}

/** One commune's name (a cell that names a single commune, such as « Porteur »); null for an empty cell. */
export function readCommuneName(text: string, matcher: CommuneMatcher): CommuneOutcome | null {
  const written = text.trim()
  if (!written) return null
  return matcher.lookup(communeWords(written))?.outcome(written) ?? matcher.unknown(written)
}
