import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { db } from '@mutualis/api/db.ts'
import { yoga } from '@mutualis/api/http/yoga.ts'
import { anAction, aSignedInUser, aTerritory } from '../fixtures/builders.ts'

let cookie: string
let action: { id: string; version: number; raw: string }
let actions: number

beforeAll(async () => {
  const territory = await aTerritory()
  cookie = (await aSignedInUser(territory, { role: 'ADMIN' })).cookie
  const row = await anAction(territory)
  action = { id: row.gid, version: row.version, raw: row.id }
  actions = await db.action.count()
})

const document = /* GraphQL */ `
  mutation ($input: RecordProgressInput!) {
    recordProgress(input: $input) {
      __typename
      ... on RecordProgressSuccess { update { text } }
      ... on UserError { code message }
      ... on ValidationError { field }
    }
  }
`

async function send(input: Record<string, unknown>) {
  const current = await db.action.findUniqueOrThrow({ where: { id: action.raw } })
  const variables = { input: { actionId: action.id, status: 'IN_PROGRESS', note: 'Note', date: '2026-11-02', clientMutationId: randomUUID(), expectedVersion: current.version, ...input } }
  const response = await yoga.fetch('http://mutualis.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: document, variables }) })
  return { status: response.status, body: (await response.json()) as { data?: { recordProgress: any }; errors?: Array<{ message: string; extensions?: { code?: string } }> } }
}

describe('bad inputs are answered clearly, never with a server error', () => {
  it.each([
    ['empty note', { note: '' }, 'note'],
    ['blank note', { note: '   \n ' }, 'note'],
    ['oversized note', { note: 'x'.repeat(5001) }, 'note'],
    ['oversized meeting label', { meeting: 'm'.repeat(201) }, 'meeting'],
    ['date before 2000', { date: '1999-12-31' }, 'date'],
    ['date in the future', { date: '2099-01-01' }, 'date'],
    ['control characters', { note: 'bad\u0000byte' }, 'note'],
    ['empty clientMutationId', { clientMutationId: '' }, 'clientMutationId'],
  ])('%s → VALIDATION on its field', async (_case, input, field) => {
    const { status, body } = await send(input)
    expect(status).toBe(200)
    expect(body.data?.recordProgress).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', field })
    expect(body.data?.recordProgress.message).toMatch(/[a-zé]/)
  })

  it.each([
    ['impossible date', { date: '2023-02-30' }],
    ['not a date', { date: 'hier' }],
    ['unknown status', { status: 'DONE' }],
    ['version as text', { expectedVersion: 'x' }],
    ['note as a number', { note: 42 }],
    ['missing action id', { actionId: null }],
    ['malformed global id', { actionId: 'pas-un-id' }],
  ])('%s → a GraphQL error naming the problem, not a 500', async (_case, input) => {
    const { status, body } = await send(input)
    expect(status).toBeLessThan(500)
    expect(body.errors?.length).toBeGreaterThan(0)
    expect(body.errors![0].message).not.toMatch(/Unexpected error/)
  })

  it('answers NOT_FOUND for an id of no action', async () => {
    const { body } = await send({ actionId: encodeGlobalID('Action', 'nulle-part') })
    expect(body.data?.recordProgress).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' })
  })

  it.each([
    ['HTML and script', '<script>alert("x")</script><img src=x onerror=alert(1)> <b>gras</b>'],
    ['SQL-looking text', "Robert'); DROP TABLE \"Action\";--"],
    ['accents, quotes and semicolons', 'Délibération n° 2026-12 ; « convention » "signée"'],
  ])('stores %s as inert text, exactly as typed', async (_case, note) => {
    const { body } = await send({ note })
    expect(body.data?.recordProgress).toMatchObject({ __typename: 'RecordProgressSuccess', update: { text: note } })
    expect(await db.action.count()).toBe(actions)
  })

  it('refuses a document deeper than the limits before running it', async () => {
    const deep = `{ actions(first: 1) { edges { node { participants { action { participants { action { participants { action { participants { action { participants { action { title } } } } } } } } } } } } } }`
    const response = await yoga.fetch('http://mutualis.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: deep }) })
    const body = (await response.json()) as { errors?: Array<{ message: string }> }
    expect(body.errors?.[0].message).toMatch(/depth/i)
  })

  it('caps page sizes', async () => {
    const response = await yoga.fetch('http://mutualis.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ actions(first: 100000) { edges { node { id } } } }' }) })
    const body = (await response.json()) as { data?: { actions: { edges: unknown[] } }; errors?: unknown[] }
    expect(body.data?.actions.edges.length ?? 0).toBeLessThanOrEqual(200)
  })
})

describe('a document whose nested lists multiply', () => {
  it('is refused from its estimate before a single row is read', async () => {
    const { countSql, graphql } = await import('../fixtures/graphql.ts')
    const document = '{ communes { participations { action { participants { organisation { __typename } action { participants { action { participants { action { participants { action { title } } } } } } } } } } } }'
    let result!: Awaited<ReturnType<typeof graphql>>
    const { statements } = await countSql(async () => {
      result = await graphql(document)
    })
    expect(result.errors?.[0].extensions?.code).toBe('QUERY_TOO_EXPENSIVE')
    expect(statements.filter((sql) => /Organisation|Participation|Action/.test(sql))).toEqual([])
  })
})

describe('a NUL character in a filter', () => {
  it('is a VALIDATION error on every database (PostgreSQL refuses it in any text)', async () => {
    const { graphql } = await import('../fixtures/graphql.ts')
    const result = await graphql('query ($s: String!) { commune(inseeCode: $s) { name } territory(siren: $s) { name } }', { s: '\u0000' })
    expect(result.errors?.every((error) => error.extensions?.code === 'VALIDATION') ?? true).toBe(true)
    expect(JSON.stringify(result)).not.toMatch(/Unexpected error/)
  })
})
