import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@mutualis/api/db.ts'
import { yoga } from '@mutualis/api/http/yoga.ts'
import { aCommune, aSignedInUser, aTerritory } from '../fixtures/builders.ts'

// README: « Les requêtes avec cookie doivent être en JSON ou porter l'en-tête x-mutualis-csrf: 1 ».
let cookie: string
let userId: string
let siren: string
beforeAll(async () => {
  const territory = await aTerritory()
  siren = territory.siren
  await aCommune(territory, { name: 'Chenôve' })
  ;({ id: userId, cookie } = await aSignedInUser(territory, { role: 'ADMIN' }))
})

const tokenNamed = (name: string) => db.apiToken.count({ where: { userId, name } })
const createToken = (name: string) => `mutation { createApiToken(name: "${name}") { __typename } }`

async function send(init: { method?: string; headers: Record<string, string>; body?: string; search?: string }) {
  const response = await yoga.fetch(`http://mutualis.test/graphql${init.search ?? ''}`, { method: init.method ?? 'POST', headers: init.headers, body: init.body })
  return { status: response.status, body: (await response.json()) as { data?: Record<string, any>; errors?: Array<{ message: string; extensions?: { code?: string } }> } }
}

describe('requests carrying the session cookie', () => {
  it('refuses a mutation sent as application/graphql without the CSRF header, before it runs', async () => {
    const { status, body } = await send({ headers: { 'content-type': 'application/graphql', cookie }, body: createToken('csrf-graphql') })
    expect(status).toBe(403)
    expect(body.errors?.[0].extensions?.code).toBe('CSRF')
    expect(body.errors?.[0].message).toMatch(/JSON.*x-mutualis-csrf/)
    expect(await tokenNamed('csrf-graphql')).toBe(0)
  })

  it('refuses a GET without the CSRF header with the same French explanation', async () => {
    const { status, body } = await send({ method: 'GET', headers: { cookie }, search: `?query=${encodeURIComponent('{ me { email } }')}` })
    expect(status).toBe(403)
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'CSRF' } })
    expect(body.errors?.[0].message).toMatch(/JSON.*x-mutualis-csrf/)
  })

  it('runs the same mutation when it carries x-mutualis-csrf, or is JSON', async () => {
    const withHeader = await send({ headers: { 'content-type': 'application/graphql', 'x-mutualis-csrf': '1', cookie }, body: createToken('csrf-header') })
    expect(withHeader.body.data?.createApiToken.__typename).toBe('CreatedApiToken')
    const json = await send({ headers: { 'content-type': 'application/json; charset=utf-8', cookie }, body: JSON.stringify({ query: createToken('csrf-json') }) })
    expect(json.body.data?.createApiToken.__typename).toBe('CreatedApiToken')
    expect(await tokenNamed('csrf-header')).toBe(1)
    expect(await tokenNamed('csrf-json')).toBe(1)
  })

  it('leaves requests without the session cookie to the other rules', async () => {
    const anonymous = await send({ headers: { 'content-type': 'application/graphql', cookie: 'theme=sombre' }, body: `{ communes(territory: "${siren}") { name } }` })
    expect(anonymous.status).toBe(200)
    expect(anonymous.body.data?.communes).toEqual([{ name: 'Chenôve' }])
  })
})
