import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention'
import { createYoga } from 'graphql-yoga'
import { analystExamples } from './analytics/analyst-examples.ts'
import { createContext, type ServerContext } from './context.ts'
import { allowedOrigins, corsFor } from './cors.ts'
import { maskError } from './errors.ts'
import { useCompression } from './plugins/use-compression.ts'
import { useQueryLimits } from './plugins/use-query-limits.ts'
import { useRequestLimits } from './plugins/use-request-limits.ts'
import { useExecutionCeiling } from './plugins/use-execution-ceiling.ts'
import { useResponseCookies } from './plugins/use-response-cookies.ts'
import { useSessionCsrf } from './plugins/use-session-csrf.ts'
import { createResponseCache } from './plugins/use-response-cache.ts'
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

/** The response cache: yoga's plugins, and the lookup the HTTP route answers anonymous hits with. */
export const responseCache = createResponseCache()

export const yoga = createYoga<ServerContext>({
  schema,
  context: createContext,
  graphqlEndpoint: '/graphql',
  landingPage: false,
  maskedErrors: { maskError },
  // Other sites read published data; only the app and ALLOWED_ORIGINS may read with the user's session.
  cors: corsFor(allowedOrigins(process.env.ALLOWED_ORIGINS)),
  graphiql: {
    title: 'Mutualis — GraphQL',
    defaultQuery: exampleQuery,
    // The analysts' examples of docs/analysts.md, one tab each, after the commune page.
    defaultTabs: [{ query: exampleQuery }, ...analystExamples.map((example) => ({ query: example.query }))],
  },
  // Cookie-carrying requests must be preflighted (JSON) or carry x-mutualis-csrf: another site cannot forge them.
  plugins: [
    useCompression(),
    useSessionCsrf(),
    useCSRFPrevention({ requestHeaders: ['x-mutualis-csrf'] }),
    useRequestLimits(),
    useQueryLimits(),
    useExecutionCeiling(),
    useResponseCookies(),
    ...responseCache.plugins,
  ],
})
