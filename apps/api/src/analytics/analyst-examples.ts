// The example queries of docs/analysts.md, also opened as tabs in GraphiQL. A test runs each one
// and checks the documentation shows them verbatim, so neither can drift from the API.

export interface AnalystExample {
  title: string
  query: string
}

const example = (title: string, query: string): AnalystExample => ({ title, query: `# ${title}\n${query.trim()}\n` })

export const analystExamples: AnalystExample[] = [
  example(
    'Actions en cours ou à venir auxquelles Chenôve participe',
    `query ActionsOfACommune {
  actions(
    territory: "242100410"
    filter: { communeInseeCode: "21166", status: [IN_PROGRESS, PLANNED] }
    orderBy: { field: DOMAIN }
    first: 50
  ) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { title statusLabel domain { name } participants { role organisation { name } } } }
  }
}`,
  ),
  example(
    'Nombre d’actions par statut, par instrument et par domaine',
    `query Statistics {
  statistics(territory: "242100410") {
    actionCount
    byStatus { status label count }
    byInstrument { label count }
    byDomain { domain { name } total byStatus { label count } }
  }
}`,
  ),
  example(
    'Par commune : adhésions, actions qu’elle peut rejoindre, demandes en attente',
    `query Communes {
  statistics(territory: "242100410") {
    communes { commune { name inseeCode population } memberships openOpportunities pendingRequests }
  }
}`,
  ),
  example(
    'Matrice des adhésions : communes × services communs',
    `query MembershipMatrix {
  membershipMatrix(territory: "242100410") {
    sharedServices { name }
    rows { commune { name inseeCode } cells memberOf }
  }
}`,
  ),
  example(
    'Statut de chaque action au 1er janvier 2022 (asOf) et aujourd’hui',
    `query StatusAsOf {
  actions(territory: "242100410", first: 200) {
    edges { node { title status statusAsOf(date: "2022-01-01") { status statusLabel basis update { date text } } } }
  }
}`,
  ),
  example(
    'Ce qui a changé en 2022 : statuts, nouveaux membres, points d’avancement',
    `query Changes {
  changes(from: "2022-01-01", to: "2022-12-31", territory: "242100410") {
    statusChanges { date fromLabel toLabel action { title } }
    completed: statusChanges(to: [IMPLEMENTED]) { date action { title } }
    newMembers { since organisation { name } action { title } }
    progressUpdates { date text action { title } }
  }
}`,
  ),
  example(
    'Points d’avancement du second semestre 2022, les plus récents d’abord',
    `query ProgressUpdates {
  progressUpdates(
    territory: "242100410"
    filter: { dateFrom: "2022-07-01", dateTo: "2022-12-31" }
    orderBy: { field: DATE, direction: DESC }
    first: 100
  ) {
    totalCount
    edges { node { date statusAfter text meeting action { title domain { name } } } }
  }
}`,
  ),
  example(
    'Adhésions de Talant, de la plus ancienne à la plus récente',
    `query Participations {
  participations(filter: { communeInseeCode: "21617", state: [MEMBER, PLANNED] }, orderBy: { field: SINCE }, first: 100) {
    totalCount
    edges { node { role state since action { title offer { name kindLabel } } } }
  }
}`,
  ),
  example(
    'Marchés mutualisés qui arrivent à échéance ou à reconduction dans les 12 mois',
    `query ContractsDue {
  offers(
    territory: "242100410"
    filter: { kind: [GROUPEMENT_DE_COMMANDES, CENTRALE_D_ACHAT], dueWithinMonths: 12 }
    orderBy: { field: END_DATE }
    first: 100
  ) {
    totalCount
    edges { node { name kindLabel terms { startDate endDate renewalDate tacitRenewal } actions { title } } }
  }
}`,
  ),
  example(
    'Synchronisation : actions modifiées depuis une date, les plus récentes d’abord',
    `query ChangedSince {
  actions(filter: { updatedSince: "2026-01-01" }, orderBy: { field: UPDATED_AT, direction: DESC }, first: 100) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id key title status version } }
  }
}`,
  ),
  example(
    'Offres du territoire : membres, conditions, coût et clé de répartition',
    `query Offers {
  offers(territory: "242100410", orderBy: { field: RENEWAL_DATE }, first: 100) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      key name kindLabel statusLabel eligibilityLabel provider { name }
      members { stateLabel since organisation { name } }
      terms { startDate endDate renewalDate tacitRenewal noticeMonths legalBasis joinDeliberationLabels }
      cost { annualAmount year label key { label } }
      staff { organisation { name } modeLabel fte }
    } }
  }
}`,
  ),
  example(
    'Ce que Chenôve peut rejoindre, comment et à quel coût',
    `query JoinableOffers {
  commune(inseeCode: "21166") {
    name
    offers(membership: [JOINABLE]) {
      membershipLabel annualCost annualCostLabel howToJoin
      offer { name kindLabel eligibilityLabel cost { label key { label } } }
    }
  }
}`,
  ),
  example(
    'Impact des mutualisations pour Talant en 2026 (coûts et agents, art. L5211-39-1 CGCT)',
    `query Impact {
  commune(inseeCode: "21617") {
    name
    impact(year: 2026) {
      year annualCost unknownCostOffers staffFte
      byOffer { annualCost staffFte offer { name kindLabel } }
      ifJoined { annualCost offer { name } }
    }
  }
}`,
  ),
  example(
    'Échéances des six prochains mois : fins, reconductions, dates limites de préavis',
    `query OffersDue {
  offersDue(withinMonths: 6, territory: "242100410") {
    date kind label
    offer { name kindLabel terms { tacitRenewal noticeMonths } }
  }
}`,
  ),
]
