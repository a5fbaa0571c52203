import { plural } from '@mutualis/domain'
import type { CommuneImpact } from '@mutualis/schema/documents/commune'

/** « Coût annuel connu en 2026 : 12 345 € · 0,5 ETP · 2 offres au coût non renseigné », in one line. */
export function impactSummary(impact: CommuneImpact): string {
  const parts = [`Coût annuel connu en ${impact.year} : ${impact.annualCostLabel}`, impact.staffFteLabel]
  if (impact.unknownCostOffers > 0) parts.push(`${plural(impact.unknownCostOffers, 'offre', 'offres')} au coût non renseigné`)
  return parts.join(' · ')
}

/** The commune's yearly impact (art. L5211-39-1 CGCT), opening its detail by offer. */
export function ImpactLine(props: { impact: CommuneImpact; inseeCode: string }) {
  return (
    <a class="impact-line" href={`/commune/${props.inseeCode}/cout`}>
      {impactSummary(props.impact)}
      <span class="visually-hidden"> — détail par offre</span>
    </a>
  )
}
