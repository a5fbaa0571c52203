import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { db } from '@mutualis/api/db.ts'
import { countSql, graphql, query } from '../fixtures/graphql.ts'
import { aCommune, aJoinRequest, anAction, aParticipation, aSignedInUser, aTerritory, aUser, someCommunes, type ActionFields, type BuiltTerritory } from '../fixtures/builders.ts'

// What the source document implies for Dijon's actions on given days: history-seed.test.ts.

const recordProgress = /* GraphQL */ `
  mutation ($input: RecordProgressInput!) {
    recordProgress(input: $input) { __typename ... on RecordProgressSuccess { action { status version } } ... on UserError { message } }
  }
`
const statusOn = /* GraphQL */ `
  query ($id: ID!, $before: Date!, $after: Date!) {
    node(id: $id) { ... on Action { before: statusAsOf(date: $before) { status basis } after: statusAsOf(date: $after) { status basis update { text } } } }
  }
`

let territory: BuiltTerritory
let admin: Awaited<ReturnType<typeof aSignedInUser>>
beforeAll(async () => {
  territory = await aTerritory()
  admin = await aSignedInUser(territory, { role: 'ADMIN' })
})

async function record(client: typeof admin.client, { id }: { id: string }, status: string, date: string, note: string) {
  const action = await db.action.findUniqueOrThrow({ where: { id } })
  const input = { actionId: encodeGlobalID('Action', action.id), status, note, date, clientMutationId: randomUUID(), expectedVersion: action.version }
  const result = await client(recordProgress, { input })
  expect(result.data?.recordProgress.__typename).toBe('RecordProgressSuccess')
  return encodeGlobalID('Action', action.id)
}

describe('asOf', () => {
  it('gives the status before and after a recorded point d’avancement', async () => {
    const action = await anAction(territory, { status: 'IN_PROGRESS', progress: [{ date: '2023-03-01', status: 'IN_PROGRESS', text: 'Convention en préparation.' }] })
    const id = await record(admin.client, action, 'IMPLEMENTED', '2024-06-01', 'Service commun créé au 1er juin 2024.')
    const { node } = await query(statusOn, { id, before: '2024-05-31', after: '2024-06-01' })
    expect(node.before).toEqual({ status: 'IN_PROGRESS', basis: 'UPDATE' })
    expect(node.after).toEqual({ status: 'IMPLEMENTED', basis: 'UPDATE', update: { text: 'Service commun créé au 1er juin 2024.' } })
  })

  it('keeps the status an action was loaded with before its first recorded update', async () => {
    const action = await anAction(territory, { status: 'TO_STUDY' })
    const id = await record(admin.client, action, 'IN_PROGRESS', '2025-02-10', 'Étude lancée.')
    const { node } = await query(statusOn, { id, before: '2025-02-09', after: '2025-02-10' })
    expect(node.before).toEqual({ status: 'TO_STUDY', basis: 'BASELINE' })
    expect(node.after.status).toBe('IN_PROGRESS')
  })

  it('costs the same number of SQL statements for a page of 20 actions as for a page of 120', async () => {
    const own = await aTerritory()
    for (let i = 0; i < 120; i++) {
      await anAction(own, { status: 'IN_PROGRESS', progress: i % 2 ? [{ date: '2022-01-15', status: 'PLANNED', text: `Point ${i}` }, { date: '2022-06-01', status: 'IN_PROGRESS', text: `Suite ${i}` }] : [] })
    }
    const page = (first: number) => countSql(() => query(`query ($first: Int, $t: String) { actions(first: $first, territory: $t) { edges { node { title statusAsOf(date: "2022-06-30") { status update { text } } } } } }`, { first, t: own.siren }))
    expect((await page(120)).count).toBe((await page(20)).count)
  })
})

const changesQuery = /* GraphQL */ `
  query ($from: Date!, $to: Date, $territory: String) {
    changes(from: $from, to: $to, territory: $territory) {
      from to
      statusChanges { date from to toLabel action { key } update { text } }
      completed: statusChanges(to: [IMPLEMENTED]) { action { key } }
      newMembers { since organisation { name } action { key } }
      progressUpdates { date text }
      joinRequests { status organisation { name } }
    }
  }
`

/** Actions of a territory of their own, their points d'avancement around 2022, as a source document would give them. */
const history: ActionFields[] = [
  { status: 'IMPLEMENTED', progress: [{ date: '2021-06-01', status: 'PLANNED', text: 'Étude prévue.' }, { date: '2022-03-01', status: 'IN_PROGRESS', text: 'Étude lancée.' }, { date: '2022-12-15', status: 'IMPLEMENTED', text: 'Service créé.' }] },
  { status: 'PLANNED', progress: [{ date: '2022-05-10', status: 'PLANNED', text: 'Inscrit au budget.' }, { date: '2022-08-01', status: 'PLANNED', text: 'Toujours prévu.' }] },
  { status: 'TO_STUDY' },
  { status: 'IMPLEMENTED', progress: [{ date: '2023-02-01', status: 'IMPLEMENTED', text: 'Mis en œuvre en 2023.' }] },
  { status: 'IMPLEMENTED', progress: [{ date: '2021-11-01', status: 'IN_PROGRESS', text: 'Marché en cours.' }, { date: '2022-01-01', status: 'IMPLEMENTED', text: 'Marché notifié.' }] },
]

describe('changes between two dates', () => {
  it('lists the status changes, new members and points d’avancement of 2022 as the actions’ history implies', async () => {
    const own = await aTerritory()
    const [ahuy, daix, fenay] = await someCommunes(own, ['Ahuy', 'Daix', 'Fénay'])
    const actions = []
    for (const fields of history) actions.push({ ...(await anAction(own, fields)), fields })
    await aParticipation(actions[0], ahuy, { since: '2022-02-01' })
    await aParticipation(actions[1], daix, { since: '2022-12-31' })
    await aParticipation(actions[1], ahuy, { since: '2021-12-31' })
    await aParticipation(actions[2], fenay, { state: 'PLANNED', since: '2022-06-01' })
    await aParticipation(actions[3], fenay, { since: '2023-01-01' })

    const { changes } = await query(changesQuery, { from: '2022-01-01', to: '2022-12-31', territory: own.siren })
    const inYear = (date: string | null) => date !== null && date >= '2022-01-01' && date <= '2022-12-31'
    const expectedChanges = actions.flatMap((action) => {
      const progress = action.fields.progress ?? []
      let previous: string = progress.length > 0 ? 'NOT_REPORTED' : action.status
      return progress.flatMap((p) => {
        const date = p.date as string
        const change = inYear(date) && p.status !== previous ? [{ key: action.key, from: previous, to: p.status, date }] : []
        previous = p.status
        return change
      })
    })
    expect(expectedChanges).toHaveLength(4)
    const got = changes.statusChanges.map((c: any) => ({ key: c.action.key, from: c.from, to: c.to, date: c.date }))
    expect(got).toEqual(expect.arrayContaining(expectedChanges))
    expect(got).toHaveLength(expectedChanges.length)
    expect(got.map((c: { date: string }) => c.date)).toEqual(got.map((c: { date: string }) => c.date).sort())
    expect(changes.completed.map((c: any) => c.action.key).sort()).toEqual(expectedChanges.filter((c) => c.to === 'IMPLEMENTED').map((c) => c.key).sort())

    expect(changes.progressUpdates.map((p: { text: string }) => p.text).sort()).toEqual(
      history.flatMap((a) => a.progress ?? []).filter((p) => inYear(p.date as string)).map((p) => p.text).sort(),
    )
    const members = await db.participation.findMany({ where: { action: { territoryId: own.id }, state: 'MEMBER', since: { gte: new Date('2022-01-01'), lte: new Date('2022-12-31') } } })
    expect(members).toHaveLength(2)
    expect(changes.newMembers).toHaveLength(members.length)
    for (const member of changes.newMembers) expect(inYear(member.since)).toBe(true)
  })

  it('includes a status change recorded for the period, and hides requests to join from the public', async () => {
    const own = await aTerritory()
    const ownAdmin = await aSignedInUser(own, { role: 'ADMIN' })
    const action = await anAction(own, { status: 'PLANNED' })
    await record(ownAdmin.client, action, 'IN_PROGRESS', '2025-09-15', 'Marché lancé.')
    const { user } = await aUser(own, { role: 'ADMIN' })
    const commune = await aCommune(own, { name: 'Talant' })
    await aJoinRequest(action, commune, user, { createdAt: new Date('2025-09-20T10:00:00Z') })

    const publicView = (await query(changesQuery, { from: '2025-09-01', to: '2025-09-30', territory: own.siren })).changes
    expect(publicView.statusChanges).toEqual([
      { date: '2025-09-15', from: 'PLANNED', to: 'IN_PROGRESS', toLabel: 'En cours', action: { key: action.key }, update: { text: 'Marché lancé.' } },
    ])
    expect(publicView.joinRequests).toBeNull()

    const analyst = await aSignedInUser(own, { role: 'ANALYST' })
    const privateView = (await analyst.client(changesQuery, { from: '2025-09-01', to: '2025-09-30', territory: own.siren })).data!.changes
    expect(privateView.joinRequests).toEqual([{ status: 'PENDING', organisation: { name: 'Talant' } }])
  })

  it('refuses a period that ends before it starts', async () => {
    const result = await graphql(changesQuery, { from: '2022-12-31', to: '2022-01-01', territory: territory.siren })
    expect(result.errors?.[0].message).toMatch(/précède/)
  })
})
