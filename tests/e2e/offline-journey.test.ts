import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { phoneDuringTests, screenshot, signIn, underServiceWorker } from './browser.ts'
import { screenshotFromTop } from './phone-layout.ts'

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
const historyEntry = (note: string) => phone.page.locator('.timeline li', { hasText: note })
const chip = () => phone.page.locator('.top-bar .offline-chip')

/** Opens, from « Ma commune », the first offer of « Peut rejoindre » the commune may still ask to join; returns its name. */
async function openJoinableOffer(skip: string[] = []): Promise<string> {
  const lines = phone.page.getByRole('tabpanel').locator('.offer-line')
  const count = await lines.count()
  for (let index = 0; index < count; index++) {
    const name = (await lines.nth(index).locator('.offer-name').textContent())!.trim()
    if (skip.includes(name) || (await lines.nth(index).locator('.offer-note').count()) > 0) continue
    await lines.nth(index).tap()
    await phone.page.getByRole('heading', { level: 2, name: 'Pour Chenôve' }).waitFor()
    // « Pour Chenôve » shows at once from what « Ma commune » stored; whether a request can be made comes with the offer's own page.
    await phone.page.getByRole('heading', { level: 2, name: 'Conditions' }).waitFor()
    if (await phone.page.getByRole('button', { name: 'Demander à rejoindre' }).isVisible()) return name
    await phone.page.goBack()
    await phone.page.getByRole('tab', { name: /Peut rejoindre/ }).waitFor()
  }
  throw new Error('no offer Chenôve can ask to join')
}

describe('a mayor in a meeting room with poor network', () => {
  let actionId = ''
  let askedOnline = ''

  it('signs in, finds « chenove » in two taps and sees, first, what Chenôve can join', async () => {
    await signIn(phone.page, baseUrl, 'maire.chenove@demo.mutualis.fr')
    await phone.page.goto(`${baseUrl}/`)
    await phone.page.getByLabel('Rechercher votre commune').tap()
    await phone.page.keyboard.type('chenove')
    await phone.page.getByRole('button', { name: 'Chenôve', exact: true }).tap()

    await expect.poll(() => phone.page.url()).toBe(`${baseUrl}/commune/21166`)
    await phone.page.getByRole('heading', { level: 1, name: 'Chenôve' }).waitFor()
    const tabs = await phone.page.getByRole('tab').allTextContents()
    expect(tabs.map((tab) => tab.replace(/\s*\d+$/, ''))).toEqual(['Peut rejoindre', 'Adhère déjà', 'À l’étude'])
    expect(await phone.page.getByRole('tabpanel').locator('.offer-line').count()).toBeGreaterThan(0)
    expect(await phone.page.getByRole('tabpanel').locator('.offer-cost').first().textContent()).toMatch(/^(Gratuit|Coût non renseigné|[\d\u202f]+\u00a0€ par an|0\u00a0€ cette année)$/)
    await screenshotFromTop(phone.page, 'journey-1-ma-commune')
  })

  it('remembers the commune on the device', async () => {
    await phone.page.goto(`${baseUrl}/`)
    await expect.poll(() => phone.page.url()).toBe(`${baseUrl}/commune/21166`)
  })

  it('opens an offer it can join, asks to join, and sees the request under review', async () => {
    askedOnline = await openJoinableOffer()
    await phone.page.getByRole('button', { name: 'Demander à rejoindre' }).tap()
    await phone.page.getByText('Demande d’adhésion en cours d’examen').waitFor()
    await phone.page.getByRole('button', { name: 'Retour' }).tap()
    await phone.page.getByRole('tabpanel').locator('.offer-line', { hasText: askedOnline }).getByText('Demande d’adhésion en cours d’examen').waitFor()
  })

  it('records a progress update on an action Chenôve takes part in: « Enregistré » once, in the history', async () => {
    await phone.page.getByRole('tab', { name: /Adhère déjà/ }).tap()
    await phone.page.getByRole('tabpanel').locator('.offer-line').first().tap()
    await phone.page.getByRole('heading', { level: 2, name: 'Actions du schéma' }).waitFor()
    await phone.page.locator('a.offer-line[href^="/action/"]').first().tap()
    await phone.page.getByRole('heading', { level: 2, name: "Ajouter un point d'avancement" }).waitFor()
    actionId = decodeURIComponent(new URL(phone.page.url()).pathname.split('/').pop()!)
    expect(await phone.page.getByLabel('Date').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/)

    const online = `En ligne ${randomUUID()}`
    await addProgress(online)
    await historyEntry(online).getByText('Enregistré').waitFor()
    expect(await phone.page.getByText('Enregistré', { exact: true }).count()).toBe(1)
    expect(await entry(online).count()).toBe(0)
    expect(await phone.page.getByText(/sur l’appareil|il part vers le serveur/).count()).toBe(0)
    expect(await notesOnServer(actionId)).toContain(online)
    await screenshotFromTop(phone.page, 'journey-2-action-en-ligne')
  })

  it('records another offline, keeps it through a reload without network, and sends it exactly once on return', async () => {
    // The service worker must control the app before the network goes, as on a phone that opened it before.
    await underServiceWorker(phone.page)
    await phone.context.setOffline(true)
    const offline = `Hors ligne ${randomUUID()}`
    await addProgress(offline)
    await entry(offline).getByText(/En attente d.envoi/).waitFor()
    await chip().waitFor()
    expect(await historyEntry(offline).count()).toBe(0)
    await screenshotFromTop(phone.page, 'journey-3-hors-ligne')

    await phone.page.reload()
    await phone.page.getByRole('heading', { level: 2, name: "Points d'avancement" }).waitFor()
    await entry(offline).getByText(/En attente d.envoi/).waitFor()
    expect(await chip().textContent()).toMatch(/Hors ligne — données du 1?\d/)
    await screenshotFromTop(phone.page, 'journey-4-rechargee-hors-ligne')
    expect(await notesOnServer(actionId)).not.toContain(offline)

    await phone.context.setOffline(false)
    await historyEntry(offline).getByText('Enregistré').waitFor({ timeout: 30_000 })
    await entry(offline).waitFor({ state: 'detached' })
    expect(await historyEntry(offline).count()).toBe(1)
    await screenshotFromTop(phone.page, 'journey-5-de-retour-en-ligne')

    // Reloading online flushes the outbox again: still one copy.
    await phone.page.reload()
    await historyEntry(offline).waitFor()
    expect((await notesOnServer(actionId)).filter((text) => text === offline)).toHaveLength(1)
  })

  it('asks to join another offer offline from its page: kept in the outbox, sent once the network returns', async () => {
    await phone.page.goto(`${baseUrl}/commune/21166?vue=peut-rejoindre`)
    await phone.page.getByRole('heading', { level: 1, name: 'Chenôve' }).waitFor()
    const name = await openJoinableOffer([askedOnline])
    await phone.context.setOffline(true)
    await phone.page.getByRole('button', { name: 'Demander à rejoindre' }).tap()
    await phone.page.getByRole('status').filter({ hasText: 'Demande d’adhésion en attente d’envoi' }).waitFor()
    await chip().waitFor()
    await screenshotFromTop(phone.page, 'journey-6-adhesion-hors-ligne')
    await phone.page.getByRole('link', { name: /Compte/ }).tap()
    await phone.page.getByRole('link', { name: /Mes saisies/ }).tap()
    await phone.page.locator('.outbox-entry', { hasText: name }).getByText(/En attente d.envoi/).waitFor()

    await phone.context.setOffline(false)
    await phone.page.locator('.outbox-entry', { hasText: name }).getByText('Enregistré').waitFor({ timeout: 30_000 })
    await phone.page.goBack()
    await phone.page.goBack()
    await phone.page.getByText('Demande d’adhésion en cours d’examen').waitFor()
  })
})
