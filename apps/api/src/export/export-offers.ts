import { participationStateLabels, communeMembershipLabels } from '@mutualis/domain'
import { graphql, type ResultOf } from '@mutualis/schema/graphql'
import type { Cell } from './csv.ts'
import { day, exportList } from './export-list.ts'
import { prose } from './spreadsheet-text.rules.ts'

const yesNo = (value: boolean | null) => (value === null ? null : value ? 'Oui' : 'Non')

const offersPage = graphql(`
  query ExportOffers($filter: OfferFilter, $orderBy: OfferOrder, $territory: String, $first: Int, $after: String) {
    page: offers(filter: $filter, orderBy: $orderBy, territory: $territory, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node {
        key name kindLabel statusLabel eligibilityLabel unnamedMembers domain { name } provider { name }
        members { state organisation { name } }
        terms { startDate endDate renewalDate tacitRenewal noticeMonths legalBasis joinDeliberationLabels }
        cost { annualAmount label key { label } }
        staff { fte }
        actions { title }
      } }
    }
  }
`)

type Offer = ResultOf<typeof offersPage>['page']['edges'][number]['node']

/** One row per offer: what it is, who is in, on what terms, at what cost. */
export const offersList = exportList({
  title: 'Offres',
  // ~320 estimated objects an offer (members, staff, actions and deliberations counted 25 each): 100 stay under the limit.
  pageSize: 100,
  document: offersPage,
  columns: [
    ['Clé', (n) => n.key],
    ['Nom', (n) => n.name],
    ['Type', (n) => n.kindLabel],
    ['Domaine', (n) => n.domain?.name ?? null],
    ['Porteur', (n) => n.provider?.name ?? null],
    ['Statut', (n) => n.statusLabel],
    ['Éligibilité', (n) => n.eligibilityLabel],
    ['Membres', (n) => members(n.members)],
    ['Membres non nommés', (n) => n.unnamedMembers],
    ['Début', (n) => day(n.terms.startDate)],
    ['Fin', (n) => day(n.terms.endDate)],
    ['Reconduction', (n) => day(n.terms.renewalDate)],
    ['Reconduction tacite', (n) => yesNo(n.terms.tacitRenewal)],
    ['Préavis (mois)', (n) => n.terms.noticeMonths],
    ['Base légale', prose((n) => n.terms.legalBasis)],
    ['Délibérations nécessaires', (n) => n.terms.joinDeliberationLabels.join('\n') || null],
    ['Coût annuel (€)', (n) => n.cost.annualAmount],
    ['Coût', (n) => n.cost.label],
    ['Clé de répartition', (n) => n.cost.key?.label ?? null],
    ['ETP', (n) => n.staff.reduce((sum, s) => sum + s.fte, 0)],
    ['Actions', prose((n) => n.actions.map((a) => a.title).join('\n') || null)],
  ],
})

/** Members and planned members, by name; former members and requests are not members. */
function members(list: Offer['members']): string | null {
  const names = list.filter((m) => m.state === 'MEMBER' || m.state === 'PLANNED').map((m) => (m.state === 'PLANNED' ? `${m.organisation.name} (prévue)` : m.organisation.name))
  return names.join(', ') || null
}

/**
 * A page of communes with their L5211-39-1 impact: the offers each is in and what joining each
 * open offer would add. ~520 estimated objects a commune: pages of 50 stay under the limit, and
 * the impacts of a page are read together (commune-impact.service.ts).
 */
export const impactPageSize = 50
export const impactDocument = graphql(`
  query ExportImpact($territory: String, $year: Int!, $first: Int, $after: String) {
    page: communesConnection(territory: $territory, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node {
        name inseeCode population
        impact(year: $year) {
          year
          byOffer { state annualCost staffFte offer { name kindLabel } }
          ifJoined { annualCost staffFte offer { name kindLabel } }
        }
      } }
    }
  }
`)

export const impactHeader = ['Commune', 'Code INSEE', 'Population', 'Offre', 'Type', 'Situation', 'Coût annuel (€)', 'ETP', 'Année']

type ImpactCommune = ResultOf<typeof impactDocument>['page']['edges'][number]['node']
type ImpactLine = Pick<ImpactCommune['impact']['byOffer'][number], 'annualCost' | 'staffFte' | 'offer'>

/** One row per commune and offer: those it is in, then those it could join. */
export function impactRows(commune: ImpactCommune): Cell[][] {
  const line = (situation: string) => (l: ImpactLine): Cell[] => [commune.name, commune.inseeCode, commune.population, l.offer.name, l.offer.kindLabel, situation, l.annualCost, l.staffFte, commune.impact.year]
  // A planned member is a member for the figures; a former one shows it left.
  return [
    ...commune.impact.byOffer.map((l) => line(participationStateLabels[l.state === 'FORMER' ? 'FORMER' : 'MEMBER'])(l)),
    ...commune.impact.ifJoined.map(line(communeMembershipLabels.JOINABLE)),
  ]
}
