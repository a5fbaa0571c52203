import { randomUUID } from 'node:crypto'
import { describe, expect, inject, it } from 'vitest'
import { listenDuringTests } from '../fixtures/http-server.ts'
import { phoneDuringTests, signIn } from './browser.ts'
import { otherSitePage, serveOtherSite, type Outcome } from './other-site.ts'

// The app on 127.0.0.1: a page on another port of the same host is the same site, so Chromium
// sends the SameSite=Lax session cookie along with its requests. Only CORS stands in the way.
const app = inject('baseUrl').replace('//localhost:', '//127.0.0.1:')
const partner = inject('partnerOrigin')
const admin = 'admin@demo.mutualis.fr'
const phone = phoneDuringTests()
const hostile = listenDuringTests(serveOtherSite)

async function visit(origin: string, queries: string[]): Promise<Outcome[]> {
  await phone.page.goto(otherSitePage(origin, app, queries))
  return phone.page.evaluate(() => (window as unknown as { outcomes: Promise<Outcome[]> }).outcomes)
}

/** The admin's API tokens, as the app itself lists them (same origin, JSON). */
async function tokenNames(): Promise<string[]> {
  await phone.page.goto(`${app}/`)
  return phone.page.evaluate(async () => {
    const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ myApiTokens { name } }' }) })
    const body = (await response.json()) as { data: { myApiTokens: Array<{ name: string }> } }
    return body.data.myApiTokens.map((token) => token.name)
  })
}

describe('a signed-in admin visits another site of the same host', () => {
  it('signs in on the app', async () => {
    await signIn(phone.page, app, admin)
  })

  it('that site can neither read who is signed in nor create an API token with the session', async () => {
    const tokenName = `vol-${randomUUID()}`
    const [me, token] = await visit(hostile.origin, ['{ me { email } }', `mutation { createApiToken(name: "${tokenName}") { ... on CreatedApiToken { secret } } }`])
    expect(me.data?.me?.email).toBeUndefined()
    expect(me.refused).toMatch(/Failed to fetch/)
    expect(token.data?.createApiToken).toBeUndefined()
    expect(await tokenNames()).not.toContain(tokenName)
  })

  it('a site listed in ALLOWED_ORIGINS reads with the session', async () => {
    const [me] = await visit(partner, ['{ me { email } }'])
    expect(me.data?.me?.email).toBe(admin)
  })
})
