import { runQuery, HttpError } from '../export/internal-graphql.ts'

// The report reads the schéma through the GraphQL API on behalf of its reader: what it shows is what the API shows them.

const actionsPage = /* GraphQL */ `
  query ReportActions($territory: String!, $after: String) {
    actions(territory: $territory, orderBy: { field: DOMAIN }, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node {
        key title description status statusLabel instrument
        domain { key name }
        sharedService { name }
        participants { role state organisation { name } }
        progressUpdates { date text }
      } }
    }
  }
`

const summary = /* GraphQL */ `
  query ReportSummary($territory: String!, $since: Date!, $until: Date!) {
    territory(siren: $territory) { siren name }
    offersDue(withinMonths: 12, territory: $territory) { date kind label offer { name kindLabel } }
    statistics(territory: $territory) { actionCount byStatus { status label count } }
    changes(from: $since, to: $until, territory: $territory) {
      statusChanges { date fromLabel toLabel to action { key title } }
      newMembers { since organisation { name } action { title } }
      progressUpdates { date text action { title } }
    }
  }
`

export interface ReportAction {
  key: string
  title: string
  description: string | null
  status: string
  statusLabel: string
  instrument: string
  domain: { key: string; name: string }
  sharedService: { name: string } | null
  participants: Array<{ role: string; state: string; organisation: { name: string } }>
  progressUpdates: Array<{ date: string; text: string }>
}

// Pages of 50 communes, each impact read together by the API (commune-impact.service.ts).
const impactPage = /* GraphQL */ `
  query ReportImpact($territory: String!, $year: Int!, $after: String) {
    communesConnection(territory: $territory, first: 50, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { name impact(year: $year) { annualCost unknownCostOffers staffFte byOffer { staffFte } } } }
    }
  }
`

export interface ReportImpact {
  name: string
  impact: { annualCost: number; unknownCostOffers: number; staffFte: number; byOffer: Array<{ staffFte: number }> }
}

export interface ReportSummary {
  territory: { siren: string; name: string } | null
  offersDue: Array<{ date: string; kind: string; label: string; offer: { name: string; kindLabel: string } }>
  statistics: { actionCount: number; byStatus: Array<{ status: string; label: string; count: number }> }
  changes: {
    statusChanges: Array<{ date: string; fromLabel: string; toLabel: string; to: string; action: { key: string; title: string } }>
    newMembers: Array<{ since: string; organisation: { name: string }; action: { title: string } }>
    progressUpdates: Array<{ date: string; text: string; action: { title: string } }>
  }
}

interface ImpactPage {
  communesConnection: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: ReportImpact }> }
}

interface ActionsPage {
  actions: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: ReportAction }> }
}

/** The territory a report is about: the one asked for, else the reader's own, else the only one loaded. */
export async function reportTerritory(request: Request, asked: string | null): Promise<string> {
  if (asked) return asked
  const { me, territories } = await runQuery<{ me: { territory: { siren: string } } | null; territories: Array<{ siren: string }> }>(
    request,
    '{ me { territory { siren } } territories { siren } }',
    {},
  )
  if (me) return me.territory.siren
  if (territories.length === 1) return territories[0].siren
  if (territories.length === 0) throw new HttpError(404, 'Aucun territoire n’est chargé.')
  throw new HttpError(400, 'Plusieurs territoires sont chargés : précisez ?territoire=<SIREN de l’EPCI>.')
}

export async function loadReport(request: Request, territory: string, since: string, until: string, year: number) {
  const head = await runQuery<ReportSummary>(request, summary, { territory, since, until })
  if (!head.territory) throw new HttpError(404, `Aucun territoire de SIREN ${territory}.`)
  const actions: ReportAction[] = []
  let after: string | null = null
  do {
    const page: ActionsPage = await runQuery<ActionsPage>(request, actionsPage, { territory, after })
    actions.push(...page.actions.edges.map((edge) => edge.node))
    after = page.actions.pageInfo.hasNextPage ? page.actions.pageInfo.endCursor : null
  } while (after)
  const communes: ReportImpact[] = []
  after = null
  do {
    const page: ImpactPage = await runQuery<ImpactPage>(request, impactPage, { territory, year, after })
    communes.push(...page.communesConnection.edges.map((edge) => edge.node))
    after = page.communesConnection.pageInfo.hasNextPage ? page.communesConnection.pageInfo.endCursor : null
  } while (after)
  return { ...head, territory: head.territory, actions, communes, year }
}
