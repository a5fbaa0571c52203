import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { phoneDuringTests, screenshot, signIn } from './browser.ts'

const baseUrl = inject('baseUrl')
const phone = phoneDuringTests()
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await screenshot(phone.page, `echec-${task.name.slice(0, 40)}`)
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
  await phone.page.getByLabel(/^Point d'avancement/).fill(note)
  await phone.page.getByLabel('Instance (facultatif)').fill('Conférence des maires')
  await phone.page.getByRole('button', { name: "Enregistrer le point d'avancement" }).click()
}

const entry = (note: string) => phone.page.locator('.outbox-entry', { hasText: note })

describe('a mayor in a meeting room with poor network', () => {
  let actionId = ''

  it('signs in, finds « chenove » in two taps and sees the three sections', async () => {
    await signIn(phone.page, baseUrl, 'maire.chenove@demo.mutualis.fr')
    await phone.page.goto(`${baseUrl}/`)
    await phone.page.getByLabel('Rechercher votre commune').tap()
    await phone.page.keyboard.type('chenove')
    await phone.page.getByRole('button', { name: 'Chenôve', exact: true }).tap()

    await expect.poll(() => phone.page.url()).toBe(`${baseUrl}/commune/21166`)
    await phone.page.getByRole('heading', { level: 1, name: 'Chenôve' }).waitFor()
    for (const section of ['Services que Chenôve peut rejoindre', 'Services auxquels Chenôve participe', "Ouverture à l'étude"]) {
      expect(await phone.page.getByRole('heading', { level: 2, name: section }).isVisible()).toBe(true)
    }
    expect(await phone.page.locator('#peut-rejoindre').getByText('Comment rejoindre :').count()).toBeGreaterThan(0)
    expect(await phone.page.getByRole('button', { name: /Demander à rejoindre/ }).count()).toBeGreaterThan(0)
    await screenshot(phone.page, 'journey-1-ma-commune')
  })

  it('remembers the commune on the device', async () => {
    await phone.page.goto(`${baseUrl}/`)
    await expect.poll(() => phone.page.url()).toBe(`${baseUrl}/commune/21166`)
  })

  it('asks to join an open service, and sees the request under review', async () => {
    const card = phone.page.locator('#peut-rejoindre li').filter({ has: phone.page.getByRole('button', { name: /Demander à rejoindre/ }) }).first()
    const title = (await card.locator('.card-title').textContent())!.trim()
    await card.getByRole('button', { name: /Demander à rejoindre/ }).tap()
    await phone.page.locator('#peut-rejoindre li', { hasText: title }).getByText('Demande d’adhésion en cours d’examen').waitFor()
    await phone.page.getByText('Vos demandes d\'adhésion').waitFor()
  })

  it('records a progress update on an action Chenôve takes part in', async () => {
    await phone.page.locator('#participe .card-title').first().tap()
    await phone.page.getByRole('heading', { level: 2, name: "Ajouter un point d'avancement" }).waitFor()
    actionId = decodeURIComponent(new URL(phone.page.url()).pathname.split('/').pop()!)
    expect(await phone.page.getByLabel('Date').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/)

    const online = `En ligne ${randomUUID()}`
    await addProgress(online)
    await entry(online).getByText('Enregistré').waitFor()
    await phone.page.locator('.timeline', { hasText: online }).waitFor()
    expect(await notesOnServer(actionId)).toContain(online)
    await screenshot(phone.page, 'journey-2-action-en-ligne')
  })

  it('records another offline, keeps it through a reload without network, and sends it exactly once on return', async () => {
    // The service worker must control the app before the network goes, as on a phone that opened it before.
    await phone.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 })
    await phone.context.setOffline(true)
    const offline = `Hors ligne ${randomUUID()}`
    await addProgress(offline)
    await entry(offline).getByText('En attente').waitFor()
    await phone.page.getByText(/Hors ligne — données du/).waitFor()
    await screenshot(phone.page, 'journey-3-hors-ligne')

    await phone.page.reload()
    await phone.page.getByRole('heading', { level: 2, name: "Points d'avancement" }).waitFor()
    await entry(offline).getByText('En attente').waitFor()
    expect(await phone.page.getByText(/Hors ligne — données du \d/).isVisible()).toBe(true)
    await screenshot(phone.page, 'journey-4-rechargee-hors-ligne')
    expect(await notesOnServer(actionId)).not.toContain(offline)

    await phone.context.setOffline(false)
    await entry(offline).getByText('Enregistré').waitFor({ timeout: 30_000 })
    await phone.page.locator('.timeline', { hasText: offline }).waitFor()
    await screenshot(phone.page, 'journey-5-de-retour-en-ligne')

    // Reloading online flushes the outbox again: still one copy.
    await phone.page.reload()
    await phone.page.locator('.timeline', { hasText: offline }).waitFor()
    expect((await notesOnServer(actionId)).filter((text) => text === offline)).toHaveLength(1)
  })
})
