import { Client, fetchExchange } from '@urql/core'
import { offlineExchange, type CacheExchangeOpts, type Cache, type KeyingConfig, type StorageAdapter, type UpdatesConfig } from '@urql/exchange-graphcache'
import { makeDefaultStorage } from '@urql/exchange-graphcache/default-storage'
import cacheSchema from '@mutualis/schema/cache-schema.json'
import { trackingFetch } from './connectivity.ts'

/** Types without an id (connections, join opportunities, mutation results) live inside their parent. */
function embeddedTypes(): KeyingConfig {
  const keys: KeyingConfig = {}
  for (const type of cacheSchema.__schema.types) {
    if (type.kind === 'OBJECT' && !type.fields?.some((field) => field.name === 'id')) keys[type.name] = () => null
  }
  return keys
}

function invalidateField(cache: Cache, fieldName: string) {
  for (const field of cache.inspectFields('Query')) if (field.fieldName === fieldName) cache.invalidate('Query', field.fieldName, field.arguments)
}

// What each mutation changes beyond the entities it returns.
const updates: UpdatesConfig = {
  Mutation: {
    login(result, _args, cache) {
      const login = result.login as { __typename: string; user?: { __typename: string; id: string } }
      if (login.__typename === 'LoginSuccess' && login.user) cache.link('Query', 'me', login.user as never)
    },
    logout(_result, _args, cache) {
      cache.link('Query', 'me', null)
      invalidateField(cache, 'commune')
    },
    // A request changes « peut rejoindre » of the commune: refetch its page.
    requestToJoin(_result, _args, cache) {
      invalidateField(cache, 'commune')
      invalidateField(cache, 'communes')
    },
  },
}

/**
 * The GraphQL client: a normalised cache persisted in IndexedDB, so the last data seen is there
 * when the app opens without network; queries that fail offline fall back to it.
 *
 * `hydrated` resolves once the stored cache is loaded. Start no query before: graphcache keeps
 * results that arrive during hydration in layers that later shadow mutation results, so an
 * update would not show until the next reload.
 */
/** The cache kept in IndexedDB for 30 days; `onHydrated` once it is loaded. */
const indexedDbStorage = (onHydrated: () => void): StorageAdapter => makeDefaultStorage({ idbName: 'mutualis-cache', maxAge: 30, onCacheHydrated: onHydrated })

export function createMutualisClient(makeStorage: (onHydrated: () => void) => StorageAdapter = indexedDbStorage) {
  let markHydrated!: () => void
  // A storage that never answers (IndexedDB refused) must not keep the app from showing.
  const hydrated = new Promise<void>((resolve) => {
    markHydrated = resolve
    setTimeout(resolve, 3000)
  })
  const storage = makeStorage(() => markHydrated())
  const client = new Client({
    url: '/graphql',
    requestPolicy: 'cache-and-network',
    fetch: trackingFetch,
    // The API refuses cookie-authenticated requests without this header (CSRF prevention).
    fetchOptions: { credentials: 'same-origin', headers: { 'x-mutualis-csrf': '1' } },
    exchanges: [offlineExchange({ schema: cacheSchema as CacheExchangeOpts['schema'], storage, keys: embeddedTypes(), updates }), fetchExchange],
  })
  return { client, hydrated }
}
