// A commune's pending request to join (the REQUESTED participation it creates) shows exactly to the
// audience of joinRequests — the admins and analysts of its territory, the editors of the commune —
// through every path that lists participations: the list, an action, a commune, joinable, the
// matrix, the statistics and the CSV export.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { parse } from 'csv-parse/sync'
import { createHttpHandler } from '@mutualis/api/http/handler.ts'
import { as } from '../fixtures/accounts.ts'
import { callers, signInCallers, type Caller } from '../fixtures/callers.ts'
import { listenDuringTests } from '../fixtures/http-server.ts'
import { anAction, anOffer, aTerritory, someCommunes } from '../fixtures/builders.ts'

const audience: Record<Caller, boolean> = { anonymous: false, editorOwn: true, editorOther: false, analyst: true, admin: true, adminElsewhere: false }
let signedIn: Awaited<ReturnType<typeof signInCallers>>
const server = listenDuringTests(createHttpHandler(() => false))

let commune: { id: string; name: string; inseeCode: string }
let action: { id: string; title: string; sharedServiceName: string; offerId: string }

let siren: string

beforeAll(async () => {
  const territory = await aTerritory()
  siren = territory.siren
  // An open action of a service commun offered to every commune, that a commune has no part in yet: it asks to join.
  const [outsider, another, member] = await someCommunes(territory, 3)
  const offer = await anOffer(territory, { name: 'Service commun des archives', kind: 'SERVICE_COMMUN', eligibility: 'ALL_COMMUNES', members: [member] })
  const open = await anAction(territory, { title: 'Mutualiser les archives', offer, openness: 'OPEN', status: 'IN_PROGRESS', participants: [member] })
  commune = { id: outsider.id, name: outsider.name, inseeCode: outsider.inseeCode! }
  action = { id: open.id, title: open.title, sharedServiceName: offer.name, offerId: offer.id }
  signedIn = await signInCallers(territory, outsider, another)
  const asked = await as(signedIn.cookies.editorOwn!)('mutation ($i: RequestToJoinInput!) { requestToJoin(input: $i) { __typename } }', {
    i: { actionId: encodeGlobalID('Action', open.id), organisationId: encodeGlobalID('Commune', outsider.id), clientMutationId: randomUUID() },
  })
  expect(asked.data?.requestToJoin.__typename).toBe('RequestToJoinSuccess')
})

const read = async (caller: Caller, document: string, variables: Record<string, unknown> = {}) => {
  const result = await signedIn.run<any>(caller, document, variables)
  expect(result.errors).toBeUndefined()
  return result.data!
}

describe.each(callers)('%s', (caller) => {
  const sees = audience[caller]

  it(`${sees ? 'sees' : 'does not see'} the request in participations(filter: { state: [REQUESTED] })`, async () => {
    const data = await read(caller, 'query ($a: ID!) { participations(filter: { state: [REQUESTED], action: $a }) { totalCount edges { node { organisation { name } } } } }', { a: encodeGlobalID('Action', action.id) })
    expect(data.participations.totalCount).toBe(sees ? 1 : 0)
    expect(data.participations.edges.map((e: any) => e.node.organisation.name)).toEqual(sees ? [commune.name] : [])
  })

  it(`${sees ? 'sees' : 'does not see'} it among the action's participants and the commune's participations`, async () => {
    const data = await read(caller, 'query ($a: ID!, $insee: String!) { node(id: $a) { ... on Action { participants { state organisation { name } } } } commune(inseeCode: $insee) { participations { state action { title } } } }', { a: encodeGlobalID('Action', action.id), insee: commune.inseeCode })
    expect(data.node.participants.some((p: any) => p.state === 'REQUESTED' && p.organisation.name === commune.name)).toBe(sees)
    expect(data.commune.participations.some((p: any) => p.state === 'REQUESTED' && p.action.title === action.title)).toBe(sees)
  })

  it(`${sees ? 'is told' : 'is not told'} of it by joinable { pendingRequest }, the action staying joinable`, async () => {
    const data = await read(caller, 'query ($insee: String!) { commune(inseeCode: $insee) { joinable { pendingRequest action { id } } } }', { insee: commune.inseeCode })
    const entry = data.commune.joinable.find((j: any) => j.action.id === encodeGlobalID('Action', action.id))
    expect(entry).toEqual({ pendingRequest: sees, action: { id: encodeGlobalID('Action', action.id) } })
  })

  it(`${sees ? 'sees' : 'does not see'} the offer as REQUESTED in Commune.offers (JOINABLE otherwise)`, async () => {
    const data = await read(caller, 'query ($insee: String!) { commune(inseeCode: $insee) { offers { membership pendingRequest offer { id } } } }', { insee: commune.inseeCode })
    const entry = data.commune.offers.find((o: any) => o.offer.id === encodeGlobalID('Offer', action.offerId))
    expect(entry).toEqual({ membership: sees ? 'REQUESTED' : 'JOINABLE', pendingRequest: sees, offer: { id: encodeGlobalID('Offer', action.offerId) } })
  })

  it(`${sees ? 'sees' : 'does not see'} « Demande en cours » in the membership matrix`, async () => {
    const data = await read(caller, 'query ($t: String) { membershipMatrix(territory: $t) { sharedServices { name } rows { commune { name } cells } } }', { t: siren })
    const column = data.membershipMatrix.sharedServices.findIndex((s: any) => s.name === action.sharedServiceName)
    const row = data.membershipMatrix.rows.find((r: any) => r.commune.name === commune.name)
    expect(row.cells[column] === 'REQUESTED').toBe(sees)
  })

  it(`${sees ? 'finds' : 'does not find'} it in /export/participations.csv?state=REQUESTED`, async () => {
    const cookie = signedIn.cookies[caller]
    const response = await fetch(`${server.origin}/export/participations.csv?state=REQUESTED&territory=${siren}`, { headers: cookie ? { cookie } : {} })
    expect(response.status).toBe(200)
    const rows = parse(await response.text(), { bom: true, delimiter: ';' }) as string[][]
    expect(rows.slice(1).some((row) => row.includes(commune.name) && row.includes(action.title))).toBe(sees)
  })
})
