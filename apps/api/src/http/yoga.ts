import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention'
import { createYoga } from 'graphql-yoga'
import { createContext, type ServerContext } from '../context.ts'
import { allowedOrigins, corsFor } from './cors.ts'
import { maskError } from '../errors.ts'
import { frenchGraphiQL, graphiqlOptions } from './graphiql/graphiql-page.ts'
import { useCompression } from './use-compression.ts'
import { useGraphiQLPage } from './graphiql/use-graphiql-page.ts'
import { executionLimits } from '../plugins/execution-limits.ts'
import { useRequestLimits } from '../plugins/use-request-limits.ts'
import { useResponseCookies } from '../plugins/use-response-cookies.ts'
import { useSessionCsrf } from '../plugins/use-session-csrf.ts'
import { responseCache } from '../plugins/response-cache.ts'
import { schema } from '../schema/index.ts'

const graphiql = frenchGraphiQL()

export const yoga = createYoga<ServerContext>({
  schema,
  context: createContext,
  graphqlEndpoint: '/graphql',
  landingPage: false,
  maskedErrors: { maskError },
  // Other sites read published data; only the app and ALLOWED_ORIGINS may read with the user's session.
  cors: corsFor(allowedOrigins(process.env.ALLOWED_ORIGINS)),
  graphiql: graphiqlOptions,
  // GraphiQL's bundle from node_modules, not yoga's default page that loads it from a CDN.
  renderGraphiQL: graphiql.render,
  // Cookie-carrying requests must be preflighted (JSON) or carry x-mutualis-csrf: another site cannot forge them.
  plugins: [
    useGraphiQLPage(graphiql.current),
    useCompression(),
    useSessionCsrf(),
    useCSRFPrevention({ requestHeaders: ['x-mutualis-csrf'] }),
    useRequestLimits(),
    ...executionLimits(),
    useResponseCookies(),
    ...responseCache.plugins,
  ],
})
