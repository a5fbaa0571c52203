import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { db } from '@mutualis/api/db.ts'
import { sentTogether } from '../fixtures/concurrency.ts'
import { query } from '../fixtures/graphql.ts'
import { aCommuneWithActions, anAction, aSignedInUser, aTerritory, type BuiltTerritory } from '../fixtures/builders.ts'

const requestToJoin = 'mutation ($i: RequestToJoinInput!) { requestToJoin(input: $i) { __typename ... on RequestToJoinSuccess { request { id status } } ... on UserError { code message } } }'
const decide = 'mutation ($i: DecideJoinRequestInput!) { decideJoinRequest(input: $i) { __typename ... on RequestToJoinSuccess { request { status declineReason deliberationRef } } ... on UserError { code message } } }'

const requestWithNote = 'mutation ($i: RequestToJoinInput!) { requestToJoin(input: $i) { __typename ... on RequestToJoinSuccess { request { id note organisation { name } } } ... on ValidationError { message field } ... on UserError { code } } }'

/** The actions a commune can join (requests are made for an action) and whether it has asked for each. */
const joinableQuery = 'query ($inseeCode: String!) { commune(inseeCode: $inseeCode) { id joinable { pendingRequest openness action { id title } } } }'
type Joinable = { commune: { id: string; joinable: Array<{ pendingRequest: boolean; openness: string; action: { id: string; title: string } }> } }

async function joinableFor(commune: { inseeCode: string | null }) {
  return (await query<Joinable>(joinableQuery, { inseeCode: commune.inseeCode })).commune
}

let territory: BuiltTerritory
let admin: Awaited<ReturnType<typeof aSignedInUser>>
beforeAll(async () => {
  territory = await aTerritory()
  admin = await aSignedInUser(territory, { role: 'ADMIN' })
})

/** A commune of the territory, able to join `joinable` open actions, and a signed-in editor of it. */
async function editorOf(name: string, joinable = 2) {
  const { commune, memberOf } = await aCommuneWithActions(territory, { member: 1, joinable }, { name })
  return { commune, memberOf, editor: await aSignedInUser(territory, { role: 'EDITOR', organisations: [commune] }) }
}

describe('join requests', () => {
  it('takes an editor’s request, shows it pending, and makes the commune a member when the admin accepts it', async () => {
    const fenay = await editorOf('Fénay')
    const { editor } = fenay
    const commune = await joinableFor(fenay.commune)
    const target = commune.joinable.find((o) => o.openness === 'OPEN')!
    const asked = await editor.client(requestToJoin, { i: { actionId: target.action.id, organisationId: commune.id, note: 'Vu en conseil municipal', clientMutationId: randomUUID() } })
    expect(asked.data?.requestToJoin).toMatchObject({ __typename: 'RequestToJoinSuccess', request: { status: 'PENDING' } })
    // The commune's editor sees the request pending; a visitor only sees the action still open.
    const seenByEditor = await editor.client<Joinable>(joinableQuery, { inseeCode: fenay.commune.inseeCode })
    expect(seenByEditor.data?.commune.joinable.find((o) => o.action.id === target.action.id)?.pendingRequest).toBe(true)
    expect((await joinableFor(fenay.commune)).joinable.find((o) => o.action.id === target.action.id)?.pendingRequest).toBe(false)

    const accepted = await admin.client(decide, { i: { requestId: asked.data!.requestToJoin.request.id, accept: true, since: '2027-01-01', deliberationRef: 'DEL-2026-118', deliberationDate: '2026-11-20' } })
    expect(accepted.data?.decideJoinRequest).toMatchObject({ request: { status: 'ACCEPTED', deliberationRef: 'DEL-2026-118' } })
    const after = await joinableFor(fenay.commune)
    expect(after.joinable.map((o) => o.action.id)).not.toContain(target.action.id)
    const history = await admin.client('query ($id: ID!) { node(id: $id) { ... on Action { joinRequests { status organisation { name } } participants { state since organisation { name } } } } }', { id: target.action.id })
    expect(history.data?.node.joinRequests).toEqual([{ status: 'ACCEPTED', organisation: { name: 'Fénay' } }])
    expect(history.data?.node.participants).toContainEqual({ state: 'MEMBER', since: '2027-01-01', organisation: { name: 'Fénay' } })
  })

  it('records a decline with its reason, keeps it in the action’s history and leaves the action joinable', async () => {
    const ouges = await editorOf('Ouges')
    const { editor } = ouges
    const commune = await joinableFor(ouges.commune)
    const target = commune.joinable[0]
    const asked = await editor.client(requestToJoin, { i: { actionId: target.action.id, organisationId: commune.id, clientMutationId: randomUUID() } })
    const declined = await admin.client(decide, { i: { requestId: asked.data!.requestToJoin.request.id, accept: false, reason: 'Périmètre complet pour 2027' } })
    expect(declined.data?.decideJoinRequest).toMatchObject({ request: { status: 'DECLINED', declineReason: 'Périmètre complet pour 2027' } })
    expect((await joinableFor(ouges.commune)).joinable.find((o) => o.action.id === target.action.id)?.pendingRequest).toBe(false)
    const again = await admin.client(decide, { i: { requestId: asked.data!.requestToJoin.request.id, accept: true, deliberationRef: 'X', deliberationDate: '2026-11-20' } })
    expect(again.data?.decideJoinRequest).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' })
  })

  it('refuses to let a commune ask for something it is already in', async () => {
    const { editor, memberOf } = await editorOf('Dijon')
    const member = await db.participation.findFirstOrThrow({ where: { actionId: memberOf[0].id, state: 'MEMBER', action: { openness: 'OPEN' } } })
    const result = await editor.client(requestToJoin, { i: { actionId: encodeGlobalID('Action', member.actionId), organisationId: encodeGlobalID('Organisation', member.organisationId), clientMutationId: randomUUID() } })
    expect(result.data?.requestToJoin).toMatchObject({ __typename: 'ValidationError', message: 'Votre organisation participe déjà à cette action.' })
  })
})

describe('join request replays', () => {
  it('answers its sender’s replay with the same request, and refuses the id to another commune without showing that request', async () => {
    const [longvicCommune, ahuyCommune] = [await editorOf('Longvic'), await editorOf('Ahuy')]
    const [longvic, ahuy] = [longvicCommune.editor, ahuyCommune.editor]
    const [longvicPage, ahuyPage] = [await joinableFor(longvicCommune.commune), await joinableFor(ahuyCommune.commune)]
    const sent = { actionId: longvicPage.joinable.find((o) => o.openness === 'OPEN')!.action.id, organisationId: longvicPage.id, note: 'Note interne de Longvic', clientMutationId: randomUUID() }
    const asked = await longvic.client(requestWithNote, { i: sent })
    const replayed = await longvic.client(requestWithNote, { i: sent })
    expect(replayed.data?.requestToJoin.request.id).toBe(asked.data?.requestToJoin.request.id)

    const reused = await ahuy.client(requestWithNote, { i: { actionId: ahuyPage.joinable.find((o) => o.openness === 'OPEN')!.action.id, organisationId: ahuyPage.id, clientMutationId: sent.clientMutationId } })
    expect(reused.data?.requestToJoin).toMatchObject({ __typename: 'ValidationError', field: 'clientMutationId' })
    expect(JSON.stringify(reused)).not.toContain('Note interne de Longvic')
    const posing = await ahuy.client(requestWithNote, { i: { ...sent, note: null } })
    expect(posing.errors?.[0].extensions?.code).toBe('FORBIDDEN')
    expect(JSON.stringify(posing)).not.toContain('Note interne de Longvic')
  })

  it('takes a request sent 20 times at once once, and answers every copy with it', async () => {
    const daix = await editorOf('Daix')
    const { client } = daix.editor
    const commune = await joinableFor(daix.commune)
    // A few rounds, each on another action: a copy loses the race only when a twin commits in the middle of its work.
    const opportunities = commune.joinable.filter((o) => o.openness === 'OPEN').slice(0, 3)
    expect(opportunities).toHaveLength(3)
    for (const opportunity of opportunities) {
      const sent = { actionId: opportunity.action.id, organisationId: commune.id, clientMutationId: randomUUID() }
      const results = await sentTogether(20, () => client(requestToJoin, { i: sent }))
      const payloads = results.map((r) => r.data?.requestToJoin)
      expect(payloads.map((p) => p?.__typename)).toEqual(Array(20).fill('RequestToJoinSuccess'))
      expect(new Set(payloads.map((p) => p.request.id)).size).toBe(1)
      expect(await db.joinRequest.count({ where: { clientMutationId: sent.clientMutationId } })).toBe(1)
    }
  })
})

describe('audit log', () => {
  it('records who changed what, before and after, for every write', async () => {
    const action = await anAction(territory, { status: 'IN_PROGRESS' })
    const before = await db.auditEntry.count()
    await admin.client('mutation ($id: ID!, $v: Int!) { updateAction(id: $id, expectedVersion: $v, input: { status: ABANDONED }) { __typename } }', { id: encodeGlobalID('Action', action.id), v: action.version })
    expect(await db.auditEntry.count()).toBe(before + 1)
    const log = await admin.client<{ auditLog: { edges: Array<{ node: { operation: string; actorLabel: string; before: string; after: string; entityId: string } }> } }>(
      '{ auditLog(first: 1) { edges { node { operation actorLabel before after entityId } } } }',
    )
    const entry = log.data!.auditLog.edges[0].node
    expect(entry).toMatchObject({ operation: 'updateAction', actorLabel: 'Test ADMIN (ADMIN)', entityId: action.id })
    expect(JSON.parse(entry.before).status).toBe(action.status)
    expect(JSON.parse(entry.after).status).toBe('ABANDONED')
  })

  it('never writes password hashes into the log', async () => {
    await admin.client('mutation { createUser(input: { email: "nouveau@test.mutualis.fr", name: "Nouveau", role: ANALYST, password: "un mot de passe solide" }) { __typename } }')
    const entry = await db.auditEntry.findFirstOrThrow({ where: { operation: 'createUser' }, orderBy: { createdAt: 'desc' } })
    expect(entry.after).toContain('[secret]')
    expect(entry.after).not.toMatch(/scrypt\$/)
  })
})
