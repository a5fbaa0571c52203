import { describe, expect, inject, it } from 'vitest'
import { phoneDuringTests, screenshot } from './browser.ts'

const baseUrl = inject('baseUrl')
const phone = phoneDuringTests()

describe('GraphiQL on a council network that lets nothing out', () => {
  it('renders with every other host blocked, in French, and runs the example query', async () => {
    const { page, context } = phone
    const blocked: string[] = []
    await context.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url())
      if (hostname === 'localhost' || hostname === '127.0.0.1') return route.continue()
      blocked.push(route.request().url())
      return route.abort('blockedbyclient')
    })
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    // An analyst's screen, not a phone: GraphiQL puts the query and the result side by side.
    await page.setViewportSize({ width: 1280, height: 800 })

    await page.goto(`${baseUrl}/graphql`)
    expect(await page.title()).toBe('Mutualis — API GraphQL (GraphiQL)')
    expect(await page.locator('html').getAttribute('lang')).toBe('fr')
    await page.locator('.graphiql-container').first().waitFor()
    const queryEditor = page.locator('.graphiql-query-editor')
    await queryEditor.locator('.monaco-editor').waitFor()
    await expect.poll(() => queryEditor.innerText(), { timeout: 15_000 }).toContain('CommunePage')

    await page.locator('.graphiql-execute-button').click()
    const result = page.locator('.graphiql-response')
    await expect.poll(() => result.innerText(), { timeout: 15_000 }).toMatch(/"data"[\s\S]*"Chenôve"/)
    expect(await result.innerText()).not.toMatch(/"errors"/)
    await screenshot(page, 'ecran-graphiql')
    expect(pageErrors).toEqual([])
    // Nothing to block is the point: the page asked no other host for anything.
    expect(blocked).toEqual([])
  })
})
