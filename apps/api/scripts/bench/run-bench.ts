// `pnpm bench`: throughput and latency of Mutualis's main requests against a bare graphql-yoga
// measured in the same run, SQL statements per request, PWA weight and Lighthouse scores.
// Prints the figures and writes docs/benchmarks.json and the table of docs/benchmarks.md.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { reads } from './bench-operations.ts'
import { measureLoad, type LoadFigures } from './load.ts'
import { budgetScriptFigures, buildPwa, firstScreenJsGzipBytes, lighthouseScores, type PwaFigures } from './pwa-figures.ts'
import { machine, printTable, writeReport, type BenchReport, type Dataset, type Measurement } from './report.ts'
import { startApi, startBareYoga, startCeiling } from './servers.ts'
import { measureRecordProgress } from './write-load.ts'

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    /** A database with the national data set (seed:national): SQLite, PostgreSQL, or one of each. */
    national: { type: 'string', multiple: true, default: [] },
    'no-lighthouse': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
})
const connections = Number(args.connections)
const durationSeconds = Number(args.duration)
const root = path.resolve(import.meta.dirname, '../../../..')
const apiDir = path.resolve(import.meta.dirname, '../..')
const log = (line: string) => console.log(`[bench] ${line}`)

function countSql(databaseUrl: string, write: boolean) {
  const run = spawnSync(path.join(apiDir, 'node_modules/.bin/tsx'), ['scripts/bench/count-sql.ts', ...(write ? ['--write'] : [])], {
    cwd: apiDir, env: { ...process.env, DATABASE_URL: databaseUrl, RESPONSE_CACHE: 'off' }, encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`count-sql : ${run.stderr}`)
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { counts: Record<string, number>; totals: { communes: number; actions: number; databaseBytes: number } }
}

const startMachine = machine()
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-bench-'))
const sqliteUrl = (name: string) => `file:${path.join(work, name)}`
try {
  log('base Dijon : migrations, schéma et comptes de démonstration…')
  await (await startApi(sqliteUrl('dijon.db'), { cache: false, env: { NODE_ENV: 'development' } })).stop()
  for (const copy of ['count.db', 'write.db']) fs.copyFileSync(path.join(work, 'dijon.db'), path.join(work, copy))
  const dijonSql = countSql(sqliteUrl('count.db'), !args['no-write'])

  // On a machine others share, throughput drifts during a run: each measurement is paired with a
  // bare yoga measurement taken just before it, and its ratio is to that one.
  const bare = await startBareYoga()
  const bareRuns: LoadFigures[] = []
  const measureBare = async () => {
    const figures = await measureLoad({ url: bare.url, connections, durationSeconds, body: JSON.stringify({ query: '{ hello }' }), serverCpuSeconds: bare.cpuSeconds })
    bareRuns.push(figures)
    log(`yoga nu, { hello } : ${figures.requestsPerSecond} req/s`)
    return figures
  }
  const measurements: Measurement[] = []
  const record = (m: Omit<Measurement, 'ratioToBareYoga' | 'bareYogaRequestsPerSecond'>, bareFigures: LoadFigures) => {
    measurements.push({ ...m, bareYogaRequestsPerSecond: bareFigures.requestsPerSecond, ratioToBareYoga: m.requestsPerSecond / bareFigures.requestsPerSecond })
    log(`${m.label} (${m.dataset}, cache ${m.cache ? 'chaud' : 'coupé'}) : ${m.requestsPerSecond} req/s, p99 ${m.p99Ms} ms, ${m.errors} erreurs ${JSON.stringify(m.breakdown)}, CPU serveur ${m.serverCpuPercent ?? '?'} %`)
  }

  async function measureReads(databaseUrl: string, dataset: Dataset, sql: Record<string, number>, cache: boolean, after?: (url: string) => Promise<void>) {
    const api = await startApi(databaseUrl, { cache })
    for (const read of reads) {
      const body = JSON.stringify(read.request)
      // "Cache warm": the answer is in the cache before the first measured request.
      if (cache) await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      const bareFigures = await measureBare()
      const figures = await measureLoad({ url: api.url, connections, durationSeconds, body, serverCpuSeconds: api.cpuSeconds })
      record({ key: read.key, label: read.label, dataset, cache, sqlStatements: sql[read.key] ?? null, ...figures }, bareFigures)
      if (read.key === 'communePage' && dataset === 'dijon' && !cache) await measureCeiling(api.url, body)
    }
    await after?.(api.url)
    await api.stop()
  }

  /** The same commune page answered from memory by yoga with Mutualis's schema: see ceiling-server.ts. */
  async function measureCeiling(apiUrl: string, body: string) {
    const answerFile = path.join(work, 'commune-page.json')
    fs.writeFileSync(answerFile, await (await fetch(apiUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).text())
    const ceiling = await startCeiling(answerFile)
    const bareFigures = await measureBare()
    const figures = await measureLoad({ url: ceiling.url, connections, durationSeconds, body, serverCpuSeconds: ceiling.cpuSeconds })
    record({ key: 'communePageCeiling', label: 'Page commune, réponse en mémoire (plafond)', dataset: 'dijon', cache: false, sqlStatements: 0, ...figures }, bareFigures)
    await ceiling.stop()
  }

  // The PWA's own budget script (`pnpm budget`) is the reference for its figures; without it, or
  // when its output cannot be read, the harness measures the same two things itself.
  let pwa: PwaFigures | null = args['no-lighthouse'] ? null : budgetScriptFigures(log)
  await measureReads(sqliteUrl('dijon.db'), 'dijon', dijonSql.counts, false)
  await measureReads(sqliteUrl('dijon.db'), 'dijon', dijonSql.counts, true, async (graphqlUrl) => {
    if (pwa) return
    log('PWA : construction et poids du premier écran…')
    const built = buildPwa()
    pwa = { firstScreenJsGzipBytes: firstScreenJsGzipBytes(), lighthouse: null, ...(built ? {} : { note: 'la construction de la PWA a échoué' }) }
    if (!args['no-lighthouse']) {
      log('Lighthouse mobile (Chromium)…')
      pwa.lighthouse = lighthouseScores(graphqlUrl.replace(/graphql$/, ''))
    }
  })

  if (!args['no-write']) {
    log('recordProgress sur une base jetable…')
    const api = await startApi(sqliteUrl('write.db'), { cache: true })
    const bareFigures = await measureBare()
    const figures = await measureRecordProgress(api.url, connections, durationSeconds, api.cpuSeconds)
    record({ key: 'recordProgress', label: 'recordProgress (mutation)', dataset: 'dijon', cache: true, sqlStatements: dijonSql.counts.recordProgress ?? null, ...figures }, bareFigures)
    await api.stop()
  }

  const national: NonNullable<BenchReport['national']> = []
  for (const url of args.national) {
    const dataset: Dataset = url.startsWith('file:') ? 'national-sqlite' : 'national-postgresql'
    log(`données nationales (${dataset})…`)
    const nationalSql = countSql(url, false)
    await measureReads(url, dataset, nationalSql.counts, false)
    await measureReads(url, dataset, nationalSql.counts, true)
    const p99 = (of: Dataset) => measurements.find((m) => m.key === 'communePage' && m.dataset === of && !m.cache)!.p99Ms
    national.push({ dataset, ...nationalSql.totals, p99Ratio: p99(dataset) / p99('dijon') })
  }

  await bare.stop()
  const mean = (values: number[]) => Math.round(values.reduce((sum, value) => sum + value, 0) / values.length)
  const bareYoga = { requestsPerSecond: mean(bareRuns.map((r) => r.requestsPerSecond)), p50Ms: mean(bareRuns.map((r) => r.p50Ms)), p99Ms: mean(bareRuns.map((r) => r.p99Ms)), errors: bareRuns.reduce((sum, r) => sum + r.errors, 0), serverCpuPercent: bareRuns.every((r) => r.serverCpuPercent !== null) ? mean(bareRuns.map((r) => r.serverCpuPercent!)) : null }
  const report: BenchReport = { date: new Date().toISOString(), machine: startMachine, settings: { connections, durationSeconds }, bareYoga, measurements, pwa: pwa ?? { firstScreenJsGzipBytes: null, lighthouse: null }, national }
  console.log(`\n${printTable(report)}\n`)
  console.log(`PWA : ${JSON.stringify(pwa)}`)
  for (const figures of national) console.log(`Nationales : ${JSON.stringify(figures)}`)
  writeReport(report, path.join(root, 'docs/benchmarks.json'), path.join(root, 'docs/benchmarks.md'))
  log('écrit : docs/benchmarks.json, docs/benchmarks.md')
} finally {
  fs.rmSync(work, { recursive: true, force: true })
}
