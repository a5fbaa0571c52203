import AxeBuilder from '@axe-core/playwright'
import { describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import { phoneDuringTests, settled, signIn } from './browser.ts'
import { screenshotFromTop } from './phone-layout.ts'

const baseUrl = inject('baseUrl')
const phone = phoneDuringTests()

/** Serious and critical WCAG 2.1 A/AA violations on the phone.page as it stands, one line each. */
async function seriousViolations(): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page: phone.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`)
}

async function visit(path: string, ready: (page: Page) => Promise<unknown>) {
  await phone.page.goto(`${baseUrl}${path}`)
  await ready(phone.page)
  await settled(phone.page)
}

const heading = (name: string | RegExp) => (p: Page) => p.getByRole('heading', { level: 1, name }).waitFor()

describe('every screen, scanned with axe on a phone', () => {
  // Anonymous screens first, then the ones an editor sees once signed in.
  const screens: Array<[string, string, (page: Page) => Promise<unknown>]> = [
    ['connexion', '/connexion', heading('Connexion')],
    ['ma-commune-choix', '/', heading('Ma commune')],
    ['recherche', '/recherche?q=achat', (p) => p.getByText(/^[1-9]\d* résultats?, les noms d’abord/).waitFor()],
    ['tableau-de-bord', '/tableau-de-bord', (p) => p.getByRole('heading', { level: 2, name: 'Communes et services communs' }).waitFor()],
  ]
  for (const [name, path, ready] of screens) {
    it(`« ${name} » has no serious or critical violation`, async () => {
      await visit(path, ready)
      await screenshotFromTop(phone.page, `ecran-${name}`)
      expect(await seriousViolations()).toEqual([])
    })
  }

  it('« ma commune » of Chenôve, signed in as its mayor, has none, in each segment', async () => {
    await signIn(phone.page, baseUrl, 'maire.chenove@demo.mutualis.fr')
    await visit('/commune/21166', heading('Chenôve'))
    await phone.page.getByRole('tabpanel').locator('.offer-line').first().waitFor()
    await screenshotFromTop(phone.page, 'ecran-ma-commune-chenove')
    expect(await seriousViolations()).toEqual([])
    await phone.page.getByRole('tab', { name: /Adhère déjà/ }).click()
    expect(await seriousViolations()).toEqual([])
  })

  it('« coût annuel » of Chenôve has none', async () => {
    await phone.page.getByRole('link', { name: /Coût annuel connu/ }).click()
    await heading(/Chenôve y consacre/)(phone.page)
    await screenshotFromTop(phone.page, 'ecran-cout-annuel')
    expect(await seriousViolations()).toEqual([])
  })

  it('« offre » with the commune’s cost, its terms and members has none', async () => {
    await visit('/commune/21166?vue=adhere', heading('Chenôve'))
    await phone.page.getByRole('tabpanel').locator('.offer-line').first().click()
    await phone.page.getByRole('heading', { level: 2, name: 'Pour Chenôve' }).waitFor()
    await phone.page.getByRole('heading', { level: 2, name: 'Qui en fait partie' }).waitFor()
    await screenshotFromTop(phone.page, 'ecran-offre')
    expect(await seriousViolations()).toEqual([])
  })

  it('« action » with its update form has none, nor when a field is refused', async () => {
    await phone.page.locator('a.offer-line[href^="/action/"]').first().click()
    await phone.page.getByRole('heading', { level: 2, name: "Ajouter un point d'avancement" }).waitFor()
    await screenshotFromTop(phone.page, 'ecran-action')
    expect(await seriousViolations()).toEqual([])
    await phone.page.getByRole('button', { name: "Enregistrer le point d'avancement" }).click()
    await phone.page.getByText('Ce champ est obligatoire.').waitFor()
    expect(await seriousViolations()).toEqual([])
  })

  it('« compte », « mes saisies » and the offline chip have none', async () => {
    await phone.context.setOffline(true)
    await phone.page.getByLabel(/^Point d'avancement/).fill('Saisie pour le contrôle d’accessibilité')
    await phone.page.getByRole('button', { name: "Enregistrer le point d'avancement" }).click()
    await phone.page.locator('.top-bar .offline-chip').waitFor()
    await phone.page.getByRole('link', { name: /Compte/ }).click()
    await heading('Compte')(phone.page)
    await screenshotFromTop(phone.page, 'ecran-compte')
    expect(await seriousViolations()).toEqual([])
    await phone.page.getByRole('link', { name: /Mes saisies/ }).click()
    await heading('Mes saisies')(phone.page)
    await screenshotFromTop(phone.page, 'ecran-mes-saisies-hors-ligne')
    expect(await seriousViolations()).toEqual([])
    await phone.context.setOffline(false)
  })
})
