// From the rows read to what the import would write: each row's action matched to a stored one
// (by its « Référence », else by its title), each offer by its name, and what refuses a row that
// the sheet alone could not tell (two stored actions of one title, an archived action, a new offer
// without its type).
import { importColumnLabels, importKey, importKindLabels, offerKeyOf, refuse, reportRow, type ImportColumn, type ImportReportRow, type OfferDraft, type SchemaRow } from '@mutualis/domain'
import type { ActionRecord, TerritoryState } from './import-state.ts'
import { planAction, type ActionPlan } from './plan-actions.ts'
import { planContext, type DomainPlan } from './plan-context.ts'
import { offersByName, planOffer, type OfferPlan } from './plan-offers.ts'

export interface ImportPlan {
  domains: DomainPlan[]
  offers: OfferPlan[]
  actions: ActionPlan[]
  refusals: ImportReportRow[]
  refusedRows: Set<number>
}

const offerKinds = Object.entries(importKindLabels).filter(([kind]) => kind !== 'ETUDE' && kind !== 'AUTRE').map(([, label]) => label)

/** The stored action a row designates: by reference (or the key an export wrote for an action without one), else by title. */
function actionMatcher(actions: readonly ActionRecord[]) {
  const byReference = new Map<string, ActionRecord>()
  for (const action of actions) if (action.reference) byReference.set(action.reference.toLowerCase(), action)
  for (const action of actions) if (!action.reference && !byReference.has(action.key.toLowerCase())) byReference.set(action.key.toLowerCase(), action)
  const byTitle = new Map<string, ActionRecord[]>()
  for (const action of actions) if (!action.archivedAt) byTitle.set(importKey(action.title), [...(byTitle.get(importKey(action.title)) ?? []), action])
  return (row: SchemaRow): { action: ActionRecord | null } | { reason: string; suggestion: string; column: ImportColumn } => {
    const referenced = row.reference ? byReference.get(row.reference.toLowerCase()) : undefined
    if (referenced?.archivedAt) return { column: 'reference', reason: `L’action de référence « ${row.reference} » (« ${referenced.title} ») est archivée.`, suggestion: 'La désarchiver avant l’import, ou vider la référence pour créer une nouvelle action.' }
    if (referenced) return { action: referenced }
    // A sheet that gains a « Référence » column still finds the actions it created without one.
    const titled = (byTitle.get(importKey(row.title)) ?? []).filter((action) => !row.reference || !action.reference)
    if (titled.length > 1) return { column: 'action', reason: `${titled.length} actions s’intitulent « ${row.title} » : la ligne ne dit pas laquelle.`, suggestion: 'Ajouter la colonne « Référence » (l’export du schéma la remplit).' }
    return { action: titled[0] ?? null }
  }
}

export function planImport(state: TerritoryState, rows: readonly SchemaRow[], drafts: readonly OfferDraft[], fileName: string): ImportPlan {
  const context = planContext(state, fileName)
  const refusals: ImportReportRow[] = []
  const refusedRows = new Set<number>()
  const fail = (row: SchemaRow, column: ImportColumn, reason: string, suggestion: string | null, suggestions: string[] = []) => {
    refusals.push(reportRow(row.row, importColumnLabels[column], row.written[column] ?? '', { ...refuse(reason, suggestions), ...(suggestion ? { suggestion } : {}) }))
    refusedRows.add(row.row)
  }
  const byNumber = new Map(rows.map((row) => [row.row, row]))
  // The EPCI named where the territory has no organisation for it: nothing to attach it to.
  for (const row of rows) {
    if (state.epci) break
    if (row.participants.territory) fail(row, 'communes', `${state.territory.name} n’a pas d’organisation EPCI à laquelle rattacher l’action.`, 'Créer le territoire depuis les données officielles (territory:create), qui l’ajoute.')
    else if (row.provider?.kind === 'TERRITORY') fail(row, 'provider', `${state.territory.name} n’a pas d’organisation EPCI à laquelle rattacher l’action.`, 'Créer le territoire depuis les données officielles (territory:create), qui l’ajoute.')
  }

  // Domains in the order the sheet gives them.
  for (const row of rows) context.domainId(row.domain)
  const stored = offersByName(state.offers)
  const offers = new Map<string, OfferPlan>()
  for (const draft of drafts) {
    const first = byNumber.get(draft.rows[0])!
    const matches = stored.get(draft.key) ?? []
    if (matches.length > 1) fail(first, 'offer', `${matches.length} offres s’appellent « ${draft.name} » : la ligne ne dit pas laquelle.`, 'Renommer l’une des offres dans Mutualis avant l’import.')
    else if (!matches[0] && !draft.kind) fail(first, 'kind', `Type manquant : l’offre « ${draft.name} » est nouvelle, et aucune de ses lignes ne donne son type.`, `Indiquer son type sur l’une de ses lignes : ${offerKinds.join(', ')}.`)
    else if (!state.epci && draft.fte !== null && !draft.provider) fail(first, 'fte', 'Les ETP d’une offre sans porteur sont ceux de l’EPCI, et le territoire n’a pas d’organisation EPCI.', 'Indiquer le porteur de l’offre.')
    else offers.set(draft.key, planOffer(draft, matches[0] ?? null, byNumber, context))
    if (!offers.has(draft.key)) for (const number of draft.rows) refusedRows.add(number)
  }

  const match = actionMatcher(state.actions)
  const claimed = new Map<string, number>()
  let position = state.actions.reduce((last, action) => Math.max(last, action.position), -1)
  const actions: ActionPlan[] = []
  for (const row of rows) {
    if (refusedRows.has(row.row)) continue
    const found = match(row)
    if (!('action' in found)) {
      fail(row, found.column, found.reason, found.suggestion)
      continue
    }
    if (found.action && claimed.has(found.action.id)) {
      fail(row, row.reference ? 'reference' : 'action', `La ligne ${claimed.get(found.action.id)} désigne déjà cette action (« ${found.action.title} »).`, 'Donner à chaque action sa propre ligne et sa propre référence.')
      continue
    }
    if (found.action) claimed.set(found.action.id, row.row)
    const offer = row.offer ? offers.get(offerKeyOf(row.offer))! : null
    const plan = planAction(row, found.action, offer, () => ++position, context)
    // An offer's own changes show on its first row.
    if (offer && offer.draft.rows[0] === row.row && offer.changes.length > 0) {
      plan.changes.push(...offer.changes)
      if (plan.outcome === 'unchanged') plan.outcome = 'updated'
    }
    actions.push(plan)
  }
  return { domains: context.newDomains, offers: [...offers.values()], actions, refusals, refusedRows }
}
