import { createRequire } from 'node:module'
import path from 'node:path'

// The load generator is a dev dependency of the tests package, next to the other measuring tools.
const requireFromTests = createRequire(path.resolve(import.meta.dirname, '../../../../tests/package.json'))

interface AutocannonRequest {
  method?: string
  body?: string
  headers?: Record<string, string>
  setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void
}
interface AutocannonResult {
  requests: { average: number; total: number }
  latency: { p50: number; p99: number; average: number }
  errors: number
  timeouts: number
  non2xx: number
  mismatches: number
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>
const autocannon = requireFromTests('autocannon') as Autocannon

export interface LoadOptions {
  url: string
  connections: number
  durationSeconds: number
  /** One GraphQL request sent again and again, or requests built per connection. */
  body?: string
  headers?: Record<string, string>
  requests?: AutocannonRequest[]
  /** Whether a 200 answer is a real success (a GraphQL error also comes with 200). */
  verifyBody?: (body: string) => boolean
  /** The server's CPU seconds so far: sampled around the measured run. */
  serverCpuSeconds?: () => number | null
}

export interface LoadFigures {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  /** Failed connections (timeouts included), non-2xx statuses and answers that failed verifyBody. */
  errors: number
  breakdown: { connection: number; timeouts: number; non2xx: number; wrongAnswers: number }
  requests: number
  /**
   * Server CPU during the measured run, in % of one core (a Node server uses one). Near 100: the
   * server was the limit. Well below: the load generator, on the same cores, was.
   */
  serverCpuPercent: number | null
}

const noGraphQLErrors = (body: string) => !body.includes('"errors"')

/** Runs the load generator against one URL; a short unrecorded run first lets the JIT warm up. */
export async function measureLoad(options: LoadOptions, warmupSeconds = 2): Promise<LoadFigures> {
  const run = (duration: number) =>
    autocannon({
      url: options.url,
      connections: options.connections,
      duration,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: options.body,
      requests: options.requests,
      verifyBody: options.verifyBody ?? noGraphQLErrors,
    })
  if (warmupSeconds > 0) await run(warmupSeconds)
  const cpuBefore = options.serverCpuSeconds?.() ?? null
  const started = performance.now()
  const result = await run(options.durationSeconds)
  const cpuAfter = options.serverCpuSeconds?.() ?? null
  const serverCpuPercent = cpuBefore === null || cpuAfter === null ? null : Math.round((100 * (cpuAfter - cpuBefore)) / ((performance.now() - started) / 1000))
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx + result.mismatches,
    breakdown: { connection: result.errors - result.timeouts, timeouts: result.timeouts, non2xx: result.non2xx, wrongAnswers: result.mismatches },
    requests: result.requests.total,
    serverCpuPercent,
  }
}
