// The requests that once stopped, stalled or confused a fresh `pnpm start`, replayed against the
// real server in a process of its own: an exit is seen as an exit, not as a crashed test worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { requestLimits } from '@mutualis/api/request-limits.ts'
import { anAction, aTerritory, aUser } from '../fixtures/builders.ts'
import { freePort, startServer, waitForOutput, type RunningServer } from '../fixtures/server-process.ts'

let server: RunningServer
let origin: string
let cookie: string
let actionId: string

beforeAll(async () => {
  const port = await freePort()
  server = startServer({ DATABASE_URL: process.env.DATABASE_URL!, PORT: String(port), NODE_ENV: 'production' })
  await waitForOutput(server, /Mutualis : http/)
  origin = `http://127.0.0.1:${port}`
  const territory = await aTerritory()
  actionId = (await anAction(territory)).gid
  const account = await aUser(territory, { role: 'ADMIN' })
  const login = await post({ query: 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { __typename } }', variables: { e: account.email, p: account.password } })
  cookie = login.headers.get('set-cookie')!.split(';')[0]
})

afterAll(() => {
  server.child.kill()
})

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) })
}

async function errorsOf(response: Response): Promise<Array<{ message: string; extensions?: { code?: string } }>> {
  return ((await response.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> }).errors ?? []
}

/** `{"x":[[[…]]]}` nested `levels` deep, written out as text (JSON.stringify would itself overflow). */
const nested = (levels: number) => `{"query":"{__typename}","variables":{"x":${'['.repeat(levels)}${']'.repeat(levels)}}}`

async function stillAnswers() {
  const started = performance.now()
  const response = await post({ query: '{ __typename }' })
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ data: { __typename: 'Query' } })
  expect(server.child.exitCode).toBeNull()
  return performance.now() - started
}

describe('one request never takes the service down', () => {
  it('variables nested 20,000 levels deep, anonymous: 400 in French, and the process lives on', async () => {
    const response = await post(nested(20_000))
    expect(response.status).toBe(400)
    expect((await errorsOf(response))[0].message).toBe(`Variables trop imbriquées : ${requestLimits.variablesDepth} niveaux au plus.`)
    await stillAnswers()
  })

  it('the same body signed in: 400, not 500', async () => {
    const response = await post(nested(20_000), { cookie })
    expect(response.status).toBe(400)
    await stillAnswers()
  })

  it('the list-multiplying document passes the depth limit but is refused by its estimated size, before any SQL', async () => {
    const document = '{ communes { participations { action { participants { organisation { __typename } action { participants { action { participants { action { participants { action { title } } } } } } } } } } } }'
    const started = performance.now()
    const response = await post({ query: document })
    const errors = await errorsOf(response)
    expect(errors[0].message).toMatch(/^Requête trop coûteuse : environ [\d\s\u202f]+ objets estimés, \d[\d\s\u202f]* au plus/)
    expect(errors[0].extensions?.code).toBe('QUERY_TOO_EXPENSIVE')
    expect(performance.now() - started).toBeLessThan(1000)
    await stillAnswers()
  })

  it(`nodes(ids:) takes ${requestLimits.nodesIds} ids at most, and says so`, async () => {
    const ids = Array.from({ length: requestLimits.nodesIds + 1 }, (_, i) => encodeGlobalID('Action', `a${i}`))
    const response = await post({ query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids } })
    expect((await errorsOf(response))[0]).toMatchObject({ message: `nodes accepte ${requestLimits.nodesIds} identifiants au plus (${requestLimits.nodesIds + 1} reçus).`, extensions: { code: 'VALIDATION' } })
  })

  it('15,000 ids (13.6 s and 23.8 MB before) are refused at once as a list too long', async () => {
    const ids = Array.from({ length: 15_000 }, (_, i) => encodeGlobalID('Action', `a${i}`))
    const started = performance.now()
    const response = await post({ query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids } })
    expect(response.status).toBe(400)
    expect((await errorsOf(response))[0].message).toBe(`Liste trop longue dans les variables : ${requestLimits.variablesListItems} éléments au plus (15000 reçus).`)
    expect(performance.now() - started).toBeLessThan(1000)
    await stillAnswers()
  })

  it('a list literal nested 2,315 levels deep in the document itself: 400, not a parser stack overflow', async () => {
    const response = await post({ query: `{ actions(filter: { status: ${'['.repeat(2315)}${']'.repeat(2315)} }) { totalCount } }` })
    expect(response.status).toBe(400)
    expect((await errorsOf(response))[0].message).toMatch(/^Document trop imbriqué/)
    await stillAnswers()
  })
})

describe('bad input gets an answer, never a server error', () => {
  const base64 = (text: string) => Buffer.from(text).toString('base64')

  it('node() of an id that names nothing is null', async () => {
    const response = await post({ query: 'query ($id: ID!) { node(id: $id) { id } }', variables: { id: base64('Action:nope') } })
    expect(await response.json()).toEqual({ data: { node: null } })
  })

  it('one unreadable id among good ones nulls that entry only', async () => {
    const good = actionId
    expect(await (await post({ query: 'query ($id: ID!) { node(id: $id) { id } }', variables: { id: good } })).json()).toEqual({ data: { node: { id: good } } })
    const response = await post({ query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: [good, '!!!', base64('Nothing:1'), base64('Action:nope')] } })
    expect(await response.json()).toEqual({ data: { nodes: [{ id: good }, null, null, null] } })
  })

  it.each([
    ['not base64 at all', '!!!'],
    ['base64 of nonsense', base64('nonsense')],
    ['a cursor of the right prefix and no value', base64('GPC:')],
    ['a compound cursor that is not JSON', base64('GPC:J:{')],
    ['a number cursor where ids are texts', base64('GPC:N:abc')],
    ['a date cursor with no date', base64('GPC:D:')],
  ])('a malformed cursor (%s) is a VALIDATION error that says what to send', async (_case, after) => {
    const response = await post({ query: 'query ($after: String) { actions(first: 2, after: $after) { edges { node { id } } } }', variables: { after } })
    const errors = await errorsOf(response)
    expect(response.status).toBeLessThan(500)
    expect(errors[0]).toMatchObject({ message: expect.stringMatching(/^(Curseur de pagination invalide|Valeur invalide : un curseur)/), extensions: { code: 'VALIDATION' } })
  })

  it(`a search longer than ${requestLimits.searchText} characters is a VALIDATION error naming the limit`, async () => {
    const response = await post({ query: 'query ($s: String) { actions(filter: { search: $s }, first: 5) { totalCount } }', variables: { s: 'ab%_'.repeat(12_500) } })
    const errors = await errorsOf(response)
    expect(errors[0]).toMatchObject({ message: `La recherche dépasse ${requestLimits.searchText} caractères (50000).`, extensions: { code: 'VALIDATION' } })
  })

  it('GET with extensions that are not JSON: 400 naming the parameter', async () => {
    const response = await fetch(`${origin}/graphql?query=${encodeURIComponent('{__typename}')}&extensions=%00`, { headers: { 'x-mutualis-csrf': '1', accept: 'application/json' } })
    expect(response.status).toBe(400)
    expect((await errorsOf(response))[0].message).toMatch(/^Paramètre « extensions » : JSON invalide/)
  })

  it('GET with variables that are not JSON: 400 naming the parameter', async () => {
    const response = await fetch(`${origin}/graphql?query=${encodeURIComponent('{__typename}')}&variables=${encodeURIComponent('{nope')}`, { headers: { 'x-mutualis-csrf': '1', accept: 'application/json' } })
    expect(response.status).toBe(400)
    expect((await errorsOf(response))[0].message).toMatch(/^Paramètre « variables » : JSON invalide/)
    await stillAnswers()
  })
})
