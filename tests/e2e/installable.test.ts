import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { phoneDuringTests, screenshot } from './browser.ts'

const baseUrl = inject('baseUrl')
const serviceWorkerFile = path.resolve(import.meta.dirname, '../../apps/pwa/dist/sw.js')
const deployedWorker = fs.readFileSync(serviceWorkerFile, 'utf8')
const phone = phoneDuringTests()
afterAll(() => fs.writeFileSync(serviceWorkerFile, deployedWorker))

/** Width and height from a PNG's header. */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

describe('installing the app on a phone', () => {
  it('offers a French manifest with 192 and 512 icons, one maskable, standalone from the start page', async () => {
    await phone.page.goto(`${baseUrl}/`)
    const href = await phone.page.locator('link[rel="manifest"]').getAttribute('href')
    const manifest = await (await fetch(new URL(href!, baseUrl))).json()
    expect(manifest).toMatchObject({ lang: 'fr', name: expect.stringContaining('Mutualis'), short_name: 'Mutualis', display: 'standalone', start_url: '/', theme_color: '#1d3f72' })
    for (const icon of manifest.icons as Array<{ src: string; sizes: string; purpose?: string }>) {
      const size = pngSize(Buffer.from(await (await fetch(new URL(icon.src, baseUrl))).arrayBuffer()))
      expect(`${size.width}x${size.height}`).toBe(icon.sizes)
    }
    const sizes = manifest.icons.map((icon: { sizes: string; purpose?: string }) => `${icon.sizes} ${icon.purpose ?? 'any'}`)
    expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']))
  })

  it('runs under its service worker from the next visit on', async () => {
    await phone.page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    await phone.page.reload()
    expect(await phone.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
  })

  it('asks before switching to a new version, then switches', async () => {
    // A deploy: the server now has a different service worker.
    fs.writeFileSync(serviceWorkerFile, `${deployedWorker}\n// ${randomUUID()}\n`)
    await phone.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())
    const prompt = phone.page.getByRole('alert').filter({ hasText: 'Une nouvelle version de Mutualis est disponible.' })
    await prompt.waitFor({ timeout: 15_000 })
    await screenshot(phone.page, 'nouvelle-version')
    await Promise.all([phone.page.waitForEvent('load'), prompt.getByRole('button', { name: 'Mettre à jour' }).click()])
    await phone.page.getByRole('heading', { level: 1 }).waitFor()
    expect(await prompt.count()).toBe(0)
    expect(await phone.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
    expect(await phone.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull()
  })
})
