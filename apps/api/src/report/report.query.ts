import { graphql, type ResultOf } from '@mutualis/schema/graphql'
import { allNodes } from '../reads/all-nodes.ts'
import { HttpError } from '../reads/http-error.ts'
import type { Reader } from '../reads/read-as.ts'

// The report reads the schéma through the GraphQL schema on behalf of its reader: what it shows is what the API shows them.

const actionsPage = graphql(`
  query ReportActions($territory: String!, $after: String) {
    page: actions(territory: $territory, orderBy: { field: DOMAIN }, first: 100, after: $after) {
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
`)

const summary = graphql(`
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
`)

// Pages of 50 communes, each impact read together by the API (commune-impact.service.ts).
const impactPage = graphql(`
  query ReportImpact($territory: String!, $year: Int!, $after: String) {
    page: communesConnection(territory: $territory, first: 50, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { name impact(year: $year) { annualCost unknownCostOffers staffFte byOffer { staffFte } } } }
    }
  }
`)

const readerTerritory = graphql(`query ReportTerritory { me { territory { siren } } territories { siren } }`)

export type ReportAction = ResultOf<typeof actionsPage>['page']['edges'][number]['node']
export type ReportImpact = ResultOf<typeof impactPage>['page']['edges'][number]['node']
export type ReportSummary = ResultOf<typeof summary>

/** The territory a report is about: the one asked for, else the reader's own, else the only one loaded. */
export async function reportTerritory(read: Reader, asked: string | null): Promise<string> {
  if (asked) return asked
  const { me, territories } = await read(readerTerritory, {})
  if (me) return me.territory.siren
  if (territories.length === 1) return territories[0].siren
  if (territories.length === 0) throw new HttpError(404, 'Aucun territoire n’est chargé.')
  throw new HttpError(400, 'Plusieurs territoires sont chargés : précisez ?territoire=<SIREN de l’EPCI>.')
}

export async function loadReport(read: Reader, territory: string, since: string, until: string, year: number) {
  const head = await read(summary, { territory, since, until })
  if (!head.territory) throw new HttpError(404, `Aucun territoire de SIREN ${territory}.`)
  const actions = await allNodes(read, actionsPage, { territory })
  const communes = await allNodes(read, impactPage, { territory, year })
  return { ...head, territory: head.territory, actions, communes, year }
}
