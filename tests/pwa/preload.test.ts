import { afterEach, describe, expect, it, vi } from 'vitest'
import { CommunePageQuery } from '@mutualis/schema/documents/commune'
import { createMutualisClient } from '../../apps/pwa/src/lib/client.ts'
import { preloadQuery } from '../../apps/pwa/src/lib/preload.ts'

const commune = { __typename: 'Commune', id: 'Q29tbXVuZTox', inseeCode: '21166', name: 'Chenôve', territory: { __typename: 'Territory', id: 'VGVycml0b3J5OjE=', siren: '242100410' }, offers: [], impact: { __typename: 'CommuneImpact', year: 2026, annualCost: 0, annualCostLabel: '0 €', unknownCostOffers: 0, staffFte: 0, staffFteLabel: '0 ETP', byOffer: [] } }

afterEach(() => vi.unstubAllGlobals())

describe('the first screen’s data, asked for while the app starts', () => {
  it('is sent once: the GraphQL client takes the answer already on its way instead of asking again', async () => {
    const send = vi.fn(async () => new Response(JSON.stringify({ data: { commune } }), { headers: { 'content-type': 'application/json' } }))
    vi.stubGlobal('fetch', send)
    // The app's own client (its graphcache and fetch, which the request must match), with a stored cache that is empty.
    const { client } = createMutualisClient((onHydrated) => ({ readData: async () => (onHydrated(), {}), writeData: async () => undefined, readMetadata: async () => [], writeMetadata: () => undefined, onOnline: () => undefined }))

    preloadQuery(client, CommunePageQuery, { inseeCode: '21166' })
    expect(send).toHaveBeenCalledTimes(1)
    const result = await client.query(CommunePageQuery, { inseeCode: '21166' }).toPromise()

    expect(result.data?.commune?.name).toBe('Chenôve')
    expect(send).toHaveBeenCalledTimes(1)
    // Another commune is not the one asked for ahead: it goes to the server.
    await client.query(CommunePageQuery, { inseeCode: '21231' }).toPromise()
    expect(send).toHaveBeenCalledTimes(2)
  })
})
