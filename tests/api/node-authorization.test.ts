// Every type that implements Node, reached by its global id through node and nodes, by every kind
// of caller: what is private shows to its audience only, and to anyone else reads as nothing at all.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { db } from '@mutualis/api/db.ts'
import { as } from '../fixtures/accounts.ts'
import { callers, signInCallers, type Caller } from '../fixtures/callers.ts'
import { graphql } from '../fixtures/graphql.ts'
import { aDomain, anAction, anOffer, aTerritory, someCommunes } from '../fixtures/builders.ts'

const everyone = callers
let signedIn: Awaited<ReturnType<typeof signInCallers>>
/** One object of each Node type, by global id, with a field that only someone allowed may read. */
const objects: Record<string, { id: string; field: string; value: unknown }> = {}

beforeAll(async () => {
  const territory = await aTerritory()
  const [chenove, talant] = await someCommunes(territory, ['Chenôve', 'Talant'])
  const domain = await aDomain(territory, { name: 'Commande publique' })
  const service = await anOffer(territory, { name: 'Service commun de la commande publique', kind: 'SERVICE_COMMUN', domain })
  const contract = await anOffer(territory, { name: 'Groupement de commandes du papier', kind: 'GROUPEMENT_DE_COMMANDES', domain })
  const offer = await anOffer(territory, { name: 'Viabilité hivernale', kind: 'CONVENTION_DE_GESTION', eligibility: 'CLOSED', members: [talant] })
  const open = await anAction(territory, { title: 'Mutualiser la commande publique', domain, offer: service, openness: 'OPEN', participants: [talant] })
  await anAction(territory, { domain, offer: contract, progress: [{ date: '2022-05-01', status: 'IN_PROGRESS', text: 'Consultation lancée.' }] })
  signedIn = await signInCallers(territory, chenove, talant)
  const { accounts, cookies } = signedIn

  // Chenôve's editor asks to join an open action (a private note), and makes a token for a script.
  const asked = await as(cookies.editorOwn!)(
    'mutation ($i: RequestToJoinInput!) { requestToJoin(input: $i) { ... on RequestToJoinSuccess { request { id } } } }',
    { i: { actionId: encodeGlobalID('Action', open.id), organisationId: encodeGlobalID('Commune', chenove.id), note: 'Note privée du maire', clientMutationId: randomUUID() } },
  )
  const token = await as(cookies.editorOwn!)('mutation { createApiToken(name: "script") { ... on CreatedApiToken { token { id } } } }')
  const audit = await db.auditEntry.findFirstOrThrow({ where: { territoryId: territory.id, operation: 'requestToJoin' }, orderBy: { createdAt: 'desc' } })
  const [update, tokenRow] = await Promise.all([
    db.progressUpdate.findFirstOrThrow({ where: { action: { territoryId: territory.id } } }),
    db.apiToken.findFirstOrThrow({ where: { userId: accounts.editorOwn.user.id } }),
  ])
  Object.assign(objects, {
    Territory: { id: territory.gid, field: 'name', value: territory.name },
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
