import { afterEach, describe, expect, inject, it } from 'vitest'
import { phoneDuringTests, screenshot, signIn, underServiceWorker } from './browser.ts'
import { screenshotFromTop } from './phone-layout.ts'

const baseUrl = inject('baseUrl')
const phone = phoneDuringTests()
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await screenshot(phone.page, `echec-${task.name.slice(0, 40)}`)
})

const unseen = /n'ont pas encore été consulté/

describe('a mayor in a meeting opens an offer never opened on the phone', () => {
  const line = { name: '', meta: '', cost: '' }

  it('opens « Ma commune » online, then loses the network and reopens the app', async () => {
    await signIn(phone.page, baseUrl, 'maire.chenove@demo.mutualis.fr')
    await phone.page.goto(`${baseUrl}/commune/21166`)
    await phone.page.getByRole('heading', { level: 1, name: 'Chenôve' }).waitFor()
    // As on a phone that opened the app before: the service worker serves it without network.
    await underServiceWorker(phone.page)

    await phone.context.setOffline(true)
    await phone.page.reload()
    await phone.page.getByRole('heading', { level: 1, name: 'Chenôve' }).waitFor()
    const offer = phone.page.getByRole('tabpanel').locator('.offer-line').nth(2)
    line.name = (await offer.locator('.offer-name').textContent())!.trim()
    line.meta = (await offer.locator('.badge').textContent())!.trim()
    line.cost = (await offer.locator('.offer-cost').textContent())!.trim()
    await offer.tap()
  })

  it('still sees the offer as « Ma commune » showed it: name, status, what it costs Chenôve', async () => {
    await phone.page.getByRole('heading', { level: 1, name: line.name }).waitFor()
    expect(await phone.page.locator('article > .offer-meta .badge').textContent()).toBe(line.meta)
    await phone.page.getByRole('heading', { level: 2, name: 'Pour Chenôve' }).waitFor()
    expect(await phone.page.locator('.for-commune .offer-cost').textContent()).toBe(line.cost)
    expect(await phone.page.locator('.for-commune .situation').textContent()).toMatch(/\S/)
    // Only what the offer's own page adds waits for the network, and says so.
    await phone.page.getByRole('status').filter({ hasText: /Les conditions, les membres et les actions de cette offre/ }).waitFor()
    expect(await phone.page.getByRole('heading', { level: 2, name: 'Conditions' }).count()).toBe(0)
    expect(await phone.page.getByText(/Ces données n'ont pas encore été consultées/).count()).toBe(0)
    await screenshotFromTop(phone.page, 'offre-hors-ligne-jamais-ouverte')
  })

  it('fills in the terms, members and actions once the network returns', async () => {
    await phone.context.setOffline(false)
    await phone.page.reload()
    await phone.page.getByRole('heading', { level: 2, name: 'Conditions' }).waitFor({ timeout: 30_000 })
    await phone.page.getByRole('heading', { level: 2, name: 'Qui en fait partie' }).waitFor()
    expect(await phone.page.getByText(unseen).count()).toBe(0)
    expect(await phone.page.getByRole('heading', { level: 1 }).textContent()).toBe(line.name)
  })
})
