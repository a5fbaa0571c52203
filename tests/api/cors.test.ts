import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// Read when the server module loads, hence set before importing it.
const partner = 'https://tableau.partenaire.fr'
process.env.ALLOWED_ORIGINS = `${partner}, http://127.0.0.1:5174/`

const { yoga } = await import('@mutualis/api/http/yoga.ts')
const { allowedOrigins } = await import('@mutualis/api/http/cors.ts')
const { aCommune, aSignedInUser, aTerritory } = await import('../fixtures/builders.ts')

// The app is served at http://127.0.0.1:4000; another port of the same host is the same site,
// so a SameSite=Lax cookie goes along with its requests.
const app = 'http://127.0.0.1:4000'
const sameSiteElsewhere = 'http://127.0.0.1:5555'
const me = JSON.stringify({ query: '{ me { email } }' })

let cookie: string
let email: string
let siren: string
beforeAll(async () => {
  const territory = await aTerritory()
  siren = territory.siren
  await aCommune(territory, { name: 'Chenôve' })
  ;({ email, cookie } = await aSignedInUser(territory, { role: 'ADMIN' }))
})
afterAll(() => {
  delete process.env.ALLOWED_ORIGINS
})

/** The preflight a browser sends before a credentialed JSON POST from `origin`. */
const preflight = (origin: string) =>
  yoga.fetch(`${app}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  })
const post = (origin: string, headers: Record<string, string> = {}) =>
  yoga.fetch(`${app}/graphql`, { method: 'POST', headers: { origin, 'content-type': 'application/json', ...headers }, body: me })

/** What a browser's CORS check lets a page with `credentials: 'include'` read. */
const credentialedReadAllowed = (response: Response, origin: string) =>
  response.headers.get('access-control-allow-origin') === origin && response.headers.get('access-control-allow-credentials') === 'true'

describe('CORS: who may read answers given with the session cookie', () => {
  it('refuses a page of another port of the same host: neither the preflight nor the answer allow credentials', async () => {
    expect(credentialedReadAllowed(await preflight(sameSiteElsewhere), sameSiteElsewhere)).toBe(false)
    const answer = await post(sameSiteElsewhere, { cookie })
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull()
  })

  it('lets any page read published data without a cookie', async () => {
    const origin = 'https://www.ville-chenove.fr'
    const allowed = (await preflight(origin)).headers.get('access-control-allow-origin')
    expect([origin, '*']).toContain(allowed)
    const answer = await yoga.fetch(`${app}/graphql`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ communes(territory: "${siren}") { name } }` }),
    })
    expect([origin, '*']).toContain(answer.headers.get('access-control-allow-origin'))
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull()
    expect(((await answer.json()) as { data: { communes: unknown[] } }).data.communes).toEqual([{ name: 'Chenôve' }])
  })

  it('allows credentials to an origin listed in ALLOWED_ORIGINS, preflight and answer', async () => {
    expect(credentialedReadAllowed(await preflight(partner), partner)).toBe(true)
    const answer = await post(partner, { cookie })
    expect(credentialedReadAllowed(answer, partner)).toBe(true)
    expect(((await answer.json()) as { data: { me: { email: string } } }).data.me.email).toBe(email)
    expect(credentialedReadAllowed(await preflight('http://127.0.0.1:5174'), 'http://127.0.0.1:5174')).toBe(true)
  })

  it("allows credentials to the app's own origin, also behind an HTTPS proxy", async () => {
    expect(credentialedReadAllowed(await post(app, { cookie }), app)).toBe(true)
    const proxied = await yoga.fetch('http://mutualis.metropole.fr/graphql', {
      method: 'POST',
      headers: { origin: 'https://mutualis.metropole.fr', 'x-forwarded-proto': 'https', 'content-type': 'application/json', cookie },
      body: me,
    })
    expect(credentialedReadAllowed(proxied, 'https://mutualis.metropole.fr')).toBe(true)
  })

  it('tells caches that the answer depends on the Origin', async () => {
    expect((await post(sameSiteElsewhere)).headers.get('vary')).toMatch(/Origin/)
    expect((await post(partner)).headers.get('vary')).toMatch(/Origin/)
  })
})

describe('ALLOWED_ORIGINS', () => {
  it('reads comma-separated origins, spaces and a final slash tolerated', () => {
    expect([...allowedOrigins(' https://a.fr , http://127.0.0.1:5174/,')]).toEqual(['https://a.fr', 'http://127.0.0.1:5174'])
    expect(allowedOrigins(undefined).size).toBe(0)
  })

  it.each(['*', 'tableau.metropole.fr', 'https://tableau.metropole.fr/app', 'https://*.metropole.fr', 'null', 'ftp://a.fr'])(
    'refuses « %s » with a sentence saying how to write an origin',
    (entry) => {
      expect(() => allowedOrigins(`https://a.fr,${entry}`)).toThrow(/n'est pas une origine ; écrivez-la comme https:/)
    },
  )
})
