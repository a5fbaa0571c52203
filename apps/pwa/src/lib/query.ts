import { batch, createContext, createEffect, createSignal, onCleanup, untrack, useContext } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import type { AnyVariables, Client, CombinedError, DocumentInput, RequestPolicy } from '@urql/core'

// A small replacement for @urql/solid's createQuery. That one keeps the whole urql operation
// (document, context) in a Solid store, and copying it there cost a mid-range phone hundreds of
// milliseconds per screen. Here only the data is a store, reconciled so screens update in place.

// Queries wait until graphcache has loaded its stored cache (see createMutualisClient); the screen
// itself does not, so its text shows at once.
const [cacheReady, setCacheReady] = createSignal(false)
export { cacheReady }
export const markCacheReady = () => setCacheReady(true)

const ClientContext = createContext<Client>()
export const ClientProvider = ClientContext.Provider

export function useClient(): Client {
  const client = useContext(ClientContext)
  if (!client) throw new Error('useClient outside ClientProvider')
  return client
}

export interface QueryState<Data> {
  readonly data?: Data
  readonly fetching: boolean
  readonly error?: CombinedError
}

export function createQuery<Data, Variables extends AnyVariables>(args: {
  query: DocumentInput<Data, Variables>
  variables?: () => Variables
  pause?: () => boolean
  requestPolicy?: RequestPolicy
}): [QueryState<Data>] {
  const client = useClient()
  const [store, setStore] = createStore<{ data?: Data }>({})
  const [fetching, setFetching] = createSignal(false)
  const [error, setError] = createSignal<CombinedError>()

  createEffect(() => {
    if (!cacheReady() || args.pause?.()) {
      setFetching(false)
      return
    }
    const variables = (args.variables?.() ?? {}) as Variables
    setFetching(true)
    let pending: ReturnType<typeof setTimeout> | undefined
    const subscription = untrack(() =>
      client.query(args.query, variables, { requestPolicy: args.requestPolicy }).subscribe((result) => {
        const show = () =>
          batch(() => {
            setStore('data', reconcile(result.data as Data))
            setError(result.error)
            setFetching(Boolean(result.stale))
          })
        clearTimeout(pending)
        // An answer from the cache shows at once. One from the network renders in a task of its own,
        // not in the one where graphcache wrote it: two shorter tasks leave the phone able to answer a
        // tap in between.
        if (result.operation.context.meta?.cacheOutcome === 'hit') show()
        else pending = setTimeout(show)
      }),
    )
    onCleanup(() => {
      clearTimeout(pending)
      subscription.unsubscribe()
    })
  })

  const state: QueryState<Data> = {
    get data() {
      return store.data
    },
    get fetching() {
      return fetching()
    },
    get error() {
      return error()
    },
  }
  return [state]
}
