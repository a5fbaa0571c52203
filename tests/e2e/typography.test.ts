import { typographyMistakes } from '@mutualis/domain'
import { describe, expect, inject, it } from 'vitest'
import { phoneDuringTests, settled, signIn } from './browser.ts'

// Every screen's text, as a reader sees it, checked against the one typography rule of packages/domain:
// the screens of phone-screens.test.ts and the report. Besides wrong words, it finds any space before
// « : ; ? ! » or inside « » other than the non-breaking one frenchText sets.

const baseUrl = inject('baseUrl')
const phone = phoneDuringTests()

/** The mistakes on the screen shown, once `ready` is visible. */
async function mistakesHere(name: string, ready: string | RegExp): Promise<string[]> {
  await phone.page.getByText(ready).locator('visible=true').first().waitFor()
  await settled(phone.page)
  // Pictograms hidden from screen readers (the matrix's « ? » for « ouverture à l’étude ») are not prose.
  const text = await phone.page.evaluate(() => {
    const pictograms = document.head.appendChild(document.createElement('style'))
    pictograms.textContent = '[aria-hidden="true"] { display: none !important; }'
    const shown = document.body.innerText
    pictograms.remove()
    return shown
  })
  return typographyMistakes(text).map(({ mistake, passage }) => `${name} — ${mistake} : « ${passage} »`)
}

async function mistakesOn(path: string, ready: string | RegExp): Promise<string[]> {
  await phone.page.goto(`${baseUrl}${path}`)
  return mistakesHere(path, ready)
}

/** Opens the first line of the list shown (an offer of « Ma commune », an action of an offer). */
async function openFirstLine() {
  await phone.page.locator('.offer-line').first().click()
}

describe('French typography on every screen', () => {
  it('finds no known mistake on the screens anyone sees, nor in the report', async () => {
    const found = [
      ...(await mistakesOn('/connexion', 'Connexion')),
      ...(await mistakesOn('/', 'Ma commune')),
      ...(await mistakesOn('/recherche?q=restauration', /résultats?, les noms d’abord/)),
      ...(await mistakesOn('/tableau-de-bord', 'Communes et services communs')),
      ...(await mistakesOn('/commune/21166', 'Chenôve')),
      ...(await mistakesOn('/commune/21166/cout', /Chenôve y consacre/)),
      ...(await mistakesOn('/rapport', 'Synthèse')),
    ]
    await phone.page.goto(`${baseUrl}/commune/21166`)
    await openFirstLine()
    found.push(...(await mistakesHere('offre', 'Qui en fait partie')))
    expect(found).toEqual([])
  })

  it('finds none on the screens of a signed-in mayor', async () => {
    await signIn(phone.page, baseUrl, 'maire.chenove@demo.mutualis.fr')
    const found = [...(await mistakesOn('/commune/21166?vue=adhere', 'Chenôve')), ...(await mistakesOn('/saisies', /saisies/i)), ...(await mistakesOn('/compte', 'Compte'))]
    await phone.page.goto(`${baseUrl}/commune/21166?vue=adhere`)
    await openFirstLine()
    await phone.page.getByRole('heading', { level: 2, name: 'Actions du schéma' }).waitFor()
    await openFirstLine()
    found.push(...(await mistakesHere('action', "Ajouter un point d'avancement")))
    expect(found).toEqual([])
  })
})
