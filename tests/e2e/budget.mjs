// Budget of the built PWA, measured and printed (not a test): JavaScript loaded for the first
// screen (gzip), and Lighthouse mobile scores. Run with `pnpm budget`; exits 1 when over budget.
//   first-screen JS ≤ 60 KB gzip · Lighthouse performance ≥ 98 · accessibility = 100, on « / » and on Chenôve's « Ma commune »
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { chromium } from 'playwright-core'
import { findChromium } from './chromium.mjs'

const root = path.resolve(import.meta.dirname, '../..')
const pwaDir = path.join(root, 'apps/pwa')
const apiDir = path.join(root, 'apps/api')
const browser = await findChromium()
// Lighthouse starts the browser itself and needs it in the new headless mode: its own --headless wins over the npm package's.
const lighthouseFlags = ['--headless=new', ...browser.args.filter((arg) => !arg.startsWith('--headless'))]
const budget = { firstScreenJsKb: 60, performance: 98, accessibility: 100 }
const artifacts = path.join(root, 'tests/artifacts/budget')

const freePort = () =>
  new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })

async function startServer() {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-budget-'))
  const child = spawn(path.join(apiDir, 'node_modules/.bin/tsx'), ['src/http/server.ts'], {
    cwd: apiDir,
    env: { ...process.env, PORT: String(port), DATABASE_URL: `file:${path.join(dataDir, 'budget.db')}`, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const deadline = Date.now() + 90_000
  while (!/GraphQL \(GraphiQL\)/.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`le serveur n'a pas démarré :\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const stop = () => {
    child.kill()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  return { baseUrl: `http://localhost:${port}`, stop }
}

/** Every script the page loads until the network is idle, with its size gzipped (level 9, as a server would send it). */
async function firstScreenScripts(url) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-budget-chromium-'))
  const context = await chromium.launchPersistentContext(profile, { executablePath: browser.executablePath, headless: true, viewport: { width: 360, height: 740 }, isMobile: true, args: browser.args })
  const page = context.pages()[0] ?? (await context.newPage())
  const scripts = []
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return
    const body = await response.body()
    scripts.push({ file: new URL(response.url()).pathname, raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length })
  })
  await page.goto(url, { waitUntil: 'networkidle' })
  await page.getByRole('heading', { level: 1 }).waitFor()
  await context.close()
  fs.rmSync(profile, { recursive: true, force: true })
  return scripts
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** Lighthouse scores vary from run to run (more so on a busy machine): the median of three runs, as Lighthouse advises. */
function lighthouseMedian(url, name, runs = 3) {
  const results = Array.from({ length: runs }, (_, run) => lighthouse(url, `${name}-${run + 1}`))
  const byPerformance = [...results].sort((a, b) => a.performance - b.performance)
  return { ...byPerformance[Math.floor(runs / 2)], runs: results, all: results.map((result) => result.performance), accessibility: median(results.map((result) => result.accessibility)) }
}

function lighthouse(url, name) {
  fs.mkdirSync(artifacts, { recursive: true })
  const report = path.join(artifacts, `lighthouse-${name}.json`)
  execFileSync(
    path.join(root, 'tests/node_modules/.bin/lighthouse'),
    [url, '--quiet', '--output=json', `--output-path=${report}`, '--only-categories=performance,accessibility', `--chrome-flags=${lighthouseFlags.join(' ')}`],
    { env: { ...process.env, CHROME_PATH: browser.executablePath }, stdio: ['ignore', 'ignore', 'inherit'] },
  )
  const result = JSON.parse(fs.readFileSync(report, 'utf8'))
  const metric = (id) => result.audits[id].displayValue
  return {
    performance: Math.round(result.categories.performance.score * 100),
    accessibility: Math.round(result.categories.accessibility.score * 100),
    metrics: `FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}`,
  }
}

const kb = (bytes) => (bytes / 1024).toFixed(1)

execFileSync(path.join(pwaDir, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: pwaDir, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
const server = await startServer()
let failures = 0
// Lighthouse simulates a slow phone by multiplying the CPU time it observes: other work on this machine inflates it.
console.log(`\nNavigateur : ${browser.source}`)
console.log(`Charge de la machine (1, 5, 15 min) : ${os.loadavg().map((load) => load.toFixed(2)).join(', ')} pour ${os.cpus().length} cœurs`)
try {
  console.log(`\nJavaScript du premier écran (${server.baseUrl}/, gzip -9) :`)
  const scripts = await firstScreenScripts(`${server.baseUrl}/`)
  for (const script of scripts) console.log(`  ${script.file.padEnd(44)} ${kb(script.raw).padStart(7)} Ko brut  ${kb(script.gzip).padStart(6)} Ko gzip`)
  const total = scripts.reduce((sum, script) => sum + script.gzip, 0)
  const jsOk = total <= budget.firstScreenJsKb * 1024
  failures += jsOk ? 0 : 1
  console.log(`  total ${kb(total)} Ko gzip — budget ${budget.firstScreenJsKb} Ko : ${jsOk ? 'respecté' : 'DÉPASSÉ'}`)

  for (const [name, urlPath] of [['premier-ecran', '/'], ['ma-commune', '/commune/21166']]) {
    const scores = lighthouseMedian(`${server.baseUrl}${urlPath}`, name)
    const ok = scores.performance >= budget.performance && scores.accessibility >= budget.accessibility
    failures += ok ? 0 : 1
    console.log(`\nLighthouse mobile ${urlPath} : performance ${scores.performance} (≥ ${budget.performance}), accessibilité ${scores.accessibility} (= ${budget.accessibility}) — ${ok ? 'respecté' : 'DÉPASSÉ'}`)
    console.log(`  médiane de ${scores.all.length} passages (performance ${scores.all.join(', ')}) ; ${scores.metrics}`)
    for (const [index, run] of scores.runs.entries()) console.log(`    passage ${index + 1} : performance ${run.performance}, accessibilité ${run.accessibility} ; ${run.metrics}`)
  }
} finally {
  server.stop()
}
console.log(`\nRapports Lighthouse : ${path.relative(root, artifacts)}/`)
process.exit(failures ? 1 : 0)
