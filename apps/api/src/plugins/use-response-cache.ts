import { getOperationAST, parse, type ExecutionResult } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import { LRUCache } from 'lru-cache'
import { resolveViewer } from '../auth/resolve-viewer.ts'
import type { Context } from '../context.ts'
import { db, dbConfig } from '../db.ts'
import { onWritten, runInWriteScope, type WrittenFor } from '../db/write-scopes.ts'
import { AnswerScope, partsWritten } from './answer-scope.ts'
import { memoryClock, redisClock, type InvalidationClock } from './invalidation-clock.ts'

/** The header saying whether an answer came from the response cache (`hit`) or not (`miss`), like a CDN's X-Cache. */
export const cacheHeader = 'x-mutualis-cache'

/**
 * Since serialising a commune page costs about as much as answering a bare `{ hello }`, a cached
 * answer is serialised once: yoga serialises a result with its own `stringify` when it has one.
 * Only answers without errors are cached, so `data` is the whole body unless a plugin added extensions.
 */
function serialisedOnce(result: ExecutionResult): ExecutionResult {
  if (result.extensions && Object.keys(result.extensions).length > 0) return result
  let text: string | undefined
  const { data } = result
  return Object.assign(result, { stringify: () => (text ??= JSON.stringify({ data })) })
}

const operationKinds = new Map<string, string>()
/** Only queries are cached: a mutation's answer must come from running it. */
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
 * one per signed-in user, whose answers also depend on their account and territory (role,
 * organisations and `me` follow from them). Resolving the viewer here, before the cache is read,
 * means a revoked or expired session falls back to the anonymous partition. Undefined: not cached.
 */
async function partitionOf(request: Request): Promise<{ name: string; reader?: { userId: string; territoryId: string } } | undefined> {
  // `Cache-Control: no-cache` asks for a fresh answer, as in HTTP (scripts, and tests counting SQL).
  if (/no-cache/i.test(request.headers.get('cache-control') ?? '')) return undefined
  try {
    const viewer = await resolveViewer(request)
    return viewer.kind === 'user' ? { name: `user:${viewer.userId}`, reader: viewer } : { name: 'anonymous' }
  } catch {
    // A refused token gets its error from the context, never an answer from the cache.
    return undefined
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
   * entries, checked against the same clock, as the yoga plugin.
   */
  anonymousAnswer(params: GraphQLParams): Promise<string | undefined>
  /**
   * A read run in this process for a request's caller (reads/read-as.ts): answered from the same
   * entries as yoga's, in the caller's partition, else run with `rootValue` (what the answer shows
   * is collected there) and kept when it has no errors. The answer is shared: read it, never change it.
   */
  read(request: Request, params: GraphQLParams, run: (rootValue?: AnswerScope) => Promise<ExecutionResult>): Promise<ExecutionResult>
}

/** The cache key of a request: one place, so the plugin and the HTTP route find the same entries. */
const cacheKey = (partition: string, params: GraphQLParams) =>
  `${partition}|${params.operationName ?? ''}|${JSON.stringify(params.variables ?? {})}|${params.query}`

export interface ResponseCacheOptions {
  clock?: InvalidationClock
  /** Entries kept per process (least recently used go first). */
  maxEntries?: number
  /** Bounds how long a write made outside this application (by hand in SQL) can go unseen. */
  ttlMs?: number
}

/** A cached answer, the clock's time read before it was computed, and the parts of the data it shows. */
interface Entry {
  result: ExecutionResult
  since: number
  parts: string[]
}

/** A read the cache could not answer: where its answer goes, and the time read before computing it. */
interface Miss {
  key: string
  since: number
  reader?: { userId: string; territoryId: string }
  /** Whether this request computes the answer others wait for. */
  computes: boolean
}

/**
 * Response cache for reads. An answer holds while nothing it shows has changed: each write moves
 * the clock for its territory (a mutation's, once its transactions committed and before its answer
 * leaves; any other write as soon as it has run, for every territory), and a read checks the
 * territories its cached answer showed. Through Redis the clock is shared by every process.
 */
export function createResponseCache(options: ResponseCacheOptions = {}): ResponseCache {
  const labelEveryAnswer: Plugin = {
    onResponse: ({ response }) => void response.headers.set(cacheHeader, 'miss'),
  }
  if (process.env.RESPONSE_CACHE === 'off') return { plugins: [labelEveryAnswer], anonymousAnswer: async () => undefined, read: (_request, _params, run) => run() }
  const clock = options.clock ?? (process.env.REDIS_URL ? redisClock(process.env.REDIS_URL) : memoryClock())
  if (!options.clock && !process.env.REDIS_URL && dbConfig.provider === 'postgresql') {
    console.warn('Cache de réponses en mémoire : si plusieurs processus servent cette base PostgreSQL, définissez REDIS_URL (ou RESPONSE_CACHE=off).')
  }
  const newEntries = () => new LRUCache<string, Entry>({ max: options.maxEntries ?? Number(process.env.RESPONSE_CACHE_SIZE ?? 1000), ttl: options.ttlMs ?? 60_000 })
  let entries = newEntries()

  async function advance(written: WrittenFor) {
    try {
      await clock.advance(written.everywhere ? ['anywhere'] : await partsOf(written))
    } catch {
      // The other processes cannot be told; this one at least keeps nothing it may not serve.
      entries = newEntries()
    }
  }
  async function partsOf(written: { territories: string[]; users: string[] }): Promise<string[]> {
    if (written.territories.length === 0) return partsWritten([], written.users)
    const territories = await db.territory.findMany({ where: { id: { in: written.territories } }, select: { id: true, siren: true } })
    // A territory gone meanwhile: its answers are named by a SIREN no longer known here.
    if (territories.length < written.territories.length) return ['anywhere']
    return partsWritten(territories, written.users)
  }
  onWritten(advance)

  async function validEntry(key: string): Promise<Entry | undefined> {
    const entry = entries.get(key)
    if (!entry) return undefined
    if (!(await clock.changedSince(entry.parts, entry.since))) return entry
    if (entries.get(key) === entry) entries.delete(key)
    return undefined
  }

  // After a write every reader of a popular page misses at once: the first computes the answer and
  // the others wait for it rather than each sending the same SQL. A waiter that finds no answer
  // (the first failed, took more than 10 s, or a write came meanwhile) computes its own.
  const computing = new Map<string, { answered: Promise<void>; finish: () => void }>()
  function finish(miss: Miss | undefined) {
    if (!miss?.computes) return
    miss.computes = false
    computing.get(miss.key)?.finish()
    computing.delete(miss.key)
  }

  /** The cached answer to a request, or the miss to compute; neither when the request is not cached. */
  async function lookUp(request: Request, params: GraphQLParams): Promise<{ hit?: ExecutionResult; miss?: Miss }> {
    if (!isQuery(params.query, params.operationName)) return {}
    const partition = await partitionOf(request)
    if (!partition) return {}
    const key = cacheKey(partition.name, params)
    try {
      const found = await validEntry(key)
      if (found) return { hit: found.result }
      const current = computing.get(key)
      if (current) {
        await Promise.race([current.answered, new Promise((resolve) => setTimeout(resolve, 10_000).unref())])
        const computed = await validEntry(key)
        if (computed) return { hit: computed.result }
      }
    } catch {
      return {} // the clock is out of reach: answer afresh, keep nothing
    }
    // Claimed before anything else is awaited, so that readers arriving together find the claim.
    const miss: Miss = { key, since: 0, reader: partition.reader, computes: !computing.has(key) }
    if (miss.computes) {
      let resolve!: () => void
      computing.set(key, { answered: new Promise<void>((r) => (resolve = r)), finish: () => resolve() })
    }
    try {
      // Read before computing: a write after this moment makes the answer's stamp too old.
      miss.since = await clock.now()
    } catch {
      finish(miss)
      return {}
    }
    return { miss }
  }

  function keep(miss: Miss, scope: AnswerScope, result: ExecutionResult) {
    if (!result.errors?.length) entries.set(miss.key, { result: serialisedOnce(result), since: miss.since, parts: scope.parts(miss.reader) })
    finish(miss)
  }

  const hits = new WeakSet<Request>()
  const misses = new WeakMap<Request, Miss>()

  const plugin: Plugin = {
    async onParams({ params, request, setResult }) {
      const { hit, miss } = await lookUp(request, { query: params.query ?? '', variables: params.variables, operationName: params.operationName })
      if (hit) {
        hits.add(request)
        setResult({ ...hit })
      } else if (miss) misses.set(request, miss)
    },
    onExecute({ args, executeFn, setExecuteFn }) {
      const context = args.contextValue as unknown as Context
      if (getOperationAST(args.document, args.operationName)?.operation === 'mutation') {
        // Its writes move the clock for the writer's territory once they are committed, before the answer leaves.
        const territories = context.viewer.kind === 'user' ? [context.viewer.territoryId] : []
        setExecuteFn((executionArgs) => runInWriteScope(territories, async () => executeFn(executionArgs)) as ReturnType<typeof executeFn>)
        return
      }
      const miss = misses.get(context.request)
      if (!miss) return
      const scope = new AnswerScope()
      setExecuteFn((executionArgs) => executeFn({ ...executionArgs, rootValue: scope }))
      return {
        onExecuteDone({ result }) {
          if (!(Symbol.asyncIterator in result)) keep(miss, scope, result)
        },
      }
    },
    onResponse({ request, response }) {
      finish(misses.get(request))
      response.headers.set(cacheHeader, hits.has(request) ? 'hit' : 'miss')
    },
  }

  async function anonymousAnswer(params: GraphQLParams): Promise<string | undefined> {
    try {
      const entry = await validEntry(cacheKey('anonymous', params))
      return (entry?.result as { stringify?: () => string } | undefined)?.stringify?.()
    } catch {
      return undefined
    }
  }

  async function read(request: Request, params: GraphQLParams, run: (rootValue?: AnswerScope) => Promise<ExecutionResult>): Promise<ExecutionResult> {
    const { hit, miss } = await lookUp(request, params)
    if (hit) return hit
    if (!miss) return run()
    const scope = new AnswerScope()
    try {
      const result = await run(scope)
      keep(miss, scope, result)
      return result
    } finally {
      finish(miss)
    }
  }

  return { plugins: [plugin], anonymousAnswer, read }
}
