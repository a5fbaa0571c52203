// An action's status as EPCIs write it in their spreadsheets (« Mis en oeuvre au 1er octobre
// 2021 », « réalisé », « EN COURS », « à l'étude »), read as the schéma's ActionStatus.
import type { ActionStatus } from './enums.ts'
import { closestLabels, importKey, refuse, type ImportRefusal } from './import-text.ts'
import { statusLabels } from './labels.ts'

/**
 * The usual spellings of each status, besides its label and its code. Agreement does not matter
 * (« réalisé », « réalisées » and « realise » read alike). Where two spellings start alike the
 * longer one wins: « en cours d'étude » is to study, « en cours » in progress.
 * The template's sheet of accepted values can list them.
 */
export const statusSpellings: Record<ActionStatus, readonly string[]> = {
  IMPLEMENTED: ['Mis en œuvre', 'Mis en place', 'Mis en service', 'Réalisé', 'Fait', 'Terminé', 'Achevé', 'Fini', 'Effectif', 'Effective', 'Opérationnel', 'Opérationnelle', 'En place', 'En service', 'En fonctionnement', 'En vigueur', 'Déployé', 'Créé', 'Mutualisé', 'Installé', 'Fonctionnel', 'Fonctionnelle', 'OK', 'Étude réalisée', 'Étude terminée', 'Étude achevée'],
  IN_PROGRESS: ['En cours', 'Encours', 'Démarré', 'Commencé', 'Engagé', 'Lancé', 'Initié', 'Entamé', 'En déploiement', 'En construction', 'En réalisation', 'En préparation', 'En finalisation', 'En test', 'En expérimentation', 'Partiellement réalisé', 'Partiellement mis en œuvre', 'Réalisé en partie', 'Réalisé partiellement', 'En partie réalisé', 'Mis en œuvre en partie', 'Mis en œuvre partiellement', 'Mise en œuvre en cours', 'Mise en place en cours', 'Réalisation en cours', 'Déploiement en cours', 'Travaux en cours', 'Rédaction en cours', 'Consultation en cours', 'Procédure en cours', 'Démarche en cours', 'Recrutement en cours', 'Expérimentation en cours'],
  PLANNED: ['À venir', 'Prévu', 'Programmé', 'Planifié', 'Projeté', 'Futur', 'En projet', 'Étude prévue', 'Étude programmée'],
  TO_STUDY: ['À étudier', 'À l’étude', 'En étude', 'Étude', 'Étude en cours', 'En cours d’étude', 'En cours de réflexion', 'En cours d’analyse', 'En cours d’examen', 'En cours d’instruction', 'En réflexion', 'À l’examen', 'À examiner', 'À analyser', 'À expertiser', 'À instruire', 'À approfondir', 'À évaluer', 'À explorer', 'À définir', 'Envisagé', 'Piste', 'Piste de travail'],
  NOT_STARTED: ['Non démarré', 'Pas démarré', 'Pas encore démarré', 'Non commencé', 'Pas commencé', 'Pas encore commencé', 'Non engagé', 'Pas engagé', 'Non lancé', 'Pas lancé', 'Pas encore lancé', 'Non initié', 'Non entamé', 'Non débuté', 'Pas débuté', 'Non réalisé', 'Pas réalisé', 'Pas encore réalisé', 'Non mis en œuvre', 'Pas mis en œuvre', 'Pas encore mis en œuvre', 'À démarrer', 'À lancer', 'À programmer', 'À mettre en œuvre', 'À mettre en place', 'À réaliser', 'À faire', 'Étude à lancer'],
  NO_PROGRESS: ['Pas d’avancée', 'Aucune avancée', 'Sans avancée', 'Pas d’avancement', 'Aucun avancement', 'Sans avancement', 'Pas de progrès', 'Pas d’évolution', 'Aucune évolution', 'Sans évolution', 'Au point mort', 'Bloqué', 'En attente', 'En suspens', 'Suspendu', 'En pause', 'Gelé', 'À l’arrêt', 'En sommeil', 'Stand-by', 'En stand-by', 'Reporté', 'Différé', 'Inchangé'],
  ABANDONED: ['Abandonné', 'Abandon', 'Annulé', 'Arrêté', 'Sans suite', 'Classé sans suite', 'Non retenu', 'Non poursuivi', 'Renoncé', 'Supprimé', 'Caduc', 'Caduque', 'Obsolète', 'Ne sera pas réalisé', 'Ne sera pas mis en œuvre'],
  NOT_REPORTED: ['Non renseigné', 'NC', 'N.C.', 'NR', 'Inconnu', 'Non connu', 'Non communiqué', 'À renseigner', 'À compléter', 'Pas d’information', 'Aucune information', 'Sans information'],
}

// Agreement and plurals: « réalisé », « réalisée », « réalisés » all give « realis ».
const stem = (word: string) => (word.length > 3 ? word.replace(/(?:ee|e)?s?$/, '') || word : word)
const stemmedWords = (text: string) => importKey(text).split(' ').filter(Boolean).map(stem)

const statuses = Object.keys(statusSpellings) as ActionStatus[]
const spellingsOf = (status: ActionStatus) => [statusLabels[status], status.replace(/_/g, ' '), ...statusSpellings[status]]

export type StatusReading = { ok: true; status: ActionStatus; remark: string | null } | ImportRefusal

/** What follows the first `words` words of `text`, without the punctuation that joined them. */
function remarkAfter(text: string, words: number): string | null {
  // importKey cannot be mapped back character by character (œ, ligatures): look for the shortest
  // prefix that holds one more word. A status is a few words: the scan is short.
  for (let end = 1; end <= Math.min(text.length, 400); end++) {
    if (importKey(text.slice(0, end)).split(' ').length > words) {
      const opening = /\(\s*$/.test(text.slice(0, end - 1))
      const rest = text.slice(end - 1).trim()
      if (opening && rest.endsWith(')')) return rest.slice(0, -1).trim() || null
      return rest || null
    }
  }
  return null
}

/**
 * A status cell: its leading status words, and what follows as a remark (« Mis en oeuvre au 1er
 * octobre 2021 » → IMPLEMENTED, « au 1er octobre 2021 »). An empty cell, « ? » or « - » is
 * NOT_REPORTED (« Non renseigné »): nothing was said. Words that are no status are refused.
 */
export function readStatus(value: string | null | undefined): StatusReading {
  const text = (value ?? '').trim()
  const words = stemmedWords(text)
  if (words.length === 0) return { ok: true, status: 'NOT_REPORTED', remark: null }
  let best: { status: ActionStatus; length: number } | null = null
  for (const status of statuses) {
    for (const spelling of spellingsOf(status)) {
      const expected = stemmedWords(spelling)
      if (expected.length > words.length || (best && expected.length <= best.length)) continue
      if (expected.every((word, i) => words[i] === word)) best = { status, length: expected.length }
    }
  }
  if (best) return { ok: true, status: best.status, remark: best.length < words.length ? remarkAfter(text, best.length) : null }
  const suggestions = closestStatuses(words.join(' '))
  return refuse(
    `Statut inconnu : « ${text} ».`,
    suggestions,
    suggestions.length > 0 ? undefined : `Statuts acceptés : ${statuses.map((status) => statusLabels[status]).join(', ')}.`,
  )
}

function closestStatuses(stemmed: string): string[] {
  const candidates = statuses.flatMap((status) => spellingsOf(status).map((spelling) => ({ key: stemmedWords(spelling).join(' '), label: statusLabels[status] })))
  return closestLabels(stemmed, candidates)
}
