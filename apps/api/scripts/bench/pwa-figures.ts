import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const root = path.resolve(import.meta.dirname, '../../../..')
const dist = path.join(root, 'apps/pwa/dist')

export interface PwaFigures {
  /** Gzipped JavaScript the first screen loads: index.html's module scripts and their preloads. */
  firstScreenJsGzipBytes: number | null
  lighthouse: Record<string, number> | null
  note?: string
}

/**
 * Runs the PWA's budget script (`pnpm budget`: first-screen JS, Lighthouse mobile as the median of
 * three runs per page) and reads its figures from what it prints. Null when there is no such script
 * or its output no longer has the expected lines. It exits 1 over budget: its figures still count.
 */
export function budgetScriptFigures(log: (line: string) => void): PwaFigures | null {
  const scripts = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts ?? {}
  if (!scripts.budget) return null
  log('PWA : script budget (pnpm budget)…')
  const run = spawnSync('pnpm', ['--silent', 'budget'], { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 1_200_000 })
  const total = /total ([\d.]+) Ko gzip/.exec(run.stdout ?? '')
  if (!total) return null
  const lighthouse: Record<string, number> = {}
  for (const [, page, performance, accessibility] of (run.stdout ?? '').matchAll(/Lighthouse mobile (\S+) : performance (\d+).*?accessibilité (\d+)/g)) {
    lighthouse[`performance ${page}`] = Number(performance)
    lighthouse[`accessibilité ${page}`] = Number(accessibility)
  }
  return { firstScreenJsGzipBytes: Math.round(Number(total[1]) * 1024), lighthouse, note: 'script budget de la PWA, médiane de 3 passages Lighthouse par page' }
}

export function buildPwa(): boolean {
  return spawnSync('pnpm', ['--filter', '@mutualis/pwa', 'build'], { cwd: root, stdio: 'ignore' }).status === 0
}

export function firstScreenJsGzipBytes(): number | null {
  const indexFile = path.join(dist, 'index.html')
  if (!fs.existsSync(indexFile)) return null
  const html = fs.readFileSync(indexFile, 'utf8')
  const refs = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? m[2])
  return refs.reduce((sum, ref) => sum + zlib.gzipSync(fs.readFileSync(path.join(dist, ref.replace(/^\//, '')))).length, 0)
}

const chromeFlags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** Lighthouse's mobile scores (0–100) for a page, with Debian's Chromium. */
export function lighthouseScores(url: string): Record<string, number> | null {
  const bin = path.join(root, 'tests/node_modules/.bin/lighthouse')
  const run = spawnSync(
    bin,
    [url, '--output=json', '--output-path=stdout', '--quiet', '--only-categories=performance,accessibility,best-practices,seo', `--chrome-flags=${chromeFlags.join(' ')}`],
    { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
  )
  if (run.status !== 0) return null
  const report = JSON.parse(run.stdout) as { categories: Record<string, { score: number | null }> }
  return Object.fromEntries(Object.entries(report.categories).map(([name, category]) => [name, Math.round((category.score ?? 0) * 100)]))
}
