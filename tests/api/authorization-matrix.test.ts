import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { db } from '@mutualis/api/db.ts'
import { signInCallers, type Caller } from '../fixtures/callers.ts'
import { officialRelease } from '@mutualis/api/seed/official-data.ts'
import { anAction, aTerritory, someCommunes } from '../fixtures/builders.ts'
import type { GraphQLResult } from '../fixtures/graphql.ts'

const gid = encodeGlobalID

let ids: Record<string, string>
let signedIn: Awaited<ReturnType<typeof signInCallers>>

let territoryId: string
let memberActionId: string
/** The territory is an EPCI of the official data (not Dijon), so that its admin may refresh it from that data. */
const official = officialRelease().epcis.filter((epci) => epci.type === 'CA')[5]!

beforeAll(async () => {
  // An action some communes are members of and others are not: editors of each side.
  const territory = await aTerritory({ siren: official.code, name: official.nom })
  territoryId = territory.id
  const [member, outsider, other] = await someCommunes(territory, 3)
  const memberAction = await anAction(territory, { openness: 'CLOSED', participants: [member, other] })
  for (let i = 0; i < 5; i++) await anAction(territory, { title: `Action ouverte ${i}`, openness: 'OPEN' })
  signedIn = await signInCallers(territory, member, outsider)
  const { accounts } = signedIn
  ids = {
    member: gid('Organisation', member.id), memberRaw: member.id, memberAction: gid('Action', memberAction.id),
    domain: gid('Domain', memberAction.domainId), editorOwnUser: gid('User', accounts.editorOwn.user.id),
  }
  memberActionId = memberAction.id
})

const version = async () => (await db.action.findUniqueOrThrow({ where: { id: memberActionId } })).version
/** A throwaway action of the territory, so each archive attempt has something to archive. */
const archivable = () => anAction({ id: territoryId }, { title: 'À archiver', instrument: 'ETUDE', status: 'TO_STUDY', openness: 'CLOSED' })

/** An open action the organisation has no part (nor pending request) in yet: each call takes a fresh one. */
const openActionFor = async (organisationId: string) =>
  gid('Action', (await db.action.findFirstOrThrow({ where: { openness: 'OPEN', territoryId, participants: { none: { organisationId } } }, orderBy: { position: 'asc' } })).id)

const run = (caller: Caller, document: string, variables: Record<string, unknown>) => signedIn.run<any>(caller, document, variables)

/** FORBIDDEN or UNAUTHENTICATED when refused; otherwise the type of answer the caller got to see. */
function outcome(result: GraphQLResult<any>): string {
  const code = result.errors?.[0]?.extensions?.code
  if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') return code
  if (result.errors?.length) throw new Error(`unexpected error: ${JSON.stringify(result.errors)}`)
  const typename = (Object.values(result.data ?? {})[0] as { __typename: string }).__typename
  return typename.endsWith('Error') ? typename : 'allowed'
}

const A = 'allowed', F = 'FORBIDDEN', U = 'UNAUTHENTICATED', V = 'ValidationError', N = 'NotFoundError', NA = 'NotAllowedError'
const mutations: Array<{ name: string; document: string; variables: () => Promise<Record<string, unknown>> | Record<string, unknown>; expected: Record<Caller, string> }> = [
  {
    name: 'recordProgress',
    document: 'mutation ($i: RecordProgressInput!) { recordProgress(input: $i) { __typename } }',
    variables: async () => ({ i: { actionId: ids.memberAction, status: 'IN_PROGRESS', note: 'Point', date: '2026-11-01', clientMutationId: randomUUID(), expectedVersion: await version() } }),
    expected: { anonymous: U, admin: A, adminElsewhere: F, editorOwn: A, editorOther: F, analyst: F },
  },
  {
    name: 'requestToJoin',
    document: 'mutation ($i: RequestToJoinInput!) { requestToJoin(input: $i) { __typename } }',
    variables: async () => ({ i: { actionId: await openActionFor(ids.memberRaw), organisationId: ids.member, clientMutationId: randomUUID() } }),
    expected: { anonymous: U, admin: A, adminElsewhere: F, editorOwn: A, editorOther: F, analyst: F },
  },
  {
    name: 'decideJoinRequest',
    document: 'mutation ($i: DecideJoinRequestInput!) { decideJoinRequest(input: $i) { __typename } }',
    variables: () => ({ i: { requestId: gid('JoinRequest', 'unknown'), accept: false, reason: 'Non' } }),
    expected: { anonymous: U, admin: N, adminElsewhere: N, editorOwn: F, editorOther: F, analyst: F },
  },
  {
    name: 'createAction',
    document: 'mutation ($i: ActionFieldsInput!) { createAction(input: $i) { __typename } }',
    variables: () => ({ i: { title: 'Nouvelle action', domainId: ids.domain, instrument: 'ETUDE', status: 'TO_STUDY', openness: 'OPEN' } }),
    expected: { anonymous: U, admin: A, adminElsewhere: V, editorOwn: F, editorOther: F, analyst: F },
  },
  {
    name: 'updateAction',
    document: 'mutation ($id: ID!, $v: Int!, $i: ActionFieldsInput!) { updateAction(id: $id, expectedVersion: $v, input: $i) { __typename } }',
    variables: async () => ({ id: ids.memberAction, v: await version(), i: { description: 'Description revue' } }),
    expected: { anonymous: U, admin: A, adminElsewhere: F, editorOwn: F, editorOther: F, analyst: F },
  },
  {
    name: 'archiveAction',
    document: 'mutation ($id: ID!, $v: Int!) { archiveAction(id: $id, expectedVersion: $v) { __typename } }',
    variables: async () => ({ id: gid('Action', (await archivable()).id), v: 1 }),
    expected: { anonymous: U, admin: A, adminElsewhere: F, editorOwn: F, editorOther: F, analyst: F },
  },
  {
    name: 'saveSharedService',
    document: 'mutation { saveSharedService(input: { name: "Service commun test" }) { __typename } }',
    variables: () => ({}),
    expected: { anonymous: U, admin: A, adminElsewhere: A, editorOwn: F, editorOther: F, analyst: F },
  },
  {
    name: 'saveJointContract',
    document: 'mutation { saveJointContract(input: { subject: "Papier", procedure: CENTRALE_D_ACHAT }) { __typename } }',
    variables: () => ({}),
    expected: { anonymous: U, admin: A, adminElsewhere: A, editorOwn: F, editorOther: F, analyst: F },
  },
  {
    name: 'setParticipation',
    document: 'mutation ($a: ID!, $o: ID!) { setParticipation(input: { actionId: $a, organisationId: $o, role: MEMBER, state: PLANNED }) { __typename } }',
    variables: async () => ({ a: await openActionFor(ids.memberRaw), o: ids.member }),
    expected: { anonymous: U, admin: A, adminElsewhere: F, editorOwn: F, editorOther: F, analyst: F },
  },
  {
    name: 'createUser',
    document: 'mutation ($e: String!) { createUser(input: { email: $e, name: "Nouvel analyste", role: ANALYST, password: "un mot de passe solide" }) { __typename } }',
    variables: () => ({ e: `${randomUUID()}@test.mutualis.fr` }),
    expected: { anonymous: U, admin: A, adminElsewhere: A, editorOwn: F, editorOther: F, analyst: F },
  },
  {
    name: 'updateUser',
    document: 'mutation ($id: ID!) { updateUser(input: { id: $id, name: "Mairie de Chenôve" }) { __typename } }',
    variables: () => ({ id: ids.editorOwnUser }),
    expected: { anonymous: U, admin: A, adminElsewhere: N, editorOwn: F, editorOther: F, analyst: F },
  },
  {
    name: 'updateTerritorySettings',
    document: 'mutation { updateTerritorySettings(requireLoginToRead: false) { __typename } }',
    variables: () => ({}),
    expected: { anonymous: U, admin: A, adminElsewhere: A, editorOwn: F, editorOther: F, analyst: F },
  },
  {
    name: 'createApiToken',
    document: 'mutation { createApiToken(name: "script") { __typename } }',
    variables: () => ({}),
    expected: { anonymous: U, admin: A, adminElsewhere: A, editorOwn: A, editorOther: A, analyst: A },
  },
  {
    // Platform admins only (none of these callers is one: territory-mutations.test.ts has them).
    name: 'createTerritory',
    document: 'mutation { createTerritory(siren: "200000172") { __typename } }',
    variables: () => ({}),
    expected: { anonymous: U, admin: NA, adminElsewhere: NA, editorOwn: NA, editorOther: NA, analyst: NA },
  },
  {
    name: 'refreshTerritory',
    document: 'mutation ($siren: String!) { refreshTerritory(siren: $siren, dryRun: true) { __typename } }',
    variables: () => ({ siren: official.code }),
    expected: { anonymous: U, admin: A, adminElsewhere: NA, editorOwn: NA, editorOther: NA, analyst: NA },
  },
]

describe('authorization matrix', () => {
  for (const mutation of mutations) {
    describe(mutation.name, () => {
      it.each(Object.keys(mutation.expected) as Caller[])('%s', async (caller) => {
        const result = await run(caller, mutation.document, await mutation.variables())
        expect(outcome(result)).toBe(mutation.expected[caller])
      })
    })
  }
})
