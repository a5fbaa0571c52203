import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { phoneDuringTests, screenshot } from './browser.ts'

const baseUrl = inject('baseUrl')
const phone = phoneDuringTests()

/** The page's width and height, and the element that reaches furthest right, as a phone lays it out. */
const layout = (page: Page) =>
  page.evaluate(() => {
    let widest = { right: 0, element: '' }
    for (const element of document.querySelectorAll('body *')) {
      const right = element.getBoundingClientRect().right
      if (right > widest.right) widest = { right: Math.round(right), element: `${element.tagName.toLowerCase()}.${element.className}` }
    }
    return { width: document.scrollingElement!.scrollWidth, height: document.scrollingElement!.scrollHeight, widest }
  })

/** Links, buttons, inputs and summaries smaller than a fingertip (44 × 44 px, WCAG 2.5.5). */
const smallControls = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('a, button, input:not([type=hidden]), select, summary')]
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 44 || box.height < 44))
      .map(({ element, box }) => `${element.textContent?.trim() || element.outerHTML.slice(0, 60)} (${Math.round(box.width)} × ${Math.round(box.height)})`),
  )

describe('the yearly report on a phone (360 × 740)', () => {
  it('fits the width, folded or unfolded, with controls a finger can hit, and is short enough to scroll through', async () => {
    const { page } = phone
    for (const address of ['/rapport', '/rapport?depuis=2022-01-01']) {
      await page.goto(`${baseUrl}${address}`)
      const folded = await layout(page)
      expect(await smallControls(page)).toEqual([])
      if (address.includes('depuis')) await screenshot(page, 'ecran-rapport')
      await page.locator('details').evaluateAll((all) => all.forEach((details) => ((details as HTMLDetailsElement).open = true)))
      const unfolded = await layout(page)
      console.info(`${address} at 360 px: ${folded.width} px wide, ${folded.height} px tall (${(folded.height / 740).toFixed(1)} screens); unfolded ${unfolded.width} px wide, ${unfolded.height} px tall; widest element: ${JSON.stringify(unfolded.widest)}`)
      expect(folded.width).toBeLessThanOrEqual(360)
      expect(unfolded.width).toBeLessThanOrEqual(360)
      expect(unfolded.widest.right).toBeLessThanOrEqual(360)
      expect(folded.height / 740).toBeLessThan(12)
    }
  })

  it('links the Word and Excel versions of the same territory', async () => {
    const { page } = phone
    await page.goto(`${baseUrl}/rapport?depuis=2022-01-01`)
    const word = await page.getByRole('link', { name: /Word/ }).getAttribute('href')
    expect(word).toMatch(/^\/rapport\.docx\?.*territoire=242100410/)
    const excel = await page.getByRole('link', { name: /Excel/ }).evaluateAll((links) => links.map((link) => link.getAttribute('href')))
    expect(excel.length).toBeGreaterThanOrEqual(3)
    for (const href of excel) expect(href).toMatch(/^\/export\/[a-z-]+\.xlsx\?.*territory=242100410/)
  })

  it('opens a domain’s actions on a tap', async () => {
    const { page } = phone
    await page.goto(`${baseUrl}/rapport?depuis=2022-01-01`)
    const domain = page.locator('section.domain details').first()
    const firstAction = domain.locator('.action-title').first()
    expect(await firstAction.isVisible()).toBe(false)
    await domain.locator('summary').click()
    expect(await firstAction.isVisible()).toBe(true)
  })

  it('prints as A4 tables: every table a table, every domain open', async () => {
    const { page } = phone
    await page.goto(`${baseUrl}/rapport?depuis=2022-01-01`)
    await page.emulateMedia({ media: 'print' })
    try {
      const displays = await page.locator('table').evaluateAll((tables) =>
        tables.map((table) => [getComputedStyle(table).display, getComputedStyle(table.querySelector('tbody tr')!).display, getComputedStyle(table.querySelector('thead') ?? table).display]),
      )
      expect(displays.length).toBeGreaterThan(5)
      for (const [table, row, head] of displays) {
        expect(table).toBe('table')
        expect(row).toBe('table-row')
        expect(['table-header-group', 'table']).toContain(head)
      }
      const hiddenActions = await page.locator('.action-title').evaluateAll((titles) => titles.filter((title) => !(title as HTMLElement).checkVisibility()).length)
      expect(hiddenActions).toBe(0)
      expect(await page.locator('.toolbar').isVisible()).toBe(false)
    } finally {
      await page.emulateMedia({ media: 'screen' })
    }
  })
})
