// `pnpm --filter @mutualis/api bench:hostile [--duration 20] [--clients 4] [--database <url>]`: how
// much the worst requests the limits accept slow down everybody else. Starts the API (by default on a
// temporary SQLite copy of Dijon), checks each hostile request alone, then runs `clients` loops of them
// while a probe asks `{__typename}` every 20 ms. Prints figures, judges nothing. Loopback only.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { hostileRequests, requestInit, type HostileRequest } from './hostile-workload.ts'
import { startApi, type Server } from './servers.ts'

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    clients: { type: 'string', default: '4' },
    /** An existing database (SQLite file: or postgres://); a temporary copy of Dijon otherwise. */
    database: { type: 'string' },
    /** Longest a hostile request may take alone to be looped on; slower ones are reported and left out. */
    'check-timeout': { type: 'string', default: '30' },
  },
})
const durationMs = Number(args.duration) * 1000
const clients = Number(args.clients)
const probeEveryMs = 20
const log = (line: string) => console.log(`[hostile] ${line}`)
const mb = (bytes: number | null) => (bytes === null ? '?' : `${Math.round(bytes / 1024 / 1024)} MB`)

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : Number.NaN)
  return `n=${sorted.length} p50 ${at(50).toFixed(1)} ms, p95 ${at(95).toFixed(1)} ms, p99 ${at(99).toFixed(1)} ms, max ${(sorted.at(-1) ?? Number.NaN).toFixed(1)} ms`
}

/** Status (or the reason there is none) and time of one request, its body read to the end. */
async function timed(origin: string, path: string, init: RequestInit, timeoutMs: number): Promise<{ status: string; ms: number; bytes: number; text: string }> {
  const started = performance.now()
  try {
    const response = await fetch(`${origin}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) })
    const body = Buffer.from(await response.arrayBuffer())
    return { status: String(response.status), ms: performance.now() - started, bytes: body.length, text: body.toString('utf8', 0, 300) }
  } catch (error) {
    const name = (error as Error).name === 'TimeoutError' ? 'timeout' : 'connection error'
    return { status: name, ms: performance.now() - started, bytes: 0, text: '' }
  }
}

/**
 * The hostile requests that answer whole and without GraphQL errors, within the check timeout, when
 * sent alone. One that times out goes on running on the server, so the server is started again
 * before the next is timed; the server in use at the end is returned.
 */
async function usable(start: () => Promise<Server>, first: Server): Promise<{ kept: HostileRequest[]; server: Server }> {
  const kept: HostileRequest[] = []
  let server = first
  for (const request of hostileRequests) {
    const { path: target, init } = requestInit(request, 0)
    const answer = await timed(origin(server), target, init, Number(args['check-timeout']) * 1000)
    const refused = answer.status !== '200' || answer.text.startsWith('{"errors"')
    log(`alone: ${request.name} — ${answer.status} in ${Math.round(answer.ms)} ms, ${Math.round(answer.bytes / 1024)} KB${refused ? ` — left out: ${answer.text.slice(0, 160)}` : ''}`)
    if (!server.running()) log(`the server exited on « ${request.name} »:\n${server.output().slice(-2_000)}`)
    if (!refused) kept.push(request)
    if (answer.status === 'timeout' || !server.running()) {
      await server.stop()
      server = await start()
    }
  }
  return { kept, server }
}

const origin = (server: Server) => server.url.replace(/\/graphql$/, '')

/**
 * `{__typename}` every 20 ms until `until`, each sent on time whether or not the previous one has
 * answered: a probe that waited would send fewer questions exactly when the server is slow.
 */
async function probeLoop(origin: string, until: number): Promise<number[]> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{__typename}' }) }
  const answers: Array<Promise<{ ms: number }>> = []
  while (performance.now() < until) {
    answers.push(timed(origin, '/graphql', init, 120_000))
    await new Promise((resolve) => setTimeout(resolve, probeEveryMs))
  }
  return (await Promise.all(answers)).map((answer) => answer.ms)
}

async function hostileLoop(server: Server, origin: string, requests: HostileRequest[], client: number, until: number, tally: Map<string, Map<string, number[]>>) {
  // A crashed server would make this a loop of instant connection errors: it stops there.
  for (let n = client; performance.now() < until && server.running(); n += clients) {
    const request = requests[n % requests.length]
    const { path: target, init } = requestInit(request, n)
    const answer = await timed(origin, target, init, 120_000)
    const byStatus = tally.get(request.name) ?? new Map<string, number[]>()
    byStatus.set(answer.status, [...(byStatus.get(answer.status) ?? []), answer.ms])
    tally.set(request.name, byStatus)
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-hostile-'))
let server: Server | undefined
try {
  let databaseUrl = args.database
  if (!databaseUrl) {
    databaseUrl = `file:${path.join(work, 'dijon.db')}`
    log('base Dijon temporaire : migrations et schéma…')
    await (await startApi(databaseUrl, { cache: false, env: { NODE_ENV: 'development' } })).stop()
  }
  const start = () => startApi(databaseUrl, { cache: true })
  server = await start()
  log(`API ${origin(server)} (${databaseUrl.startsWith('file:') ? 'SQLite' : 'PostgreSQL'}), response cache on, ${clients} hostile clients, ${durationMs / 1000} s; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`)
  const checked = await usable(start, server)
  server = checked.server
  const requests = checked.kept
  if (!requests.length) throw new Error('no hostile request answered alone: nothing to loop on')
  log(`probe alone (3 s): ${percentiles(await probeLoop(origin(server), performance.now() + 3_000))}`)
  const peakBeforeLoad = server.residentBytes('peak')
  const resetPeak = server.resetPeakResident()
  let sampledPeak = server.residentBytes('now') ?? 0
  const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, server?.residentBytes('now') ?? 0)), 200)
  const until = performance.now() + durationMs
  const tally = new Map<string, Map<string, number[]>>()
  const [latencies] = await Promise.all([probeLoop(origin(server), until), ...Array.from({ length: clients }, (_, client) => hostileLoop(server!, origin(server!), requests, client, until, tally))])
  clearInterval(sampler)
  log(`probe under hostile load (${durationMs / 1000} s): ${percentiles(latencies)}`)
  let total = 0
  for (const [name, byStatus] of tally) {
    const statuses = [...byStatus.entries()].map(([status, times]) => `${status} ×${times.length}`).join(', ')
    const times = [...byStatus.values()].flat()
    total += times.length
    log(`hostile: ${name} — ${statuses}; ${percentiles(times)}`)
  }
  log(`hostile requests: ${total}, sent during ${durationMs / 1000} s (the last ones answered ${((performance.now() - until) / 1000).toFixed(1)} s after)`)
  const loadPeak = resetPeak ? server.residentBytes('peak') : sampledPeak
  log(`server resident memory (VmHWM of its Node process): ${mb(peakBeforeLoad)} at its peak before the load (start-up, requests alone), ${mb(loadPeak)} at its peak during the load${resetPeak ? '' : ' (sampled every 200 ms)'}, ${mb(server.residentBytes('now'))} now`)
  log(`server process: ${server.running() ? 'still running' : `EXITED:\n${server.output().slice(-2_000)}`}`)
} finally {
  await server?.stop()
  fs.rmSync(work, { recursive: true, force: true })
}
