import { graphql, type ResultOf } from '../graphql.ts'

/** The intercommunalités this service holds, for a reader who has not chosen theirs yet. */
export const TerritoriesQuery = graphql(`
  query Territories {
    territories { id siren name }
  }
`)

export type TerritorySummary = ResultOf<typeof TerritoriesQuery>['territories'][number]
