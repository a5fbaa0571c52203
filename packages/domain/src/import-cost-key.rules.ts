// The « Clé de répartition » column: how an offer's annual cost is shared, as EPCIs write it
// (« au prorata de la population », « 50 % population + 50 % acte pondéré », « à parts égales »,
// « temps passé »), read as the clé de répartition of cost.rules.ts.
import { costBasisLabels, costKeySchema, type CostBasis, type CostKey } from './cost.rules.ts'
import leven from 'leven'
import { closestLabels, importKey, refuse, type ImportRefusal } from './import-text.ts'

export type CostKeyReading = { ok: true; key: CostKey | null } | ImportRefusal

/** The usual names of each basis but usage, whose part names its unit instead. */
export const costBasisSpellings: Record<Exclude<CostBasis, 'USAGE'>, readonly string[]> = {
  POPULATION: ['Population', 'Population DGF', 'Population INSEE', 'Population municipale', 'Population totale', 'Habitants', 'Nombre d’habitants', 'Par habitant', 'Démographie', 'Critère démographique'],
  FIXED: ['Part fixe', 'Fixe', 'Forfait', 'Forfaitaire', 'Forfait annuel', 'Montant fixe', 'Parts égales', 'À parts égales', 'Part égale', 'Égalitaire', 'Par commune'],
  AGENT_TIME: ['Temps des agents', 'Temps agent', 'Temps agents', 'Temps passé', 'Au temps passé', 'Temps de travail', 'Temps de travail des agents', 'Temps consacré', 'Temps d’intervention', 'ETP'],
}

const notKnown = /^(?:nc|nr|nd|n c|sans objet|non renseignee?|a definir|a preciser|a determiner|inconnue?|aucune?)$/
// Words that only say « by »: « au prorata de la population », « selon le temps passé », « en fonction du nombre d’habitants ».
const leading = /^(?:(?:cle de )?repartition )?(?:(?:au )?prorata (?:de la|du|des|de l|de)|selon (?:la|le|les|l)|en fonction (?:de la|du|des|de l|de)|sur (?:la|le|les|l)|de la|du|des|a la|au|aux|a)\s/
// What announces a usage part: « usage (acte pondéré) », « à l’usage : repas », « au nombre d’actes », « nombre de repas servis ».
const usageHead = /^(?:(?:a l |l )?(?:usage|utilisation|consommation|activite)(?: reelle?)?(?: (?:en|par|selon|de|des|du|d))?(?: nombre (?:de|d))?|(?:au )?nombre (?:de|d)|par)(?: |$)/

const basisCandidates = () => (Object.keys(costBasisSpellings) as Array<keyof typeof costBasisSpellings>).flatMap((basis) => [costBasisLabels[basis], ...costBasisSpellings[basis]].map((spelling) => ({ key: importKey(spelling), basis, label: costBasisLabels[basis] })))

/** The original text from its `n`-th word on (zero-based), without the brackets and colons around it. */
function wordsFrom(text: string, n: number): string {
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)]
  if (n >= words.length) return ''
  return text.slice(words[n].index).replace(/^[\s(:]+|[\s):.]+$/g, '').trim()
}

type PartReading = { ok: true; basis: CostBasis; percent: number | null; unit: string | null } | ImportRefusal

function readPart(written: string): PartReading {
  const percentMatch = written.match(/(\d+(?:[.,]\d+)?)\s*%/)
  const percent = percentMatch ? Number(percentMatch[1].replace(',', '.')) : null
  if (percent !== null && !Number.isInteger(percent)) return refuse(`« ${written} » : une part de la clé se donne en pourcentage entier.`, [], 'Arrondir le pourcentage à l’unité, les parts totalisant 100 %.')
  const rest = percentMatch ? written.replace(percentMatch[0], ' ') : written
  let key = importKey(rest)
  const before = key.split(' ').filter(Boolean).length
  for (let previous = ''; previous !== key; ) [previous, key] = [key, key.replace(leading, '')]
  const skipped = before - key.split(' ').filter(Boolean).length
  const candidates = basisCandidates()
  const basis = candidates.find((candidate) => candidate.key === key)?.basis
  if (basis) return { ok: true, basis, percent, unit: null }
  const head = key.match(usageHead)
  // « 50 % acte pondéré », as the key's own label writes a usage part: its unit, as written.
  const unit = head ? wordsFrom(rest, skipped + head[0].trim().split(' ').filter(Boolean).length) : percent !== null ? wordsFrom(rest, skipped) : ''
  const close = closestLabels(key, candidates)
  // « 50 % populaton » is a typo of a basis; « 50 % heure d’intervention » a unit, however near « temps d’intervention ».
  const typo = !head && candidates.some((candidate) => leven(key, candidate.key, { maxDistance: 3 }) <= 2)
  if (unit && !typo) return unit.length > 60 ? refuse(`L’unité d’usage « ${unit} » dépasse 60 caractères.`) : { ok: true, basis: 'USAGE', percent, unit }
  if (head) return refuse(`« ${written} » : une part à l’usage nomme son unité.`, [], 'Écrire par exemple « usage (acte pondéré) » ou « au nombre de repas ».')
  return refuse(`Clé de répartition illisible : « ${written} ».`, close, close.length > 0 ? undefined : 'Écrire par exemple « population », « à parts égales », « temps passé », « usage (repas) » ou « 50 % population + 50 % part fixe ».')
}

/**
 * A « Clé de répartition » cell: one to four parts (« + », « ; », « , » or « et » between them), each
 * a basis — population, part fixe, temps des agents, or usage with its unit — and its percentage,
 * which a single part may leave out (100 %). Empty or « NC » says none is known (null). What the key's
 * own label writes (costKeyLabel: « 50 % population + 50 % acte pondéré ») reads back as the same key.
 */
export function readCostKey(value: unknown): CostKeyReading {
  const written = value === null || value === undefined ? '' : String(value).trim()
  const key = importKey(written)
  if (!key || notKnown.test(key) || /^[-–—?/]+$/.test(written)) return { ok: true, key: null }
  const pieces = written.split(/\s*(?:\+|;|\n|,(?!\d)|\bet\b)\s*/iu).map((piece) => piece.trim()).filter((piece) => importKey(piece))
  const parts: Array<{ basis: CostBasis; percent: number | null; unit: string | null }> = []
  for (const piece of pieces) {
    const part = readPart(piece)
    if (!part.ok) return part
    parts.push(part)
  }
  if (parts.length > 1 && parts.some((part) => part.percent === null)) {
    return refuse(`« ${written} » : chaque part de la clé donne son pourcentage.`, [], 'Écrire par exemple « 50 % population + 50 % part fixe ».')
  }
  const parsed = costKeySchema.safeParse({ parts: parts.map((part) => ({ ...part, percent: part.percent ?? 100 })) })
  if (!parsed.success) return refuse(`${parsed.error.issues[0]?.message ?? 'Clé de répartition invalide.'} Lu : « ${written} ».`, [], 'Écrire une à quatre parts, chacune une fois, totalisant 100 %.')
  return { ok: true, key: parsed.data }
}
