// The import template (GET /modele-import.xlsx): one row per action under the template's columns,
// drop-down lists for the enumerations, and a sheet that explains each column and what it accepts.
// The schéma export writes the same workbook, filled.
import ExcelJS from 'exceljs'
import { importColumnLabels, importColumns, importKindLabels, statusLabels, type ImportColumn } from '@mutualis/domain'
import type { Cell } from '../export/csv.ts'
import { inertText } from '../export/spreadsheet-text.rules.ts'

export const templateSheetName = 'Schéma'
const helpSheetName = 'Aide'
/** Rows that carry the drop-down lists. */
const validatedRows = 2_001

const kindValues = Object.values(importKindLabels)
const statusValues = Object.values(statusLabels)
const costKeyValues = ['Population', 'À parts égales', 'Temps passé', 'Usage (acte pondéré)', '50 % population + 50 % part fixe']

/** What each column holds and accepts, as the « Aide » sheet says it. */
export const columnHelp: Record<ImportColumn, { required: string; holds: string; accepts: string }> = {
  reference: { required: 'non', holds: 'L’identifiant stable de l’action. Un nouvel import retrouve chaque ligne par sa référence : ne la changez pas d’un import à l’autre.', accepts: 'Un texte court (RH-01, 12…), différent sur chaque ligne. Vide : l’action est retrouvée par son intitulé.' },
  domain: { required: 'oui', holds: 'La thématique du schéma.', accepts: 'Ressources humaines, Achats publics… Vide : celle de la ligne au-dessus. Une ligne qui ne remplit que le domaine ouvre une section.' },
  offer: { required: 'non', holds: 'Ce qu’une commune rejoint (service commun, convention, groupement…), par son nom. Plusieurs lignes peuvent faire avancer la même offre.', accepts: 'Un nom qu’un maire comprend seul. Vide : une étude ou une mesure interne, sans offre.' },
  kind: { required: 'pour une offre nouvelle', holds: 'L’instrument juridique de l’offre ; pour une ligne sans offre, la nature de l’action.', accepts: `${kindValues.join(', ')} — et leurs variantes (« services communs », « convention de mise à disposition », « groupement de commande »…). Une mise à disposition sans sens précisé suit son porteur : descendante pour l’EPCI, ascendante pour une commune.` },
  action: { required: 'oui', holds: 'L’intitulé de l’action : chaque ligne est une action du schéma.', accepts: 'Un texte de 300 caractères au plus.' },
  status: { required: 'non', holds: 'Où en est l’action.', accepts: `${statusValues.join(', ')} — et leurs variantes (« réalisé », « mis en place », « à l’étude », « non démarré »…). Ce qui suit le statut (« Mis en œuvre au 1er octobre 2021 ») devient un point d’avancement. Vide : Non renseigné.` },
  communes: { required: 'non', holds: 'Qui participe à l’action : les communes, l’EPCI lui-même, un organisme du territoire (CCAS…). Les participants d’une action mise en œuvre sont membres de son offre ; en cours ou à venir, membres prévus.', accepts: 'Des noms séparés par des virgules, points-virgules, tirets ou retours à la ligne ; accents, majuscules et « St » sans importance ; « toutes les communes », « toutes les communes sauf Talant ». Une commune déléguée, une commune d’un autre EPCI ou un nom inconnu est refusé, jamais rattaché à une autre commune. Un participant retiré de la liste devient ancien participant.' },
  provider: { required: 'non', holds: 'Qui porte l’action. Une offre prend le porteur de sa première ligne (une convention entre parties qui n’en a pas n’en prend pas).', accepts: 'Une commune membre, le nom de l’EPCI ou celui d’un organisme du territoire.' },
  effectiveDate: { required: 'non', holds: 'La date de mise en œuvre de l’action.', accepts: '01/10/2021, « octobre 2021 », « 2021 » : le premier jour de la période est retenu.' },
  dueDate: { required: 'non', holds: 'L’échéance prévue de l’action.', accepts: '31/12/2025, « fin 2025 », « 2e trimestre 2026 » : le dernier jour de la période est retenu.' },
  annualCost: { required: 'non', holds: 'Le coût annuel de l’offre, en euros.', accepts: '12 500 €, 12,5 k€, « gratuit », « NC » (non connu). Vide : inchangé. Une offre n’a qu’un coût : le même sur chacune de ses lignes, ou sur une seule.' },
  costKey: { required: 'non', holds: 'Comment le coût de l’offre se répartit entre ses membres.', accepts: `${costKeyValues.join(', ')} : une à quatre parts (population, part fixe, temps des agents, usage avec son unité) totalisant 100 %.` },
  fte: { required: 'non', holds: 'Les agents de l’offre, en équivalents temps plein.', accepts: '0,5 ; 1,5 ; « mi-temps » ; « 80 % ». Un nombre d’agents n’est pas un nombre d’ETP.' },
  progress: { required: 'non', holds: 'Un point d’avancement : ce qui a été fait ou décidé. Il s’ajoute à l’historique de l’action, qui est gardé ; un nouvel import du même point ne le duplique pas.', accepts: 'Un texte de 5 000 caractères au plus.' },
  progressDate: { required: 'non', holds: 'Le jour du point d’avancement.', accepts: 'JJ/MM/AAAA, pas dans le futur. Vide : le jour de l’import.' },
}

const listColumn = { kind: 'E', status: 'F', costKey: 'G' } as const
const lists: Array<[keyof typeof listColumn, string, readonly string[]]> = [['kind', 'Types', kindValues], ['status', 'Statuts', statusValues], ['costKey', 'Clés de répartition', costKeyValues]]

function helpSheet(workbook: ExcelJS.Workbook) {
  const sheet = workbook.addWorksheet(helpSheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.addRow(['Colonne', 'Obligatoire', 'Ce qu’elle contient', 'Valeurs acceptées', ...lists.map(([, title]) => title)]).font = { bold: true }
  importColumns.forEach((column, i) => {
    const help = columnHelp[column]
    sheet.getRow(i + 2).values = [importColumnLabels[column], help.required, help.holds, help.accepts]
  })
  for (const [name, , values] of lists) values.forEach((value, i) => (sheet.getCell(`${listColumn[name]}${i + 2}`).value = value))
  sheet.columns = [{ width: 20 }, { width: 14 }, { width: 60 }, { width: 80 }, { width: 32 }, { width: 18 }, { width: 34 }]
  sheet.eachRow((row) => (row.alignment = { vertical: 'top', wrapText: true }))
}

/**
 * The template, with `rows` (cells in the template's column order) below its header: empty for the
 * template itself, a territory's schéma for its export. Text is made inert (no formula runs).
 */
export async function templateWorkbook(rows: ReadonlyArray<readonly Cell[]> = []): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Mutualis'
  const sheet = workbook.addWorksheet(templateSheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  const header = sheet.addRow(importColumns.map((column) => importColumnLabels[column]))
  header.font = { bold: true }
  importColumns.forEach((column, i) => (header.getCell(i + 1).note = `${columnHelp[column].holds} ${columnHelp[column].accepts}`))
  for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? inertText(cell) : cell)))
  const widths: Partial<Record<ImportColumn, number>> = { action: 50, offer: 36, communes: 40, progress: 50, domain: 24, kind: 24, provider: 24, costKey: 28 }
  sheet.columns = importColumns.map((column) => ({ width: widths[column] ?? 14, ...(['effectiveDate', 'dueDate', 'progressDate'].includes(column) ? { style: { numFmt: 'dd/mm/yyyy' } } : {}) }))
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: importColumns.length } }
  const last = Math.max(validatedRows, rows.length + 1)
  // One validation per column range (exceljs's own, missing from its typings), not one per cell.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations
  for (const [name, title, values] of lists) {
    const letter = String.fromCharCode(65 + importColumns.indexOf(name))
    validations.add(`${letter}2:${letter}${last}`, {
      type: 'list', allowBlank: true, formulae: [`${helpSheetName}!$${listColumn[name]}$2:$${listColumn[name]}$${values.length + 1}`],
      // The usual spellings are read too: the list guides, it does not forbid.
      showErrorMessage: true, errorStyle: name === 'costKey' ? 'information' : 'warning', errorTitle: title, error: `Valeur hors de la liste : elle sera lue si c’est une variante usuelle (voir la feuille « ${helpSheetName} »).`,
    })
  }
  helpSheet(workbook)
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
}
