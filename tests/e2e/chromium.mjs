// Which Chromium the e2e tests, `pnpm budget` and Lighthouse drive. Plain JavaScript: budget.mjs
// runs under node without a TypeScript loader; chromium.d.mts types it for the tests.
//   1. CHROME_PATH when set;  2. Debian's /usr/bin/chromium when present;
//   3. otherwise the Chromium of the npm package @sparticuz/chromium, unpacked into the temp folder,
//      so that `pnpm install && pnpm test` needs nothing outside the npm registry.
// MUTUALIS_BROWSER=npm skips 1 and 2: it tests the path a machine without a browser takes.
import fs from 'node:fs'

const systemChromium = '/usr/bin/chromium'

/** The flags every launch uses (`--user-data-dir` is refused by playwright: pass the profile apart). */
export const baseArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

// The package's flags are for a browser in a serverless function: its own headless mode is kept.
// Left out: those that turn off the same-origin policy, since the tests check that another site is
// refused (cross-site-session.test.ts), and `--single-process`: in one process the offline emulation
// did not reach the requests behind the service worker, and offline-journey's « Hors ligne » note
// reached the server while the phone was offline (3 full e2e runs of 3; without it, 38 tests of 38).
const unsafeNpmArgs = ['--single-process', '--disable-web-security', '--allow-running-insecure-content', '--disable-site-isolation-trials']

let found

/** @returns {Promise<{ executablePath: string, args: string[], source: string }>} */
export function findChromium() {
  found ??= locate()
  return found
}

async function locate() {
  const npmOnly = process.env.MUTUALIS_BROWSER === 'npm'
  if (!npmOnly && process.env.CHROME_PATH) {
    const executablePath = process.env.CHROME_PATH
    if (!fs.existsSync(executablePath)) throw new Error(`Chromium introuvable : CHROME_PATH=${executablePath} ne désigne aucun fichier.`)
    return { executablePath, args: baseArgs, source: `CHROME_PATH (${executablePath})` }
  }
  if (!npmOnly && fs.existsSync(systemChromium)) return { executablePath: systemChromium, args: baseArgs, source: `Chromium du système (${systemChromium})` }
  const { default: npmChromium } = await import('@sparticuz/chromium')
  const started = Date.now()
  const executablePath = await npmChromium.executablePath()
  const args = [...new Set([...npmChromium.args.filter((arg) => !unsafeNpmArgs.includes(arg)), ...baseArgs])]
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  return { executablePath, args, source: `Chromium du paquet npm @sparticuz/chromium (${executablePath}, prêt en ${seconds} s)` }
}
