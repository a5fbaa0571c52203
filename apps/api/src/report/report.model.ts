import { euroAmount, instrumentLabels, longFrenchDate, roleLabels } from '@mutualis/domain'
import type { ReportAction, ReportImpact, ReportSummary } from './report.query.ts'

/** One line of « Impact par commune », as printed. */
export interface ImpactRow {
  commune: string
  annualCost: string
  unknownCostOffers: number
  staffFte: string
  offers: number
}

export interface ReportModel {
  /** The SIREN the Word and Excel versions are asked for. */
  territorySiren: string
  territoryName: string
  generatedOn: string
  since: string
  total: number
  byStatus: Array<{ status: string; label: string; count: number }>
  completed: ReportSummary['changes']['statusChanges']
  statusChanges: ReportSummary['changes']['statusChanges']
  /** New members grouped by action: one line per action rather than one per commune. */
  newMembers: Array<{ action: string; since: string; organisations: string[] }>
  newMemberCount: number
  progressUpdates: ReportSummary['changes']['progressUpdates']
  domains: Array<{ key: string; name: string; actions: Array<ReportAction & { details: string }> }>
  /** The expected impact on each commune's costs and staff (art. L5211-39-1 CGCT) for `impactYear`. */
  impactYear: number
  impact: ImpactRow[]
  impactTotal: ImpactRow
  /** Ends, renewals and notice deadlines of the next twelve months, in date order. */
  dues: Array<{ iso: string; date: string; label: string; offer: string; kindLabel: string }>
}

/** Known costs in euros: « 12 345 € »; nothing known reads « 0 € », not « Gratuit ». */
const euros = (amount: number) => euroAmount(Math.round(amount * 100))
const fte = (value: number) => value.toLocaleString('fr-FR', { maximumFractionDigits: 2 })

function impactRow(commune: string, lines: ReadonlyArray<ReportImpact['impact']>): ImpactRow {
  const sum = (value: (impact: ReportImpact['impact']) => number) => lines.reduce((total, impact) => total + value(impact), 0)
  return {
    commune,
    annualCost: euros(sum((i) => i.annualCost)),
    unknownCostOffers: sum((i) => i.unknownCostOffers),
    staffFte: fte(sum((i) => i.staffFte)),
    offers: sum((i) => i.byOffer.length),
  }
}

/** « Service commun · Pilote : Dijon Métropole · 23 membres »: what the council asks first about an action. */
function details(action: ReportAction): string {
  const pilots = action.participants.filter((p) => p.role === 'PILOT').map((p) => p.organisation.name)
  const members = action.participants.filter((p) => p.state === 'MEMBER' && p.role !== 'PILOT').length
  return [
    instrumentLabels[action.instrument],
    action.sharedService?.name,
    pilots.length ? `${roleLabels.PILOT} : ${pilots.join(', ')}` : null,
    members ? `${members} membre${members > 1 ? 's' : ''}` : null,
  ].filter(Boolean).join(' · ')
}

/**
 * What the report says, independent of its format: the summary, the changes since a date, and the
 * actions grouped by domain in the document's order (the actions come sorted by domain, then position).
 */
export function reportModel(
  data: ReportSummary & { territory: { siren: string; name: string }; actions: ReportAction[]; communes: ReportImpact[]; year: number },
  since: string,
  generatedOn: string,
): ReportModel {
  const domains: ReportModel['domains'] = []
  for (const action of data.actions) {
    const last = domains[domains.length - 1]
    const entry = { ...action, details: details(action) }
    if (last?.key === action.domain.key) last.actions.push(entry)
    else domains.push({ key: action.domain.key, name: action.domain.name, actions: [entry] })
  }
  return {
    territorySiren: data.territory.siren,
    territoryName: data.territory.name,
    generatedOn,
    since,
    total: data.statistics.actionCount,
    byStatus: data.statistics.byStatus.filter((row) => row.count > 0),
    completed: data.changes.statusChanges.filter((change) => change.to === 'IMPLEMENTED'),
    statusChanges: data.changes.statusChanges,
    newMembers: membersByAction(data.changes.newMembers),
    newMemberCount: data.changes.newMembers.length,
    progressUpdates: data.changes.progressUpdates,
    domains,
    impactYear: data.year,
    impact: data.communes.map((c) => impactRow(c.name, [c.impact])),
    impactTotal: impactRow('Total', data.communes.map((c) => c.impact)),
    dues: data.offersDue.map((due) => ({ iso: due.date, date: longFrenchDate(new Date(`${due.date}T00:00:00.000Z`)), label: due.label, offer: due.offer.name, kindLabel: due.offer.kindLabel })),
  }
}

function membersByAction(members: ReportSummary['changes']['newMembers']): ReportModel['newMembers'] {
  const byAction = new Map<string, ReportModel['newMembers'][number]>()
  for (const member of members) {
    // The changes list members by the day they joined (newMembersWhere): never null there, though the field may be.
    if (member.since === null) continue
    const key = `${member.since}|${member.action.title}`
    if (!byAction.has(key)) byAction.set(key, { action: member.action.title, since: member.since, organisations: [] })
    byAction.get(key)!.organisations.push(member.organisation.name)
  }
  return [...byAction.values()].map((entry) => ({ ...entry, organisations: entry.organisations.sort((a, b) => a.localeCompare(b, 'fr')) }))
}

/** JJ/MM/AAAA from an ISO day. */
export const frenchDay = (iso: string) => iso.split('-').reverse().join('/')

export const reportTitle = 'Rapport d’avancement du schéma de mutualisation'
export const legalNote =
  'Communication annuelle du président au conseil communautaire sur l’avancement du schéma de mutualisation, lors du débat d’orientation budgétaire ou, à défaut, lors du vote du budget (article L5211-39-1 du code général des collectivités territoriales).'
