import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { findChromium } from './chromium.mjs'

export const artifactsDir = path.resolve(import.meta.dirname, '../artifacts/e2e')

/** Chromium (see chromium.mjs), headless, as a phone: 360 px wide, touch, French. A fresh profile each time. */
export async function openPhone(): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-chromium-'))
  const { executablePath, args } = await findChromium()
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    args,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const close = async () => {
    await context.close()
    fs.rmSync(profile, { recursive: true, force: true })
  }
  return { context, page, close }
}

/** A phone opened before the file's tests and closed after them; read page and context inside tests. */
export function phoneDuringTests(): { readonly page: Page; readonly context: BrowserContext } {
  let phone: Awaited<ReturnType<typeof openPhone>> | undefined
  beforeAll(async () => {
    phone = await openPhone()
  })
  afterAll(() => phone?.close())
  const current = () => {
    if (!phone) throw new Error('the phone is not open yet (read it inside a test)')
    return phone
  }
  return { get page() { return current().page }, get context() { return current().context } }
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(artifactsDir, { recursive: true })
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true })
}

export const demoPassword = 'demo-mutualis-2026'

export async function signIn(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/connexion`)
  await page.getByLabel('Adresse électronique').fill(email)
  await page.getByLabel('Mot de passe').fill(demoPassword)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  // Signed in, the app leaves the sign-in screen (sign-out lives under « Compte »).
  await page.waitForURL((url) => url.pathname !== '/connexion')
}

/**
 * Makes the page one the service worker controls, as on a phone that opened the app before.
 * The worker installs on the first visit and, without `clients.claim()` (the app asks before
 * switching versions), controls only the pages loaded after it is active: under load the page
 * may have loaded first, so it is loaded again once the worker is ready.
 */
export async function underServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  if (await page.evaluate(() => navigator.serviceWorker.controller === null)) await page.reload()
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 })
}

/** Waits until the screen has its data and every list it renders a few items at a time is complete (no `aria-busy` element left). */
export async function settled(page: Page) {
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null)
}
