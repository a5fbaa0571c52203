// The « Type » column of a schéma's spreadsheet: the legal instrument of the row's offer (« service
// commun », « convention de mise à disposition », « groupement de commandes »…) or, for an action
// that advances no offer, what kind of measure it is (« étude », « autre »).
import type { Instrument, OfferKind } from './enums.ts'
import { closestLabels, importKey, refuse, type ImportRefusal } from './import-text.ts'
import { instrumentLabels } from './labels.ts'

/** The instrument an action advancing an offer of this kind has. */
export const offerKindInstrument: Record<OfferKind, Instrument> = {
  SERVICE_COMMUN: 'SERVICE_COMMUN',
  MISE_A_DISPOSITION_ASCENDANTE: 'MISE_A_DISPOSITION',
  MISE_A_DISPOSITION_DESCENDANTE: 'MISE_A_DISPOSITION',
  CONVENTION_DE_GESTION: 'CONVENTION_DE_GESTION',
  GROUPEMENT_DE_COMMANDES: 'GROUPEMENT_DE_COMMANDES',
  CENTRALE_D_ACHAT: 'CENTRALE_D_ACHAT',
  ENTENTE: 'ENTENTE',
  CONVENTION: 'CONVENTION',
  OUTIL_PARTAGE: 'OUTIL_PARTAGE',
  RESEAU: 'RESEAU',
}

/** What the template's drop-down offers and exports write: short enough for a cell, read back as the same type. */
export const importKindLabels = {
  SERVICE_COMMUN: 'Service commun',
  MISE_A_DISPOSITION_ASCENDANTE: 'Mise à disposition ascendante',
  MISE_A_DISPOSITION_DESCENDANTE: 'Mise à disposition descendante',
  CONVENTION_DE_GESTION: 'Convention de gestion',
  GROUPEMENT_DE_COMMANDES: 'Groupement de commandes',
  CENTRALE_D_ACHAT: 'Centrale d’achat',
  ENTENTE: 'Entente intercommunale',
  CONVENTION: 'Convention',
  OUTIL_PARTAGE: 'Outil partagé',
  RESEAU: 'Réseau',
  ETUDE: 'Étude',
  AUTRE: 'Autre',
} as const satisfies Record<OfferKind | 'ETUDE' | 'AUTRE', string>

export type ImportKind = keyof typeof importKindLabels

// « Mise à disposition » alone: which way the agents go is not said.
type Spelled = ImportKind | 'MISE_A_DISPOSITION'

/** The usual spellings of each type besides its label; plurals and agreement read alike. */
export const kindSpellings: Record<Spelled, readonly string[]> = {
  SERVICE_COMMUN: ['Service commun', 'SC', 'Création de service commun', 'Création d’un service commun', 'Service commun L5211-4-2', 'Service commun intercommunal'],
  MISE_A_DISPOSITION: ['Mise à disposition', 'Convention de mise à disposition', 'MAD', 'Mise à disposition de service', 'Mise à disposition de services', 'Mise à disposition de personnel', 'Mise à disposition de personnels', 'Convention de mise à disposition de service', 'Convention de mise à disposition de services', 'Mise à disposition d’agents'],
  MISE_A_DISPOSITION_ASCENDANTE: ['MAD ascendante', 'Convention de mise à disposition ascendante', 'Mise à disposition ascendante de service', 'Mise à disposition ascendante de services', 'Mise à disposition de la commune vers l’EPCI', 'Mise à disposition des communes vers l’EPCI', 'Mise à disposition de la commune à l’EPCI', 'Mise à disposition des communes à l’EPCI', 'Mise à disposition de services communaux'],
  MISE_A_DISPOSITION_DESCENDANTE: ['MAD descendante', 'Convention de mise à disposition descendante', 'Mise à disposition descendante de service', 'Mise à disposition descendante de services', 'Mise à disposition de l’EPCI vers la commune', 'Mise à disposition de l’EPCI vers les communes', 'Mise à disposition de l’EPCI à la commune', 'Mise à disposition de l’EPCI aux communes', 'Mise à disposition de la métropole vers les communes', 'Mise à disposition de la communauté vers les communes', 'Mise à disposition de services intercommunaux'],
  CONVENTION_DE_GESTION: ['Convention de gestion de service', 'Convention de gestion de services', 'Gestion de service', 'Gestion de services', 'Convention de création ou de gestion', 'Convention de création et de gestion', 'Délégation de gestion', 'Convention de délégation de gestion', 'Gestion déléguée'],
  GROUPEMENT_DE_COMMANDES: ['Groupement de commande', 'GC', 'GdC', 'Groupement d’achat', 'Groupement d’achats', 'Achat groupé', 'Achats groupés', 'Marché groupé', 'Marchés groupés', 'Convention de groupement de commandes', 'Commande groupée', 'Commandes groupées'],
  CENTRALE_D_ACHAT: ['Centrale d’achats', 'Centrale d’achat public', 'Centrale d’achat publique', 'Centrale', 'UGAP', 'Centrale de référencement', 'Adhésion à une centrale d’achat', 'Adhésion à la centrale d’achat'],
  ENTENTE: ['Entente', 'Ententes intercommunales', 'Convention d’entente', 'Entente L5221-1'],
  CONVENTION: ['Convention de partenariat', 'Convention de coopération', 'Coopération', 'Partenariat', 'Convention de prestation de service', 'Convention de prestation de services', 'Prestation de service', 'Prestation de services', 'Convention entre collectivités', 'Convention de mutualisation'],
  OUTIL_PARTAGE: ['Outils partagés', 'Outil commun', 'Outils communs', 'Bien partagé', 'Biens partagés', 'Partage de matériel', 'Matériel partagé', 'Mise en commun de moyens', 'Plateforme partagée', 'Logiciel partagé', 'Outil mutualisé', 'Outils mutualisés', 'Bien commun', 'Biens communs'],
  RESEAU: ['Réseaux', 'Réseau d’échanges', 'Réseau d’échange', 'Réseau professionnel', 'Réseau de professionnels', 'Réseau d’acteurs', 'Club', 'Groupe de travail', 'Échange de pratiques', 'Échanges de pratiques', 'Communauté de pratiques'],
  ETUDE: ['Études', 'Étude de faisabilité', 'Étude préalable', 'Étude d’opportunité', 'Diagnostic', 'Réflexion', 'Audit'],
  AUTRE: ['Autres', 'Divers', 'Mesure interne', 'Action interne', 'Autre mesure', 'Autre action', 'Organisation interne'],
}

// Agreement and plurals: « services communs », « service commun » give the same words.
const stem = (word: string) => (word.length > 3 ? word.replace(/[sx]$/, '') : word)
// A legal reference in brackets (« Service commun (art. L5211-4-2 CGCT) ») says nothing more of the type.
const kindKey = (text: string) => importKey(text.replace(/\([^)]*\)/g, ' ').replace(/\b(?:art(?:icle)?\.?\s*)?L\.?\s?\d{4}-\d+(?:-\d+)?(?:\s*(?:du\s+)?CGCT)?/gi, ' ')).split(' ').filter(Boolean).map(stem).join(' ')

const spelled = Object.keys(kindSpellings) as Spelled[]
const spellingsOf = (kind: Spelled) => [...(kind === 'MISE_A_DISPOSITION' ? [] : [importKindLabels[kind], kind.replace(/_/g, ' ')]), ...(kind in instrumentLabels ? [instrumentLabels[kind as Instrument]] : []), ...kindSpellings[kind]]

let index: Map<string, Spelled> | undefined
function kindIndex(): Map<string, Spelled> {
  if (index) return index
  index = new Map()
  for (const kind of spelled) for (const spelling of spellingsOf(kind)) index.set(kindKey(spelling), kind)
  return index
}

/**
 * Which way a mise à disposition goes, from who provides the offer: the EPCI's services put at the
 * communes' disposal are « descendante », a commune's at the EPCI's « ascendante ».
 */
export type ProviderSide = 'TERRITORY' | 'COMMUNE' | 'OTHER'

export type KindReading =
  | { ok: true; kind: OfferKind | null; instrument: Instrument | null }
  | ImportRefusal

const offerKinds = new Set<string>(Object.keys(offerKindInstrument))

/**
 * A « Type » cell. An offer kind gives the instrument of its actions; « Étude » and « Autre » are
 * instruments of an action that advances no offer (kind null). An empty cell says nothing (both
 * null). A « mise à disposition » that does not say which way goes the way its provider says
 * (`provider`), and is refused when there is none.
 */
export function readOfferKind(value: unknown, provider: ProviderSide | null = null): KindReading {
  const written = value === null || value === undefined ? '' : String(value).trim()
  const key = kindKey(written)
  if (!key) return { ok: true, kind: null, instrument: null }
  const found = kindIndex().get(key)
  if (found === 'MISE_A_DISPOSITION') {
    if (provider === 'TERRITORY') return { ok: true, kind: 'MISE_A_DISPOSITION_DESCENDANTE', instrument: 'MISE_A_DISPOSITION' }
    if (provider === 'COMMUNE') return { ok: true, kind: 'MISE_A_DISPOSITION_ASCENDANTE', instrument: 'MISE_A_DISPOSITION' }
    return refuse(
      `« ${written} » ne dit pas dans quel sens les services sont mis à disposition, et aucun porteur ne le dit.`,
      [importKindLabels.MISE_A_DISPOSITION_DESCENDANTE, importKindLabels.MISE_A_DISPOSITION_ASCENDANTE],
      `Écrire « ${importKindLabels.MISE_A_DISPOSITION_DESCENDANTE} » (de l’EPCI vers les communes) ou « ${importKindLabels.MISE_A_DISPOSITION_ASCENDANTE} » (d’une commune vers l’EPCI), ou indiquer le porteur.`,
    )
  }
  if (found && offerKinds.has(found)) return { ok: true, kind: found as OfferKind, instrument: offerKindInstrument[found as OfferKind] }
  if (found) return { ok: true, kind: null, instrument: found as Instrument }
  const candidates = spelled.flatMap((kind) => spellingsOf(kind).map((spelling) => ({ key: kindKey(spelling), label: kind === 'MISE_A_DISPOSITION' ? importKindLabels.MISE_A_DISPOSITION_DESCENDANTE : importKindLabels[kind] })))
  const suggestions = closestLabels(key, candidates)
  return refuse(`Type inconnu : « ${written} ».`, suggestions, suggestions.length > 0 ? undefined : `Types acceptés : ${Object.values(importKindLabels).join(', ')}.`)
}

/**
 * The « Type » of an action that advances no offer: only its instrument matters, so a « mise à
 * disposition » need not say which way (« Étude », « Autre », or any offer kind's instrument).
 */
export function readInstrument(value: unknown): { ok: true; instrument: Instrument | null } | ImportRefusal {
  const reading = readOfferKind(value, 'TERRITORY')
  return reading.ok ? { ok: true, instrument: reading.instrument } : reading
}
