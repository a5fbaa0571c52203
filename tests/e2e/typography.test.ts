import { typographyMistakes } from '@mutualis/domain'
import { describe, expect, inject, it } from 'vitest'
import { phoneDuringTests, signIn } from './browser.ts'

// Every screen's text, as a reader sees it, checked against the one typography rule of packages/domain.

const baseUrl = inject('baseUrl')
const phone = phoneDuringTests()

async function mistakesOn(path: string, ready: string | RegExp): Promise<string[]> {
  await phone.page.goto(`${baseUrl}${path}`)
  await phone.page.getByText(ready).locator('visible=true').first().waitFor()
  const text = await phone.page.evaluate(() => document.body.innerText)
  return typographyMistakes(text).map(({ mistake, passage }) => `${path} — ${mistake} : « ${passage} »`)
}

describe('French typography on every screen', () => {
  it('finds no known mistake on the screens anyone sees, nor in the report', async () => {
    const found = [
      ...(await mistakesOn('/connexion', 'Connexion')),
      ...(await mistakesOn('/', 'Ma commune')),
      ...(await mistakesOn('/recherche?q=restauration', /résultats?, les noms d’abord/)),
      ...(await mistakesOn('/tableau-de-bord', 'Communes et services communs')),
      ...(await mistakesOn('/commune/21166', 'Chenôve')),
      ...(await mistakesOn('/rapport', 'Synthèse')),
    ]
    expect(found).toEqual([])
  })

  it('finds none on the screens of a signed-in mayor', async () => {
    await signIn(phone.page, baseUrl, 'maire.chenove@demo.mutualis.fr')
    const found = [...(await mistakesOn('/commune/21166', 'Chenôve')), ...(await mistakesOn('/saisies', /saisies/i))]
    expect(found).toEqual([])
  })
})
