// `pnpm --filter @mutualis/api bench:driver`: the two SQLite drivers on the same Dijon file, in
// alternating order, several runs: the commune page one at a time in process (driver-probe.ts: wall
// and CPU ms per request), then over HTTP under load with recordProgress (a transaction each);
// then whether a file written by one reads the same with the other.
// better-sqlite3 compiles at install and is no dependency: add it by hand to compare (see adapters.ts).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { sqliteDrivers, type SqliteDriver } from '../../src/db/adapters.ts'
import { reads } from './bench-operations.ts'
import { measureLoad, type LoadFigures } from './load.ts'
import { startApi } from './servers.ts'
import { measureRecordProgress } from './write-load.ts'

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
  },
})
const runs = Number(args.runs)
const durationSeconds = Number(args.duration)
const connections = Number(args.connections)
const log = (line: string) => console.log(`[bench:driver] ${line}`)
const communePage = reads.find((read) => read.key === 'communePage')!
const communePageBody = JSON.stringify(communePage.request)

function installed(driver: SqliteDriver) {
  if (driver === 'libsql') return true
  try {
    import.meta.resolve('@prisma/adapter-better-sqlite3')
    return true
  } catch {
    log(`${driver} n'est pas installé : pnpm --filter @mutualis/api add -D @prisma/adapter-better-sqlite3@7.10 better-sqlite3@12 (compilé), puis relancer.`)
    return false
  }
}
const drivers = sqliteDrivers.filter(installed)

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-bench-driver-'))
const file = (name: string) => path.join(work, name)
const api = (name: string, driver: SqliteDriver) => startApi(`file:${file(name)}`, { cache: false, env: { SQLITE_DRIVER: driver, NODE_ENV: 'development' } })

async function communePageAnswer(name: string, driver: SqliteDriver): Promise<string> {
  const server = await api(name, driver)
  try {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: communePageBody })
    return await response.text()
  } finally {
    await server.stop()
  }
}

const apiDir = path.resolve(import.meta.dirname, '../..')
function probe(name: string, driver: SqliteDriver): { wallMs: number; cpuMs: number } {
  const run = spawnSync(path.join(apiDir, 'node_modules/.bin/tsx'), ['scripts/bench/driver-probe.ts'], {
    cwd: apiDir, env: { ...process.env, DATABASE_URL: `file:${file(name)}`, SQLITE_DRIVER: driver, RESPONSE_CACHE: 'off', NODE_ENV: 'production' }, encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`driver-probe (${driver}) : ${run.stderr}`)
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!)
}

type Figures = { driver: SqliteDriver; inProcess: { wallMs: number; cpuMs: number }; read: LoadFigures; write: LoadFigures }
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const msPerRequest = (requestsPerSecond: number) => (1000 / requestsPerSecond).toFixed(2)

function printSummary(figures: Figures[]) {
  console.log(`\nPilotes SQLite, base Dijon, ${connections} connexions, ${durationSeconds} s par mesure, ${runs} passages (médianes) :`)
  const medians = new Map<SqliteDriver, { wallMs: number; cpuMs: number; read: number; write: number }>()
  const ms = (value: number) => value.toFixed(2)
  for (const driver of drivers) {
    const mine = figures.filter((f) => f.driver === driver)
    const m = {
      wallMs: median(mine.map((f) => f.inProcess.wallMs)),
      cpuMs: median(mine.map((f) => f.inProcess.cpuMs)),
      read: median(mine.map((f) => f.read.requestsPerSecond)),
      write: median(mine.map((f) => f.write.requestsPerSecond)),
    }
    medians.set(driver, m)
    const list = (pick: (f: Figures) => number, digits = 0) => mine.map((f) => pick(f).toFixed(digits)).join(', ')
    console.log(`  ${driver}`)
    console.log(`    page commune en processus : ${ms(m.wallMs)} ms/req [${list((f) => f.inProcess.wallMs, 2)}], CPU ${ms(m.cpuMs)} ms/req [${list((f) => f.inProcess.cpuMs, 2)}]`)
    console.log(`    page commune en HTTP      : ${m.read} req/s (${msPerRequest(m.read)} ms/req) [${list((f) => f.read.requestsPerSecond)}]`)
    console.log(`    recordProgress en HTTP    : ${m.write} req/s [${list((f) => f.write.requestsPerSecond)}]`)
  }
  const [libsql, better] = [medians.get('libsql'), medians.get('better-sqlite3')]
  if (libsql && better) {
    console.log(`  vitesse de libsql rapportée à better-sqlite3 (> 1 : libsql plus rapide) :`)
    console.log(`    page commune en processus ${(better.wallMs / libsql.wallMs).toFixed(2)} (CPU ${(better.cpuMs / libsql.cpuMs).toFixed(2)}), en HTTP ${(libsql.read / better.read).toFixed(2)} ; recordProgress en HTTP ${(libsql.write / better.write).toFixed(2)}`)
  }
}

try {
  // Each driver creates its own Dijon file (migrations through the schema engine, seed, demo accounts).
  for (const driver of drivers) {
    log(`${driver} : base Dijon (migrations, schéma, comptes de démonstration)…`)
    await (await api(`dijon-${driver}.db`, driver)).stop()
  }

  const figures: Figures[] = []
  for (let run = 1; run <= runs; run++) {
    // Alternating order: a machine others share drifts during a run, and neither driver always goes first.
    for (const driver of run % 2 ? drivers : [...drivers].reverse()) {
      fs.copyFileSync(file(`dijon-${drivers[0]}.db`), file('measured.db'))
      const inProcess = probe('measured.db', driver)
      const server = await api('measured.db', driver)
      const read = await measureLoad({ url: server.url, connections, durationSeconds, body: communePageBody, serverCpuSeconds: server.cpuSeconds })
      const write = await measureRecordProgress(server.url, connections, durationSeconds, server.cpuSeconds)
      await server.stop()
      figures.push({ driver, inProcess, read, write })
      log(`passage ${run}, ${driver} : en processus ${inProcess.wallMs.toFixed(2)} ms/req (CPU ${inProcess.cpuMs.toFixed(2)}) ; page commune ${read.requestsPerSecond} req/s (p99 ${read.p99Ms} ms, ${read.errors} erreurs, CPU ${read.serverCpuPercent} %) ; recordProgress ${write.requestsPerSecond} req/s (p99 ${write.p99Ms} ms, ${write.errors} erreurs ${JSON.stringify(write.breakdown)})`)
    }
  }
  printSummary(figures)

  // Every file (each driver's own, and the measured one both wrote to) answers the same through either driver.
  if (drivers.length === 2) {
    let same = true
    for (const name of [...drivers.map((driver) => `dijon-${driver}.db`), 'measured.db']) {
      const answers = [await communePageAnswer(name, drivers[0]), await communePageAnswer(name, drivers[1])]
      same &&= answers[0] === answers[1] && answers[0].includes('"inseeCode"')
    }
    console.log(`\nCompatibilité des fichiers : ${same ? "chaque pilote lit les fichiers écrits par l'autre, réponses identiques" : 'RÉPONSES DIFFÉRENTES'}`)
    if (!same) process.exitCode = 1
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true })
}
