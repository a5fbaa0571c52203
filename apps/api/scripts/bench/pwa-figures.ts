import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const root = path.resolve(import.meta.dirname, '../../../..')
const pwaDir = path.join(root, 'apps/pwa')
const dist = path.join(pwaDir, 'dist')

export interface PwaFigures {
  /** Gzipped JavaScript the first screen loads: index.html's module scripts and their preloads. */
  firstScreenJsGzipBytes: number | null
  lighthouse: Record<string, number> | null
  note?: string
}

/** The PWA engineer's budget script, when there is one, is the reference for these figures. */
export function pwaBudgetScript(): string | null {
  const scripts = JSON.parse(fs.readFileSync(path.join(pwaDir, 'package.json'), 'utf8')).scripts ?? {}
  return scripts.budget ? 'budget' : null
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
