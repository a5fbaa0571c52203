import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@mutualis/api/db.ts'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { graphql } from '../fixtures/graphql.ts'
import { sentTogether } from '../fixtures/concurrency.ts'
import { aCommuneWithActions, anAction, aSignedInUser, aTerritory, type BuiltTerritory } from '../fixtures/builders.ts'

const recordProgress = /* GraphQL */ `
  mutation ($input: RecordProgressInput!) {
    recordProgress(input: $input) {
      __typename
      ... on RecordProgressSuccess { replayed update { id text statusAfter date meeting author } action { status version } }
      ... on ConflictError { code message current { status version } }
      ... on ValidationError { code message field }
      ... on NotFoundError { code message }
    }
  }
`

let territory: BuiltTerritory
let chenove: { id: string }
let memberAction: { id: string }
beforeAll(async () => {
  territory = await aTerritory()
  const built = await aCommuneWithActions(territory, { member: 1, joinable: 1 }, { name: 'Chenôve' })
  chenove = built.commune
  memberAction = built.memberOf[0]
})

const signedInAs = (role: 'EDITOR' | 'ANALYST' | 'ADMIN') => aSignedInUser(territory, { role, organisations: role === 'EDITOR' ? [chenove] : [] })

/** The action Chenôve takes part in, as it is now. */
async function chenoveAction() {
  const action = await db.action.findUniqueOrThrow({ where: { id: memberAction.id } })
  return { id: encodeGlobalID('Action', action.id), key: action.key, version: action.version }
}

/** An action of its own that Chenôve is a member of, for a test that archives it. */
async function freshChenoveAction() {
  const action = await anAction(territory, { title: 'Action de test', instrument: 'ETUDE', status: 'TO_STUDY', openness: 'CLOSED', participants: [chenove] })
  return { id: action.gid, version: action.version }
}

const input = (actionId: string, version: number, overrides: Record<string, unknown> = {}) => ({
  actionId, status: 'IN_PROGRESS', note: 'Réunion tenue : convention en relecture.', date: '2026-11-20', meeting: 'Comité des maires', clientMutationId: randomUUID(), expectedVersion: version, ...overrides,
})

describe('recordProgress', () => {
  it('lets an editor of a participating commune record a point d’avancement that moves the status', async () => {
    const { client } = await signedInAs('EDITOR')
    const action = await chenoveAction()
    const result = await client(recordProgress, { input: input(action.id, action.version) })
    expect(result.data?.recordProgress).toMatchObject({
      __typename: 'RecordProgressSuccess', replayed: false,
      update: { text: 'Réunion tenue : convention en relecture.', statusAfter: 'IN_PROGRESS', date: '2026-11-20', meeting: 'Comité des maires', author: 'Test EDITOR' },
      action: { status: 'IN_PROGRESS', version: action.version + 1 },
    })
  })

  it('records a submission replayed 5 times, one after another, exactly once', async () => {
    const { client } = await signedInAs('EDITOR')
    const action = await chenoveAction()
    const same = input(action.id, action.version)
    const results = []
    for (let i = 0; i < 5; i++) results.push((await client(recordProgress, { input: same })).data?.recordProgress)
    expect(new Set(results.map((r: any) => r.update.id)).size).toBe(1)
    expect(results.map((r: any) => r.replayed)).toEqual([false, true, true, true, true])
    expect(await db.progressUpdate.count({ where: { clientMutationId: same.clientMutationId } })).toBe(1)
  })

  it('records a submission sent 20 times at once exactly once, and tells every copy it was saved', async () => {
    const { client } = await signedInAs('EDITOR')
    // A few rounds: the copies that lose the race only do so when a twin commits in the middle of their work.
    for (let round = 0; round < 3; round++) {
      const action = await chenoveAction()
      const same = input(action.id, action.version)
      const results = await sentTogether(20, () => client(recordProgress, { input: same }))
      const payloads = results.map((r) => r.data?.recordProgress as any)
      expect(payloads.map((p) => p.__typename)).toEqual(Array(20).fill('RecordProgressSuccess'))
      expect(new Set(payloads.map((p) => p.update.id)).size).toBe(1)
      expect(payloads.filter((p) => !p.replayed)).toHaveLength(1)
      expect(await db.progressUpdate.count({ where: { clientMutationId: same.clientMutationId } })).toBe(1)
    }
  })

  it('answers the second of two editors with a conflict carrying the current state', async () => {
    const first = await signedInAs('EDITOR')
    const second = await signedInAs('EDITOR')
    const action = await chenoveAction()
    const won = await first.client(recordProgress, { input: input(action.id, action.version, { status: 'IMPLEMENTED' }) })
    const lost = await second.client(recordProgress, { input: input(action.id, action.version, { status: 'NO_PROGRESS' }) })
    expect(won.data?.recordProgress.__typename).toBe('RecordProgressSuccess')
    expect(lost.data?.recordProgress).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT', current: { status: 'IMPLEMENTED', version: action.version + 1 } })
    expect(await db.progressUpdate.count({ where: { action: { key: action.key }, statusAfter: 'NO_PROGRESS', text: input('', 0).note } })).toBe(0)
  })

  it('refuses an analyst who replays an editor’s submission instead of answering it as theirs', async () => {
    const editor = await signedInAs('EDITOR')
    const analyst = await signedInAs('ANALYST')
    const action = await chenoveAction()
    const same = input(action.id, action.version)
    await editor.client(recordProgress, { input: same })
    const replayed = await analyst.client(recordProgress, { input: same })
    expect(replayed.errors?.[0].extensions?.code).toBe('FORBIDDEN')
    expect(replayed.data?.recordProgress).toBeFalsy()
  })

  it('refuses another editor reusing a submission id, without showing what the first one wrote', async () => {
    const first = await signedInAs('EDITOR')
    const second = await signedInAs('EDITOR')
    const action = await chenoveAction()
    const sent = input(action.id, action.version, { note: 'Note du premier rédacteur' })
    await first.client(recordProgress, { input: sent })
    const reused = await second.client(recordProgress, { input: { ...sent, note: 'Note du second', expectedVersion: action.version + 1 } })
    expect(reused.data?.recordProgress).toMatchObject({ __typename: 'ValidationError', field: 'clientMutationId' })
    expect(JSON.stringify(reused)).not.toContain('Note du premier rédacteur')
    expect(await db.progressUpdate.count({ where: { text: 'Note du second' } })).toBe(0)
  })

  it('still answers its author’s replay once the action is archived, and takes nothing new on it', async () => {
    const editor = await signedInAs('EDITOR')
    const admin = await signedInAs('ADMIN')
    const action = await freshChenoveAction()
    const sent = input(action.id, action.version)
    const first = await editor.client(recordProgress, { input: sent })
    await admin.client('mutation ($id: ID!, $v: Int!) { archiveAction(id: $id, expectedVersion: $v) { __typename } }', { id: action.id, v: action.version + 1 })
    const replay = await editor.client(recordProgress, { input: sent })
    expect(replay.data?.recordProgress).toMatchObject({ __typename: 'RecordProgressSuccess', replayed: true, update: { id: first.data?.recordProgress.update.id } })
    const fresh = await editor.client(recordProgress, { input: input(action.id, action.version + 2) })
    expect(fresh.data?.recordProgress).toMatchObject({ __typename: 'NotFoundError' })
  })

  it('refuses anyone not signed in', async () => {
    const action = await chenoveAction()
    const result = await graphql(recordProgress, { input: input(action.id, action.version) })
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
  })
})
