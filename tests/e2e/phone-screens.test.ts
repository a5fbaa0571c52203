import { describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import { phoneDuringTests, signIn, underServiceWorker } from './browser.ts'
import { measureLayout, screenshotFromTop } from './phone-layout.ts'

const baseUrl = inject('baseUrl')
const phone = phoneDuringTests()
const screen = { width: 360, height: 740 }

const heading = (name?: string | RegExp) => (page: Page) => page.getByRole('heading', { level: 1, name }).waitFor()

async function checkScreen(name: string) {
  const layout = await measureLayout(phone.page)
  console.log(`${name}: hauteur ${layout.documentHeight} px, barre du haut ${layout.topBar} px, plus petite commande ${layout.smallest ? `${layout.smallest.width}×${layout.smallest.height} (${layout.smallest.control})` : '—'}`)
  expect(layout.topBar, name).toBeGreaterThan(0)
  expect(layout.topBar, name).toBeLessThanOrEqual(56)
  expect(layout.scrollWidth, `${name}: no horizontal scroll`).toBeLessThanOrEqual(screen.width)
  expect(layout.smallControls, `${name}: controls under 44 × 44 px`).toEqual([])
  return layout
}

describe('every screen on a 360 × 740 phone: slim top bar, no sideways scroll, controls of 44 px', () => {
  const anonymous: Array<[string, string, (page: Page) => Promise<unknown>]> = [
    ['connexion', '/connexion', heading('Connexion')],
    ['ma-commune-choix', '/', (p) => p.getByLabel('Rechercher votre commune').waitFor()],
    ['recherche', '/recherche?q=achat', (p) => p.getByText(/^[1-9]\d* résultats?, les noms d’abord/).waitFor()],
    ['tableau-de-bord', '/tableau-de-bord', (p) => p.getByRole('heading', { level: 2, name: 'Communes et services communs' }).waitFor()],
  ]
  for (const [name, path, ready] of anonymous) {
    it(`« ${name} »`, async () => {
      await phone.page.goto(`${baseUrl}${path}`)
      await ready(phone.page)
      await checkScreen(name)
    })
  }

  it('« Ma commune » of Chenôve answers first and fits in four screens', async () => {
    await phone.page.goto(`${baseUrl}/commune/21166`)
    await heading('Chenôve')(phone.page)
    await phone.page.getByRole('tab', { name: /Peut rejoindre/ }).waitFor()
    expect(await phone.page.getByRole('tab', { name: /Peut rejoindre/ }).getAttribute('aria-selected')).toBe('true')
    const layout = await checkScreen('ma-commune-chenove')
    expect(layout.documentHeight).toBeLessThanOrEqual(4 * screen.height)
    // The answer is on the first screen: the segments and the first offers.
    const firstOffer = await phone.page.locator('.offer-line').first().boundingBox()
    expect(firstOffer!.y + firstOffer!.height).toBeLessThan(screen.height)
  })

  it('« Coût annuel » of Chenôve, its detail by offer', async () => {
    await phone.page.getByRole('link', { name: /Coût annuel connu/ }).click()
    await heading(/Chenôve y consacre/)(phone.page)
    await checkScreen('cout-chenove')
  })

  it('the offer page opens from « Ma commune », with the cost for the commune', async () => {
    await phone.page.goto(`${baseUrl}/commune/21166`)
    await phone.page.locator('.offer-line').first().click()
    await expect.poll(() => new URL(phone.page.url()).pathname).toMatch(/^\/offre\//)
    expect(new URL(phone.page.url()).searchParams.get('commune')).toBe('21166')
    await phone.page.getByRole('heading', { level: 2, name: 'Pour Chenôve' }).waitFor()
    expect(await phone.page.getByText(/^Coût pour Chenôve/).isVisible()).toBe(true)
    await checkScreen('offre')
    // Back to the same segment.
    await phone.page.getByRole('button', { name: 'Retour' }).click()
    await heading('Chenôve')(phone.page)
  })

  it('signed in: « Ma commune », an action, « Compte » and « Mes saisies »', async () => {
    await signIn(phone.page, baseUrl, 'maire.chenove@demo.mutualis.fr')
    await phone.page.goto(`${baseUrl}/commune/21166?vue=adhere`)
    await heading('Chenôve')(phone.page)
    expect(await phone.page.getByRole('tab', { name: /Adhère déjà/ }).getAttribute('aria-selected')).toBe('true')
    await checkScreen('ma-commune-chenove-connecte')
    await phone.page.locator('.offer-line').first().click()
    await phone.page.getByRole('heading', { level: 2, name: 'Actions du schéma' }).waitFor()
    await phone.page.locator('.offer-line').first().click()
    await phone.page.getByRole('heading', { level: 2, name: "Ajouter un point d'avancement" }).waitFor()
    await checkScreen('action')
    await phone.page.getByRole('link', { name: /Compte/ }).click()
    await heading('Compte')(phone.page)
    await checkScreen('compte')
    await phone.page.getByRole('link', { name: /Mes saisies/ }).click()
    await heading('Mes saisies')(phone.page)
    await checkScreen('mes-saisies')
  })

  it('offline, the state is a chip in the top bar, not a block', async () => {
    await phone.page.goto(`${baseUrl}/commune/21166`)
    await heading('Chenôve')(phone.page)
    await underServiceWorker(phone.page)
    await phone.context.setOffline(true)
    await phone.page.reload()
    await heading('Chenôve')(phone.page)
    const chip = phone.page.locator('.top-bar .offline-chip')
    await chip.waitFor()
    expect(await chip.textContent()).toMatch(/Hors ligne · .+Hors ligne — données du 1?\d/)
    await checkScreen('ma-commune-hors-ligne')
    await screenshotFromTop(phone.page, 'ecran-ma-commune-hors-ligne')
    await phone.context.setOffline(false)
  })
})
