// Which column of an EPCI's own spreadsheet holds what: its header cells matched to the import
// template's columns, whatever their accents, case, punctuation and usual synonyms.
import { closestLabels, columnLetter, importKey, type ImportReportRow } from './import-text.ts'

/** The template's columns, in its order; « Référence » is the stable key a re-import matches rows on. */
export const importColumns = ['reference', 'domain', 'offer', 'kind', 'action', 'status', 'communes', 'provider', 'effectiveDate', 'dueDate', 'annualCost', 'costKey', 'fte', 'progress', 'progressDate'] as const
export type ImportColumn = (typeof importColumns)[number]

export const importColumnLabels: Record<ImportColumn, string> = {
  reference: 'Référence',
  domain: 'Domaine',
  offer: 'Offre',
  kind: 'Type',
  action: 'Action',
  status: 'Statut',
  communes: 'Communes',
  provider: 'Porteur',
  effectiveDate: 'Date d’effet',
  dueDate: 'Échéance',
  annualCost: 'Coût annuel',
  costKey: 'Clé de répartition',
  fte: 'ETP',
  progress: 'Point d’avancement',
  progressDate: 'Date du point',
}

/**
 * Other headers EPCIs give these columns. Only exact matches (once normalised) count: « État »
 * is a status, « ETP » staff, two edits apart — a near miss is suggested, never taken. Headcounts
 * (« Nombre d’agents ») are not full-time equivalents and are left out on purpose.
 */
const importColumnSynonyms: Record<ImportColumn, readonly string[]> = {
  reference: ['Réf', 'Ref', 'Référence de l’action', 'Référence action', 'Identifiant', 'Id', 'Code', 'Code action', 'Clé', 'Clé de l’action', 'N°', 'No', 'Numéro', 'Numéro d’action'],
  domain: ['Domaines', 'Thématique', 'Thématiques', 'Thème', 'Thèmes', 'Secteur', 'Politique publique', 'Domaine d’action', 'Domaine de mutualisation', 'Axe', 'Champ', 'Compétence'],
  offer: ['Offres', 'Offre de service', 'Offre de services', 'Service', 'Service mutualisé', 'Service commun', 'Dispositif', 'Objet de la mutualisation', 'Mutualisation'],
  kind: ['Type de mutualisation', 'Type d’offre', 'Type d’action', 'Nature', 'Nature de la mutualisation', 'Outil', 'Outil juridique', 'Instrument', 'Forme', 'Forme juridique', 'Modalité', 'Modalités', 'Mode de mutualisation', 'Cadre juridique', 'Catégorie'],
  action: ['Actions', 'Intitulé', 'Intitulé de l’action', 'Libellé', 'Libellé de l’action', 'Description', 'Description de l’action', 'Projet', 'Mesure', 'Objet', 'Actions de mutualisation', 'Proposition'],
  status: ['Statuts', 'État', 'État d’avancement', 'Avancement', 'Niveau d’avancement', 'Statut de l’action', 'Statut d’avancement', 'État de réalisation', 'Réalisation', 'Situation'],
  communes: ['Commune', 'Communes concernées', 'Communes membres', 'Communes participantes', 'Communes adhérentes', 'Communes bénéficiaires', 'Collectivités', 'Collectivités concernées', 'Collectivités participantes', 'Membres', 'Participants', 'Adhérents', 'Bénéficiaires', 'Périmètre'],
  provider: ['Porteur de projet', 'Porteur de l’action', 'Collectivité porteuse', 'Structure porteuse', 'Pilote', 'Pilotage', 'Chef de file', 'Responsable', 'Maître d’ouvrage', 'Prestataire'],
  effectiveDate: ['Date de mise en œuvre', 'Mise en œuvre', 'Date de début', 'Début', 'Date de démarrage', 'Démarrage', 'Date de création', 'Date d’entrée en vigueur', 'Entrée en vigueur', 'Date effective', 'Date de lancement'],
  dueDate: ['Échéances', 'Date d’échéance', 'Échéancier', 'Calendrier', 'Date de fin', 'Fin', 'Date prévue', 'Date prévisionnelle', 'Échéance prévue', 'Horizon', 'Date butoir', 'Délai', 'Terme', 'Date cible'],
  annualCost: ['Coût', 'Coûts', 'Coût annuel estimé', 'Coût estimé', 'Montant', 'Montant annuel', 'Budget', 'Budget annuel', 'Coût de fonctionnement', 'Incidence financière', 'Impact financier'],
  costKey: ['Clés de répartition', 'Répartition', 'Répartition des coûts', 'Répartition financière', 'Mode de répartition', 'Modalités de répartition', 'Modalités financières', 'Refacturation', 'Clé de financement', 'Mode de financement'],
  fte: ['E.T.P.', 'Nombre d’ETP', 'Nb ETP', 'ETP concernés', 'ETP mis à disposition', 'ETP affectés', 'Équivalent temps plein', 'Équivalents temps plein', 'Temps de travail'],
  progress: ['Points d’avancement', 'Commentaire', 'Commentaires', 'Observation', 'Observations', 'Remarques', 'Suivi', 'Point de suivi', 'Point d’étape', 'Bilan', 'État des lieux', 'Précisions', 'Notes', 'Dernier point'],
  progressDate: ['Date du point d’avancement', 'Date de mise à jour', 'Mise à jour', 'Mis à jour le', 'Date de suivi', 'Date du bilan', 'Date d’actualisation', 'Date du dernier point'],
}

// A unit (« Coût annuel (€) », « Coût annuel en euros HT », « Date d'effet [JJ/MM/AAAA] ») says nothing of the column.
const withoutUnit = (header: string) =>
  header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').replace(/(?:^|\s)(?:en\s+)?(?:k€|keur|k\s*euros?|milliers?\s+d.euros|€|euros?|eur)(?:\s+(?:ht|ttc))?\s*$/i, '')
const headerKey = (header: string) => importKey(withoutUnit(header))

/** Amounts in thousands would import 12 for 12 000 €: such a header is refused, not read. */
const thousands = /k€|\bkeur\b|milliers? d.euros/i

function synonymIndex(): Map<string, ImportColumn> {
  const index = new Map<string, ImportColumn>()
  for (const column of importColumns) for (const name of [importColumnLabels[column], ...importColumnSynonyms[column]]) index.set(headerKey(name), column)
  return index
}

const suggestionCandidates = () => importColumns.flatMap((column) => [importColumnLabels[column], ...importColumnSynonyms[column]].map((name) => ({ key: headerKey(name), label: importColumnLabels[column] })))

export interface HeaderReading {
  /** The zero-based index of each column found (the first one, when a column is given twice). */
  columns: Partial<Record<ImportColumn, number>>
  /** Headers read as no column of the template: their cells are not imported. */
  unknown: ImportReportRow[]
  /** A second header for a column already found, and headers refused (amounts in thousands). */
  duplicates: ImportReportRow[]
  /** Required columns that no header gives. */
  missing: ImportReportRow[]
}

/**
 * Reads a sheet's header row. `row` is the header's row number in the sheet (for the report);
 * `required` the columns without which no row can be imported (by default the action's title).
 */
export function readHeaders(cells: readonly unknown[], options: { row?: number; required?: readonly ImportColumn[] } = {}): HeaderReading {
  const row = options.row ?? 1
  const index = synonymIndex()
  const reading: HeaderReading = { columns: {}, unknown: [], duplicates: [], missing: [] }
  cells.forEach((cell, position) => {
    const value = cell === null || cell === undefined ? '' : String(cell).trim()
    if (!value) return
    const column = index.get(headerKey(value))
    const at = { row, column: columnLetter(position), value }
    if (!column) {
      const suggestions = closestLabels(headerKey(value), suggestionCandidates())
      const suggestion = suggestions.length > 0 ? `Renommer la colonne en ${suggestions.map((label) => `« ${label} »`).join(' ou ')}.` : 'Renommer la colonne d’après le modèle d’import, ou la laisser : elle ne sera pas importée.'
      reading.unknown.push({ ...at, reason: 'Colonne inconnue du modèle d’import : elle ne sera pas importée.', suggestion })
    } else if (column === 'annualCost' && thousands.test(value)) {
      reading.duplicates.push({ ...at, reason: 'Les montants en milliers d’euros ne sont pas lus : 12 k€ serait importé comme 12 €.', suggestion: 'Donner les montants en euros et nommer la colonne « Coût annuel ».' })
    } else if (reading.columns[column] !== undefined) {
      const first = reading.columns[column]!
      reading.duplicates.push({ ...at, reason: `Deux colonnes donnent « ${importColumnLabels[column]} » : la colonne ${columnLetter(first)} (« ${String(cells[first]).trim()} ») est lue, celle-ci ne l’est pas.`, suggestion: 'Supprimer ou renommer l’une des deux colonnes.' })
    } else {
      reading.columns[column] = position
    }
  })
  for (const column of options.required ?? ['action']) {
    if (reading.columns[column] === undefined) reading.missing.push({ row, column: importColumnLabels[column], value: '', reason: `Colonne « ${importColumnLabels[column]} » absente : aucune ligne ne peut être importée sans elle.`, suggestion: `Ajouter une colonne « ${importColumnLabels[column]} » (voir le modèle d’import).` })
  }
  return reading
}
