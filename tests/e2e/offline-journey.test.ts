import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openPhone, screenshot, signIn } from './browser.ts'

const baseUrl = inject('baseUrl')
let phone: Awaited<ReturnType<typeof openPhone>>
let page: Page

beforeAll(async () => {
  phone = await openPhone()
  page = phone.page
})
afterAll(async () => phone?.close())
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await screenshot(page, `echec-${task.name.slice(0, 40)}`)
})

/** What the server holds, asked directly, not through the app. */
async function notesOnServer(actionId: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query ($id: ID!) { node(id: $id) { ... on Action { progressUpdates { text } } } }', variables: { id: actionId } }),
  })
  const body = (await response.json()) as { data: { node: { progressUpdates: Array<{ text: string }> } } }
  return body.data.node.progressUpdates.map((update) => update.text)
}

async function addProgress(note: string) {
  await page.getByLabel(/^Point d'avancement/).fill(note)
  await page.getByLabel('Instance (facultatif)').fill('Conférence des maires')
  await page.getByRole('button', { name: "Enregistrer le point d'avancement" }).click()
}

const entry = (note: string) => page.locator('.outbox-entry', { hasText: note })

describe('a mayor in a meeting room with poor network', () => {
  let actionId = ''

  it('signs in, finds « chenove » in two taps and sees the three sections', async () => {
    await signIn(page, baseUrl, 'maire.chenove@demo.mutualis.fr')
    await page.goto(`${baseUrl}/`)
    await page.getByLabel('Rechercher votre commune').tap()
    await page.keyboard.type('chenove')
    await page.getByRole('button', { name: 'Chenôve', exact: true }).tap()

    await expect.poll(() => page.url()).toBe(`${baseUrl}/commune/21166`)
    await page.getByRole('heading', { level: 1, name: 'Chenôve' }).waitFor()
    for (const section of ['Services que Chenôve peut rejoindre', 'Services auxquels Chenôve participe', "Ouverture à l'étude"]) {
      expect(await page.getByRole('heading', { level: 2, name: section }).isVisible()).toBe(true)
    }
    expect(await page.locator('#peut-rejoindre').getByText('Comment rejoindre :').count()).toBeGreaterThan(0)
    expect(await page.getByRole('button', { name: /Demander à rejoindre/ }).count()).toBeGreaterThan(0)
    await screenshot(page, 'journey-1-ma-commune')
  })

  it('remembers the commune on the device', async () => {
    await page.goto(`${baseUrl}/`)
    await expect.poll(() => page.url()).toBe(`${baseUrl}/commune/21166`)
  })

  it('asks to join an open service, and sees the request under review', async () => {
    const card = page.locator('#peut-rejoindre li').filter({ has: page.getByRole('button', { name: /Demander à rejoindre/ }) }).first()
    const title = (await card.locator('.card-title').textContent())!.trim()
    await card.getByRole('button', { name: /Demander à rejoindre/ }).tap()
    await page.locator('#peut-rejoindre li', { hasText: title }).getByText('Demande d’adhésion en cours d’examen').waitFor()
    await page.getByText('Vos demandes d\'adhésion').waitFor()
  })

  it('records a progress update on an action Chenôve takes part in', async () => {
    await page.locator('#participe .card-title').first().tap()
    await page.getByRole('heading', { level: 2, name: "Ajouter un point d'avancement" }).waitFor()
    actionId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!)
    expect(await page.getByLabel('Date').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/)

    const online = `En ligne ${randomUUID()}`
    await addProgress(online)
    await entry(online).getByText('Enregistré').waitFor()
    await page.locator('.timeline', { hasText: online }).waitFor()
    expect(await notesOnServer(actionId)).toContain(online)
    await screenshot(page, 'journey-2-action-en-ligne')
  })

  it('records another offline, keeps it through a reload without network, and sends it exactly once on return', async () => {
    // The service worker must control the app before the network goes, as on a phone that opened it before.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 })
    await phone.context.setOffline(true)
    const offline = `Hors ligne ${randomUUID()}`
    await addProgress(offline)
    await entry(offline).getByText('En attente').waitFor()
    await page.getByText(/Hors ligne — données du/).waitFor()
    await screenshot(page, 'journey-3-hors-ligne')

    await page.reload()
    await page.getByRole('heading', { level: 2, name: "Points d'avancement" }).waitFor()
    await entry(offline).getByText('En attente').waitFor()
    expect(await page.getByText(/Hors ligne — données du \d/).isVisible()).toBe(true)
    await screenshot(page, 'journey-4-rechargee-hors-ligne')
    expect(await notesOnServer(actionId)).not.toContain(offline)

    await phone.context.setOffline(false)
    await entry(offline).getByText('Enregistré').waitFor({ timeout: 30_000 })
    await page.locator('.timeline', { hasText: offline }).waitFor()
    await screenshot(page, 'journey-5-de-retour-en-ligne')

    // Reloading online flushes the outbox again: still one copy.
    await page.reload()
    await page.locator('.timeline', { hasText: offline }).waitFor()
    expect((await notesOnServer(actionId)).filter((text) => text === offline)).toHaveLength(1)
  })
})
