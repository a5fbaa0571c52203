import { describe, expect, inject, it } from 'vitest'
import { phoneDuringTests, screenshot } from './browser.ts'

const baseUrl = inject('baseUrl')
const phone = phoneDuringTests()

describe('the membership matrix on a phone', () => {
  it('keeps the services’ names and the communes in view, scrolled down and across', async () => {
    await phone.page.goto(`${baseUrl}/tableau-de-bord`)
    const box = phone.page.getByRole('region', { name: /Matrice des adhésions/ })
    await box.locator('tbody tr').first().waitFor()
    await box.evaluate((element) => element.scrollTo(500, 600))
    const [container, header, firstColumn] = await Promise.all([
      box.boundingBox(),
      box.locator('thead th').nth(1).boundingBox(),
      box.locator('tbody th[scope="row"]').nth(10).boundingBox(),
    ])
    expect(await box.evaluate((element) => [element.scrollLeft, element.scrollTop])).toEqual([500, 600])
    expect(Math.abs(header!.y - container!.y)).toBeLessThanOrEqual(2)
    expect(Math.abs(firstColumn!.x - container!.x)).toBeLessThanOrEqual(2)
    await screenshot(phone.page, 'ecran-matrice-defilee')
  })
})
