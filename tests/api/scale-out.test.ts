// Two API processes behind one address share PostgreSQL and Redis. Run by `pnpm test:pg` only
// (vitest.config.ts): the embedded SQLite default is one process on one machine by design.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { statusLabels, type ActionStatus } from '@mutualis/domain'
import { db } from '@mutualis/api/db.ts'
import { ActionPageQuery } from '@mutualis/schema/documents/action'
import { CommunePageQuery } from '@mutualis/schema/documents/commune'
import { sentRequest } from '@mutualis/schema/sent'
import { communeInsee } from '../fixtures/seed.ts'
import { freePort, startServer, waitForOutput, type RunningServer } from '../fixtures/server-process.ts'
import { createOtherTerritoryWithOffer } from '../fixtures/territories.ts'
import { tellServers } from '../../apps/api/scripts/tell-servers.ts'

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const chenove = communeInsee('Chenôve')
const instances: Array<{ server: RunningServer; url: string }> = []

beforeAll(async () => {
  for (let i = 0; i < 2; i++) {
    const port = await freePort()
    const server = startServer({ PORT: String(port), REDIS_URL: redisUrl, RESPONSE_CACHE: 'on', DATABASE_POOL_SIZE: '4' })
    instances.push({ server, url: `http://127.0.0.1:${port}/graphql` })
  }
  await Promise.all(instances.map(({ server }) => waitForOutput(server, /GraphQL \(GraphiQL\)/, 60_000)))
}, 90_000)

afterAll(() => {
  for (const { server } of instances) server.child.kill()
})

interface Answer { data?: any; errors?: unknown[] }

async function post(url: string, query: string, variables: Record<string, unknown> = {}, cookie?: string, fresh = false): Promise<{ body: Answer; cookie?: string; cached: boolean }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-mutualis-csrf': '1', ...(cookie ? { cookie } : {}), ...(fresh ? { 'cache-control': 'no-cache' } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  return { body: (await response.json()) as Answer, cookie: response.headers.get('set-cookie')?.split(';')[0], cached: response.headers.get('x-mutualis-cache') === 'hit' }
}

/** Whether a page came from the cache, after checking it says what a fresh answer says: never a stale answer. */
async function cachedOn(url: string, page: { query: string; variables: Record<string, unknown> }) {
  const answer = await post(url, page.query, page.variables)
  expect(answer.body).toEqual((await post(url, page.query, page.variables, undefined, true)).body)
  return answer.cached
}

const login = 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { __typename } }'
const recordProgress = /* GraphQL */ `
  mutation ($input: RecordProgressInput!) {
    recordProgress(input: $input) { __typename ... on RecordProgressSuccess { action { status version } } }
  }
`

describe('several API processes on PostgreSQL and Redis', () => {
  it('shows a point d’avancement recorded through one process on the next read through the other, never the old status', async () => {
    const [a, b] = instances.map((instance) => instance.url)
    const { action } = await db.participation.findFirstOrThrow({ where: { organisation: { inseeCode: chenove }, action: { status: { not: 'IMPLEMENTED' } } }, include: { action: true } })
    const actionId = encodeGlobalID('Action', action.id)
    // The action's page, as the app asks it.
    const actionPage = sentRequest(ActionPageQuery, { id: actionId })
    const statusOn = async (url: string) => {
      const { body, cached } = await post(url, actionPage.query, actionPage.variables)
      return { status: body.data.node.statusLabel as string, cached }
    }
    // « Ma commune » in another territory, which no write here concerns.
    const other = await createOtherTerritoryWithOffer()
    const otherCommunePage = sentRequest(CommunePageQuery, { inseeCode: other.commune.inseeCode })
    expect((await post(a, otherCommunePage.query, otherCommunePage.variables)).body.data.commune.offers).toHaveLength(1)
    const session = (await post(a, login, { email: 'maire.chenove@demo.mutualis.fr', password: 'demo-mutualis-2026' })).cookie!

    let version = action.version
    const writes: Array<{ through: string; readThrough: string; status: ActionStatus }> = [
      { through: a, readThrough: b, status: 'IN_PROGRESS' },
      { through: b, readThrough: a, status: 'IMPLEMENTED' },
      { through: a, readThrough: b, status: 'PLANNED' },
    ]
    for (const write of writes) {
      await statusOn(write.readThrough)
      expect((await statusOn(write.readThrough)).cached).toBe(true)
      for (const url of [a, b]) await cachedOn(url, otherCommunePage)

      const input = { actionId, status: write.status, note: `Point du comité (${write.status}).`, date: '2026-11-20', clientMutationId: randomUUID(), expectedVersion: version }
      const { body } = await post(write.through, recordProgress, { input }, session)
      expect(body.data?.recordProgress).toEqual({ __typename: 'RecordProgressSuccess', action: { status: write.status, version: version + 1 } })
      version += 1

      expect(await statusOn(write.readThrough)).toEqual({ status: statusLabels[write.status], cached: false })
      for (const url of [a, b]) expect(await cachedOn(url, otherCommunePage)).toBe(true)
    }
  })

  it('shows a change a command made (an import, a refresh) on the next read of every process, once the command tells them', async () => {
    const communePage = sentRequest(CommunePageQuery, { inseeCode: chenove })
    for (const { url } of instances) await cachedOn(url, communePage)
    const { offer } = await db.offerMember.findFirstOrThrow({ where: { organisation: { inseeCode: chenove } }, include: { offer: true } })
    const renamed = `${offer.name} (renommée par import ${randomUUID().slice(0, 8)})`
    // As schema:import and territory:refresh write: from another process, outside any server's mutation.
    const asCommand = async (name: string) => {
      await db.offer.update({ where: { id: offer.id }, data: { name } })
      const redis = process.env.REDIS_URL
      process.env.REDIS_URL = redisUrl
      try {
        await tellServers()
      } finally {
        process.env.REDIS_URL = redis
      }
    }
    await asCommand(renamed)
    for (const { url } of instances) {
      const { body, cached } = await post(url, communePage.query, communePage.variables)
      expect(cached).toBe(false)
      expect(JSON.stringify(body)).toContain(renamed)
    }
    await asCommand(offer.name)
  })

  it('keeps every cached answer through sign-ins and failed ones on the other process', async () => {
    const [a, b] = instances.map((instance) => instance.url)
    const communePage = sentRequest(CommunePageQuery, { inseeCode: chenove })
    await cachedOn(b, communePage)
    expect(await cachedOn(b, communePage)).toBe(true)

    const failed = await post(a, login, { email: 'maire.chenove@demo.mutualis.fr', password: 'pas le bon mot de passe' })
    expect(failed.body.data?.login.__typename).toBe('LoginError')
    expect((await post(a, login, { email: 'maire.chenove@demo.mutualis.fr', password: 'demo-mutualis-2026' })).cookie).toBeDefined()

    expect(await cachedOn(b, communePage)).toBe(true)
  })
})
