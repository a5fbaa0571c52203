import { afterEach, describe, expect, it, vi } from 'vitest'
import { CommunePageQuery } from '@mutualis/schema/documents/commune'
import { OfferPageQuery } from '@mutualis/schema/documents/offer'
import { RecordProgressMutation } from '@mutualis/schema/documents/outbox'
import { sentRequest } from '@mutualis/schema/sent'
import { createMutualisClient } from '../../apps/pwa/src/lib/client.ts'

afterEach(() => vi.unstubAllGlobals())

/** The app's own client (graphcache, fetch) with an empty stored cache, and what it puts on the wire. */
function appClient() {
  const sent: Array<{ method: string; operationName?: string; query: string; variables: unknown }> = []
  vi.stubGlobal('fetch', async (input: string, init: RequestInit) => {
    if (init.method === 'GET') {
      const search = new URL(input, 'http://mutualis.test').searchParams
      sent.push({ method: 'GET', operationName: search.get('operationName') ?? undefined, query: search.get('query')!, variables: JSON.parse(search.get('variables')!) })
    } else {
      sent.push({ method: init.method!, ...JSON.parse(String(init.body)) })
    }
    return new Response(JSON.stringify({ data: null }), { headers: { 'content-type': 'application/json' } })
  })
  const { client } = createMutualisClient((onHydrated) => ({ readData: async () => (onHydrated(), {}), writeData: async () => undefined, readMetadata: async () => [], writeMetadata: () => undefined, onOnline: () => undefined }))
  return { client, sent }
}

// Tests and the bench send sentRequest(document, variables) to measure what phones ask of the API.
describe('the request the tests and the bench send for a document', () => {
  it('is the text the app sends for the commune page and the offer page, __typename fields included', async () => {
    const { client, sent } = appClient()
    await client.query(CommunePageQuery, { inseeCode: '21166' }).toPromise()
    await client.query(OfferPageQuery, { id: 'T2ZmZXI6MQ==' }).toPromise()

    expect(sent).toEqual([
      { method: 'GET', ...sentRequest(CommunePageQuery, { inseeCode: '21166' }) },
      { method: 'GET', ...sentRequest(OfferPageQuery, { id: 'T2ZmZXI6MQ==' }) },
    ])
    expect(sent[0].query).toMatch(/offer \{\n\s+id\n\s+name[\s\S]*__typename/)
  })

  it('is the text the app sends when it records a point d’avancement', async () => {
    const { client, sent } = appClient()
    const input = { actionId: 'QWN0aW9uOjE=', status: 'IN_PROGRESS' as const, note: 'Point du comité.', date: '2026-11-20', clientMutationId: 'b0d5c9a4-0000-4000-8000-000000000001', expectedVersion: 3 }
    await client.mutation(RecordProgressMutation, { input }).toPromise()

    expect(sent).toEqual([{ method: 'POST', ...sentRequest(RecordProgressMutation, { input }) }])
  })
})
