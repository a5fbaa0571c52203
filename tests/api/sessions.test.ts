import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@mutualis/api/db.ts'
import { hashSecret } from '@mutualis/api/auth/secrets.ts'
import { yoga } from '@mutualis/api/http/yoga.ts'
import { as, signIn, testPassword } from '../fixtures/accounts.ts'
import { graphql } from '../fixtures/graphql.ts'
import { aCommune, aSignedInUser, aTerritory, aUser, type BuiltTerritory } from '../fixtures/builders.ts'

const me = '{ me { email role } }'
const login = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { __typename ... on LoginError { code message retryAfterSeconds } } }'
const sessionOf = (cookie: string) => db.session.findUniqueOrThrow({ where: { tokenHash: hashSecret(cookie.split('=')[1]) } })
const bearer = (token: string) => (query: string) => graphql(query, {}, { authorization: `Bearer ${token}` })
const from = (address: string) => ({ 'x-forwarded-for': address })

/** Runs `work` as behind a reverse proxy, so each request's X-Forwarded-For names its caller. */
async function behindProxy<T>(work: () => Promise<T>): Promise<T> {
  const trustProxy = process.env.TRUST_PROXY
  process.env.TRUST_PROXY = '1'
  try {
    return await work()
  } finally {
    if (trustProxy === undefined) delete process.env.TRUST_PROXY
    else process.env.TRUST_PROXY = trustProxy
  }
}

let territory: BuiltTerritory
let talant: { id: string }
beforeAll(async () => {
  territory = await aTerritory()
  talant = await aCommune(territory, { name: 'Talant' })
})

/** An account of the territory (an editor of Talant, for editors). */
const anAccount = (role: 'ADMIN' | 'EDITOR' | 'ANALYST') => aUser(territory, { role, organisations: role === 'EDITOR' ? [talant] : [] })

describe('sessions', () => {
  it('sets an httpOnly, SameSite session cookie and knows who is signed in', async () => {
    const account = await anAccount('ANALYST')
    const response = await yoga.fetch('http://mutualis.test/graphql', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: login, variables: { e: account.email, p: account.password } }),
    })
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^mutualis_session=[\w-]{40,};/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    const result = await as(cookie.split(';')[0])(me)
    expect(result.data?.me).toEqual({ email: account.email, role: 'ANALYST' })
  })

  it('refuses an expired session', async () => {
    const { email } = await anAccount('EDITOR')
    const cookie = await signIn(email)
    await db.session.update({ where: { id: (await sessionOf(cookie)).id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect((await as(cookie)(me)).data?.me).toBeNull()
    const write = await as(cookie)('mutation { createApiToken(name: "x") { __typename } }')
    expect(write.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
  })

  it('refuses a session after logout', async () => {
    const { email } = await anAccount('ADMIN')
    const cookie = await signIn(email)
    expect((await as(cookie)('mutation { logout }')).data?.logout).toBe(true)
    expect((await sessionOf(cookie)).revokedAt).not.toBeNull()
    expect((await as(cookie)(me)).data?.me).toBeNull()
  })

  it('refuses the sessions of a deactivated account', async () => {
    const target = await anAccount('ANALYST')
    const cookie = await signIn(target.email)
    const admin = await aSignedInUser(territory, { role: 'ADMIN' })
    const { encodeGlobalID } = await import('@pothos/plugin-relay')
    await admin.client('mutation ($id: ID!) { updateUser(input: { id: $id, active: false }) { __typename } }', { id: encodeGlobalID('User', target.user.id) })
    expect((await as(cookie)(me)).data?.me).toBeNull()
    const again = await graphql(login, { e: target.email, p: target.password })
    expect(again.data?.login.code).toBe('UNAUTHENTICATED')
  })
})

describe('API tokens', () => {
  it('opens the API to scripts until revoked, shows the secret once and records its last use', async () => {
    const analyst = await aSignedInUser(territory, { role: 'ANALYST' })
    const created = await analyst.client<{ createApiToken: { secret: string; token: { id: string; prefix: string } } }>(
      'mutation { createApiToken(name: "tableur") { ... on CreatedApiToken { secret token { id prefix } } } }',
    )
    const { secret, token } = created.data!.createApiToken
    expect(secret.startsWith(token.prefix)).toBe(true)
    expect(await db.apiToken.count({ where: { tokenHash: secret } })).toBe(0)
    expect((await bearer(secret)(me)).data?.me).toEqual({ email: analyst.email, role: 'ANALYST' })
    const listed = await analyst.client<{ myApiTokens: Array<{ lastUsedAt: string | null }> }>('{ myApiTokens { lastUsedAt } }')
    expect(listed.data?.myApiTokens[0].lastUsedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/)

    await analyst.client('mutation ($id: ID!) { revokeApiToken(id: $id) { __typename } }', { id: token.id })
    const refused = await bearer(secret)(me)
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
    expect(refused.data).toBeFalsy()
  })

  it('refuses an unknown token rather than answering as anonymous', async () => {
    const result = await bearer('mut_inconnu')(`{ communes(territory: "${territory.siren}") { name } }`)
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
  })
})

describe('login', () => {
  it('answers with the account just signed in, as the PWA asks for it', async () => {
    const account = await anAccount('EDITOR')
    const signedIn = await graphql('mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { ... on LoginSuccess { user { email role organisations { name } } } } }', { e: account.email, p: account.password })
    expect(signedIn.errors).toBeUndefined()
    expect(signedIn.data?.login.user).toEqual({ email: account.email, role: 'EDITOR', organisations: [{ name: 'Talant' }] })
  })

  it('says the same thing for an unknown email and a wrong password', async () => {
    const account = await anAccount('ANALYST')
    const unknown = await graphql(login, { e: 'personne@nulle.part', p: testPassword })
    const wrong = await graphql(login, { e: account.email, p: 'mauvais mot de passe' })
    expect(unknown.data?.login).toEqual(wrong.data?.login)
    expect(wrong.data?.login).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Adresse électronique ou mot de passe incorrect.' })
  })

  it('locks an account after 5 failures, even for the right password, with a clear message', async () => {
    const account = await anAccount('EDITOR')
    for (let i = 0; i < 5; i++) await graphql(login, { e: account.email, p: `faux ${i}` })
    const locked = await graphql(login, { e: account.email, p: account.password })
    expect(locked.data?.login).toMatchObject({ __typename: 'LoginError', code: 'RATE_LIMITED' })
    expect(locked.data?.login.message).toMatch(/Trop d’essais infructueux pour ce compte : réessayez dans \d+ min/)
    expect(locked.data?.login.retryAfterSeconds).toBeGreaterThan(0)
  })

  it('refuses an address after 20 failures on any accounts, while others still sign in', async () => {
    const account = await anAccount('ANALYST')
    await behindProxy(async () => {
      for (let i = 0; i < 20; i++) await graphql(login, { e: `essai-${i}@nulle.part`, p: 'faux' }, from('203.0.113.7'))
      const blocked = await graphql(login, { e: account.email, p: account.password }, from('203.0.113.7'))
      expect(blocked.data?.login).toMatchObject({ __typename: 'LoginError', code: 'RATE_LIMITED' })
      expect(blocked.data?.login.message).toMatch(/Trop d’essais infructueux depuis cette adresse : réessayez dans \d+ min/)
      const elsewhere = await graphql(login, { e: account.email, p: account.password }, from('198.51.100.4'))
      expect(elsewhere.data?.login.__typename).toBe('LoginSuccess')
    })
  })

  it('checks at most 5 passwords of an account even when 30 guesses and the right password arrive at once', async () => {
    const account = await anAccount('EDITOR')
    // One address per guess, as from many machines: only the account's limit stands in the way.
    const answers = await behindProxy(() =>
      Promise.all([
        ...Array.from({ length: 30 }, (_, i) => graphql(login, { e: account.email, p: `faux ${i}` }, from(`192.0.2.${i + 1}`))),
        graphql(login, { e: account.email, p: account.password }, from('192.0.2.100')),
      ]),
    )
    const logins = answers.map((a) => a.data?.login)
    const right = logins.pop()
    expect(right).toMatchObject({ __typename: 'LoginError', code: 'RATE_LIMITED' })
    expect(right?.message).toMatch(/Trop d’essais infructueux pour ce compte/)
    expect(logins.filter((l) => l?.code === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(5)
    expect(logins.every((l) => l?.code === 'UNAUTHENTICATED' || l?.code === 'RATE_LIMITED')).toBe(true)
  })

  it('never exposes password hashes in the schema', async () => {
    const result = await graphql('{ __type(name: "User") { fields { name } } }')
    expect(result.data?.__type.fields.map((f: { name: string }) => f.name)).not.toContain('passwordHash')
  })

  it('refuses a cookie request that is neither JSON nor marked against CSRF', async () => {
    const { email } = await anAccount('ADMIN')
    const cookie = await signIn(email)
    const forged = await yoga.fetch(`http://mutualis.test/graphql?query=${encodeURIComponent(me)}`, { headers: { cookie } })
    expect(forged.status).toBe(403)
    const marked = await yoga.fetch(`http://mutualis.test/graphql?query=${encodeURIComponent(me)}`, { headers: { cookie, 'x-mutualis-csrf': '1' } })
    expect(((await marked.json()) as { data: { me: { email: string } } }).data.me.email).toBe(email)
  })
})
