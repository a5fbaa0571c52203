// Every type that implements Node, reached by its global id through node and nodes, by every kind
// of caller: what is private shows to its audience only, and to anyone else reads as nothing at all.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { db } from '@mutualis/api/db.ts'
import { as } from '../fixtures/accounts.ts'
import { callers, signInCallers, type Caller } from '../fixtures/callers.ts'
import { graphql } from '../fixtures/graphql.ts'

const everyone = callers
let signedIn: Awaited<ReturnType<typeof signInCallers>>
/** One object of each Node type, by global id, with a field that only someone allowed may read. */
const objects: Record<string, { id: string; field: string; value: unknown }> = {}

beforeAll(async () => {
  const dijon = await db.territory.findUniqueOrThrow({ where: { siren: '242100410' } })
  const [chenove, talant] = await Promise.all(['Chenôve', 'Talant'].map((name) => db.organisation.findFirstOrThrow({ where: { territoryId: dijon.id, name } })))
  signedIn = await signInCallers(chenove.name, talant.name)
  const { accounts, cookies } = signedIn

  // Chenôve's editor asks to join an open action (a private note), and makes a token for a script.
  const open = await db.action.findFirstOrThrow({ where: { territoryId: dijon.id, openness: 'OPEN', status: { not: 'ABANDONED' }, openTo: { none: {} }, participants: { none: { organisationId: chenove.id } } } })
  const asked = await as(cookies.editorOwn!)(
    'mutation ($i: RequestToJoinInput!) { requestToJoin(input: $i) { ... on RequestToJoinSuccess { request { id } } } }',
    { i: { actionId: encodeGlobalID('Action', open.id), organisationId: encodeGlobalID('Commune', chenove.id), note: 'Note privée du maire', clientMutationId: randomUUID() } },
  )
  const token = await as(cookies.editorOwn!)('mutation { createApiToken(name: "script") { ... on CreatedApiToken { token { id } } } }')
  const audit = await db.auditEntry.findFirstOrThrow({ where: { territoryId: dijon.id, operation: 'requestToJoin' }, orderBy: { createdAt: 'desc' } })

  const [domain, update, service, contract, offer, tokenRow] = await Promise.all([
    db.domain.findFirstOrThrow({ where: { territoryId: dijon.id } }),
    db.progressUpdate.findFirstOrThrow(),
    db.offer.findFirstOrThrow({ where: { territoryId: dijon.id, kind: 'SERVICE_COMMUN' } }),
    db.offer.findFirstOrThrow({ where: { territoryId: dijon.id, kind: { in: ['GROUPEMENT_DE_COMMANDES', 'CENTRALE_D_ACHAT'] } } }),
    db.offer.findFirstOrThrow({ where: { territoryId: dijon.id, kind: 'CONVENTION_DE_GESTION' } }),
    db.apiToken.findFirstOrThrow({ where: { userId: accounts.editorOwn.user.id } }),
  ])
  Object.assign(objects, {
    Territory: { id: encodeGlobalID('Territory', dijon.id), field: 'name', value: dijon.name },
    Organisation: { id: encodeGlobalID('Organisation', talant.id), field: 'name', value: talant.name },
    Commune: { id: encodeGlobalID('Commune', chenove.id), field: 'name', value: chenove.name },
    Domain: { id: encodeGlobalID('Domain', domain.id), field: 'name', value: domain.name },
    Action: { id: encodeGlobalID('Action', open.id), field: 'title', value: open.title },
    ProgressUpdate: { id: encodeGlobalID('ProgressUpdate', update.id), field: 'text', value: update.text },
    SharedService: { id: encodeGlobalID('SharedService', service.id), field: 'name', value: service.name },
    JointContract: { id: encodeGlobalID('JointContract', contract.id), field: 'subject', value: contract.name },
    Offer: { id: encodeGlobalID('Offer', offer.id), field: 'name', value: offer.name },
    User: { id: encodeGlobalID('User', accounts.editorOwn.user.id), field: 'email', value: accounts.editorOwn.email },
    JoinRequest: { id: asked.data!.requestToJoin.request.id, field: 'note', value: 'Note privée du maire' },
    AuditEntry: { id: encodeGlobalID('AuditEntry', audit.id), field: 'after', value: audit.after },
    ApiToken: { id: token.data!.createApiToken.token.id, field: 'prefix', value: tokenRow.prefix },
  })
})

/** Who may read each type: published ones everyone (no territory asks for a login here). */
const audiences: Record<string, Caller[]> = {
  Territory: everyone, Organisation: everyone, Commune: everyone, Domain: everyone, Action: everyone,
  ProgressUpdate: everyone, SharedService: everyone, JointContract: everyone, Offer: everyone,
  User: ['editorOwn', 'admin'],
  JoinRequest: ['editorOwn', 'analyst', 'admin'],
  AuditEntry: ['admin'],
  ApiToken: ['editorOwn'],
}

const run = (caller: Caller, document: string, variables: Record<string, unknown>) => signedIn.run<any>(caller, document, variables)

it('covers every type that implements Node', async () => {
  const { data } = await graphql<{ __type: { possibleTypes: Array<{ name: string }> } }>('{ __type(name: "Node") { possibleTypes { name } } }')
  expect(data!.__type.possibleTypes.map((t) => t.name).sort()).toEqual(Object.keys(audiences).sort())
})

describe.each(Object.keys(audiences))('%s', (typename) => {
  it.each(callers)('%s', async (caller) => {
    const { id, field, value } = objects[typename]
    const selection = `__typename id ... on ${typename} { ${field} }`
    const single = await run(caller, `query ($id: ID!) { node(id: $id) { ${selection} } }`, { id })
    const many = await run(caller, `query ($ids: [ID!]!) { nodes(ids: $ids) { ${selection} } }`, { ids: [id] })
    expect(single.errors).toBeUndefined()
    expect(many.errors).toBeUndefined()
    if (audiences[typename].includes(caller)) {
      expect(single.data!.node).toEqual({ __typename: typename, id, [field]: value })
      expect(many.data!.nodes).toEqual([single.data!.node])
    } else {
      // Exactly what an id of nothing gives: no way to tell a private object from a missing one.
      expect(single.data).toEqual({ node: null })
      expect(many.data).toEqual({ nodes: [null] })
    }
  })
})
