import { getOperationAST, parse, type ExecutionResult } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import { createInMemoryCache, useResponseCache as useYogaResponseCache, type Cache } from '@graphql-yoga/plugin-response-cache'
import { resolveViewer } from '../auth/resolve-viewer.ts'
import { dbConfig, onSql } from '../db.ts'
import { changesAnswers, memoryClock, redisClock, type InvalidationClock } from './invalidation-clock.ts'

const NO_CACHE = 'no-cache'

/**
 * Prepares an answer for the cache. The ETag the cache plugin attaches (as `extensions.http`) goes:
 * a client revalidating with If-None-Match would be answered from an entry this process has not yet
 * learnt is outdated, and without the header no client sends one. Then, since serialising a commune
 * page costs about as much as answering a bare `{ hello }`, the answer is serialised once: yoga
 * serialises a result with its own `stringify` when it has one, and the copies it makes of a cached
 * result keep it. Only answers without errors are cached, so `data` is the whole body.
 */
function prepareForCache(result: { data?: unknown; extensions?: Record<string, unknown> }, serialiseOnce: boolean) {
  if (result.extensions) {
    delete result.extensions.http
    if (Object.keys(result.extensions).length > 0) return
    delete result.extensions
  }
  // In development the copies of a hit gain extensions.responseCache, which the text would lack.
  if (!serialiseOnce) return
  let text: string | undefined
  const { data } = result
  Object.assign(result, { stringify: () => (text ??= JSON.stringify({ data })) })
}

const operationKinds = new Map<string, string>()
/**
 * Only queries are cached. The cache plugin would store a mutation's answer too (with
 * invalidateViaMutation off), and a replay would then get the first answer without being run.
 */
function isQuery(documentString: string, operationName: string | null | undefined): boolean {
  const key = `${operationName ?? ''}|${documentString}`
  let kind = operationKinds.get(key)
  if (kind === undefined) {
    try {
      kind = getOperationAST(parse(documentString), operationName)?.operation ?? 'invalid'
    } catch {
      kind = 'invalid'
    }
    if (operationKinds.size >= 1000) operationKinds.clear()
    operationKinds.set(key, kind)
  }
  return kind === 'query'
}

/**
 * Whose cache partition a request reads: one shared by every anonymous visitor (published data),
 * one per signed-in user (role, organisations and `me` all follow from the user; a change of role
 * or organisations is a write, which empties every partition). Resolving the viewer here, before
 * the cache is read, means a revoked or expired session falls back to the anonymous partition.
 */
async function partitionOf(request: Request): Promise<string | null> {
  // `Cache-Control: no-cache` asks for a fresh answer, as in HTTP (scripts, and tests counting SQL).
  if (/no-cache/i.test(request.headers.get('cache-control') ?? '')) return NO_CACHE
  try {
    const viewer = await resolveViewer(request)
    return viewer.kind === 'user' ? `user:${viewer.userId}` : null
  } catch {
    // A refused token gets its error from the context, never an answer from the cache.
    return NO_CACHE
  }
}

/** The parameters of a GraphQL request, as yoga reads them from a GET query string or a POST body. */
export interface GraphQLParams {
  query: string
  variables?: Record<string, unknown> | null
  operationName?: string | null
}

export interface ResponseCache {
  plugins: Plugin[]
  /**
   * The cached answer to an anonymous request, as the text yoga would send, or undefined. Lets the
   * HTTP route answer a hit without going through yoga (http/graphql-route.ts); it reads the same
   * entries, under the same generation, as the yoga plugin.
   */
  anonymousAnswer(params: GraphQLParams): Promise<string | undefined>
  /**
   * A read run in this process for a request's caller (reads/read-as.ts): answered from the same
   * entries as yoga's, in the caller's partition and the current generation, else run, and kept
   * when it has no errors. The answer is shared: read it, never change it.
   */
  read(request: Request, params: GraphQLParams, run: () => Promise<ExecutionResult>): Promise<ExecutionResult>
}

/** The cache key of a request: one place, so the plugin and the HTTP route find the same entries. */
const cacheKey = (generation: string, partition: string | null, params: GraphQLParams) =>
  `${generation}|${partition ?? 'anonymous'}|${params.operationName ?? ''}|${JSON.stringify(params.variables ?? {})}|${params.query}`

export interface ResponseCacheOptions {
  clock?: InvalidationClock
  /** Entries kept per process (least recently used go first). */
  maxEntries?: number
  /** Bounds how long a write made outside this application (by hand in SQL) can go unseen. */
  ttlMs?: number
}

/**
 * Response cache for reads. Every write the API's Prisma client sends advances the clock, and
 * every mutation advances it again once finished (after its transaction committed), before its
 * answer leaves: the next read, through any process sharing the clock, misses the cache.
 */
export function createResponseCache(options: ResponseCacheOptions = {}): ResponseCache {
  if (process.env.RESPONSE_CACHE === 'off') return { plugins: [], anonymousAnswer: async () => undefined, read: (_request, _params, run) => run() }
  const clock = options.clock ?? (process.env.REDIS_URL ? redisClock(process.env.REDIS_URL) : memoryClock())
  if (!options.clock && !process.env.REDIS_URL && dbConfig.provider === 'postgresql') {
    console.warn('Cache de réponses en mémoire : si plusieurs processus servent cette base PostgreSQL, définissez REDIS_URL (ou RESPONSE_CACHE=off).')
  }
  const pending = new Set<Promise<void>>()
  const advance = () => {
    const done = clock.advance().catch(() => {}).finally(() => pending.delete(done))
    pending.add(done)
    return done
  }
  onSql((sql) => {
    if (changesAnswers(sql)) void advance()
  })

  // Entries of older generations are unreachable; dropping them when the clock moves frees memory.
  let seen: string | undefined
  const newEntries = () => createInMemoryCache({ max: options.maxEntries ?? Number(process.env.RESPONSE_CACHE_SIZE ?? 1000) })
  let entries = newEntries()
  const openGeneration = (generation: string) => {
    if (generation === seen) return
    seen = generation
    entries = newEntries()
  }
  const ttl = options.ttlMs ?? 60_000
  const includeExtensionMetadata = process.env.NODE_ENV === 'development'
  const cache: Cache = {
    get: (key) => (key.startsWith(NO_CACHE) ? undefined : entries.get(key)),
    set: (key, result, entities, ttl) => {
      if (key.startsWith(NO_CACHE)) return
      prepareForCache(result, !includeExtensionMetadata)
      const stored = entries.set(key, result, entities, ttl)
      finish(key)
      return stored
    },
    invalidate: (entities) => entries.invalidate(entities),
  }

  // After a write every reader of a popular page misses at once: the first computes the answer and
  // the others wait for it rather than each sending the same SQL. A waiter that finds no answer
  // (the first failed, or took more than 10 s) computes its own.
  const computing = new Map<string, { answered: Promise<void>; finish: () => void }>()
  const computedBy = new WeakMap<Request, string>()
  const finish = (key: string | undefined) => {
    if (key === undefined) return
    computing.get(key)?.finish()
    computing.delete(key)
  }
  async function singleFlight(key: string, request: Request) {
    const current = computing.get(key)
    if (current) {
      await Promise.race([current.answered, new Promise((resolve) => setTimeout(resolve, 10_000).unref())])
    } else if (!entries.get(key)) {
      let resolve!: () => void
      computing.set(key, { answered: new Promise<void>((r) => (resolve = r)), finish: () => resolve() })
      computedBy.set(request, key)
    }
    return key
  }

  const coordination: Plugin = {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return
      setExecuteFn(async (executionArgs) => {
        try {
          return await executeFn(executionArgs)
        } finally {
          await advance()
          await Promise.all(pending)
        }
      })
    },
    onResponse({ request }) {
      finish(computedBy.get(request))
    },
  }

  const responseCache = useYogaResponseCache({
    cache,
    ttl,
    invalidateViaMutation: false,
    // In development each answer says whether it came from the cache (extensions.responseCache).
    includeExtensionMetadata,
    session: partitionOf,
    buildResponseCacheKey: async ({ documentString, variableValues, operationName, sessionId, request }) => {
      if (sessionId === NO_CACHE || !isQuery(documentString, operationName)) return NO_CACHE
      let generation: string
      try {
        generation = await clock.read()
      } catch {
        return NO_CACHE
      }
      openGeneration(generation)
      return singleFlight(cacheKey(generation, sessionId ?? null, { query: documentString, variables: variableValues, operationName }), request)
    },
    shouldCacheResult: ({ cacheKey, result }) => !cacheKey.startsWith(NO_CACHE) && !result.errors?.length,
  })
  async function anonymousAnswer(params: GraphQLParams): Promise<string | undefined> {
    // Development answers carry cache metadata only yoga adds; a new generation is yoga's to open.
    if (includeExtensionMetadata) return undefined
    let generation: string
    try {
      generation = await clock.read()
    } catch {
      return undefined
    }
    if (generation !== seen) return undefined
    const entry = (await entries.get(cacheKey(generation, null, params))) as { stringify?: () => string } | undefined
    return entry?.stringify?.()
  }

  async function read(request: Request, params: GraphQLParams, run: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
    const partition = await partitionOf(request)
    const generation = partition === NO_CACHE ? undefined : await clock.read().catch(() => undefined)
    if (generation === undefined) return run()
    openGeneration(generation)
    const key = cacheKey(generation, partition, params)
    const hit = (await entries.get(key)) as ExecutionResult | undefined
    if (hit) return hit
    const result = await run()
    if (!result.errors?.length) await cache.set(key, result, [], ttl)
    return result
  }

  return { plugins: [coordination, responseCache], anonymousAnswer, read }
}
