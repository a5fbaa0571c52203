import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { LoadFigures } from './load.ts'
import type { PwaFigures } from './pwa-figures.ts'

export type Dataset = 'dijon' | 'national-sqlite' | 'national-postgresql'
const datasetLabels: Record<Dataset, string> = { dijon: 'Dijon', 'national-sqlite': 'nationales (SQLite)', 'national-postgresql': 'nationales (PostgreSQL)' }

export interface Measurement extends LoadFigures {
  key: string
  label: string
  dataset: Dataset
  cache: boolean
  /** Bare yoga's `{ hello }` measured just before, and this throughput as a share of it. */
  bareYogaRequestsPerSecond: number
  ratioToBareYoga: number
  sqlStatements: number | null
}

export interface BenchReport {
  date: string
  /** Load average (1 min) when the run started: other work on the machine skews every figure. */
  machine: { cpus: number; cpuModel: string; node: string; loadAverage: number }
  settings: { connections: number; durationSeconds: number }
  /** Mean of the bare yoga measurements paired with each measurement. */
  bareYoga: Pick<LoadFigures, 'requestsPerSecond' | 'p50Ms' | 'p99Ms' | 'errors' | 'serverCpuPercent'>
  measurements: Measurement[]
  pwa: PwaFigures
  national: Array<{ dataset: Dataset; communes: number; actions: number; databaseBytes: number | null; p99Ratio: number }>
}

export function machine() {
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'inconnu', node: process.version, loadAverage: Number(os.loadavg()[0].toFixed(2)) }
}

const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${value} %`)
const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`

export function printTable(report: BenchReport): string {
  const lines = [
    row(['requête', 'données', 'cache', 'req/s', 'yoga nu juste avant', '× yoga nu', 'p50 ms', 'p99 ms', 'erreurs', 'SQL/requête', 'CPU serveur']),
    row(Array(11).fill('---')),
    row(['`{ hello }` (yoga nu, moyenne)', '—', '—', report.bareYoga.requestsPerSecond, '—', '1.00', report.bareYoga.p50Ms, report.bareYoga.p99Ms, report.bareYoga.errors, '—', percent(report.bareYoga.serverCpuPercent)]),
    ...report.measurements.map((m) =>
      row([m.label, datasetLabels[m.dataset], m.cache ? 'chaud' : 'sans', m.requestsPerSecond, m.bareYogaRequestsPerSecond, m.ratioToBareYoga.toFixed(2), m.p50Ms, m.p99Ms, m.errors, m.sqlStatements ?? '—', percent(m.serverCpuPercent)]),
    ),
  ]
  return lines.join('\n')
}

/** Writes the figures (JSON) and the table docs/benchmarks.md shows. */
export function writeReport(report: BenchReport, jsonFile: string, markdownFile: string) {
  fs.writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`)
  const markdown = fs.readFileSync(markdownFile, 'utf8')
  const start = '<!-- bench:start -->'
  const end = '<!-- bench:end -->'
  const pwa = report.pwa
  const block = [
    start,
    `Mesuré le ${report.date.slice(0, 10)} — ${report.machine.cpus} cœurs (${report.machine.cpuModel}), charge moyenne au départ ${report.machine.loadAverage}, Node ${report.machine.node}, ${report.settings.connections} connexions, ${report.settings.durationSeconds} s par mesure. Chiffres bruts : [\`benchmarks.json\`](${path.basename(jsonFile)}).`,
    '',
    printTable(report),
    '',
    `PWA, premier écran : ${pwa.firstScreenJsGzipBytes === null ? 'non mesuré' : `${(pwa.firstScreenJsGzipBytes / 1024).toFixed(1)} Kio de JavaScript gzip`} ; Lighthouse mobile : ${pwa.lighthouse ? Object.entries(pwa.lighthouse).map(([k, v]) => `${k} ${v}`).join(', ') : 'non mesuré'}${pwa.note ? ` (${pwa.note})` : ''}.`,
    ...report.national.map(
      (n) => `\nDonnées ${datasetLabels[n.dataset]} : ${n.communes} communes, ${n.actions} actions, base de ${n.databaseBytes === null ? '?' : `${Math.round(n.databaseBytes / 1024 / 1024)} Mio`} ; p99 de la page commune sans cache = ${n.p99Ratio.toFixed(2)} × celui de Dijon.`,
    ),
    end,
  ].join('\n')
  const pattern = new RegExp(`${start}[\\s\\S]*${end}`)
  fs.writeFileSync(markdownFile, pattern.test(markdown) ? markdown.replace(pattern, block) : `${markdown.trimEnd()}\n\n${block}\n`)
}
