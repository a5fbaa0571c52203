import { createYoga } from 'graphql-yoga'
import { createContext } from './context.ts'
import { schema } from './schema/index.ts'

const exampleQuery = /* GraphQL */ `# Mutualis — le schéma de mutualisation de Dijon Métropole.
# Que peut rejoindre Chenôve ?
query CommunePage {
  commune(inseeCode: "21166") {
    name
    population
    participations { role state since action { title statusLabel } }
    joinable { howToJoin openness action { title statusLabel domain { name } } }
  }
}
`

export const yoga = createYoga<Record<string, never>>({
  schema,
  context: createContext,
  graphqlEndpoint: '/graphql',
  landingPage: false,
  graphiql: { title: 'Mutualis — GraphQL', defaultQuery: exampleQuery },
})
