import { cleanup, render, screen } from '@solidjs/testing-library'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { TerritoriesQuery } from '@mutualis/schema/documents/territory'
import { QueryState } from '../../apps/pwa/src/components/query-state.tsx'
import { createMutualisClient } from '../../apps/pwa/src/lib/client.ts'
import { ClientProvider, createQuery, markCacheReady } from '../../apps/pwa/src/lib/query.ts'

// How a screen's data arrives: from the network in a task of its own, from the cache at once.

const territories = [{ __typename: 'Territory', id: 'VGVycml0b3J5OjE=', siren: '242100410', name: 'Dijon Métropole' }]

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function Territories() {
  const [result] = createQuery({ query: TerritoriesQuery })
  return <QueryState result={result}>{(data) => <p>{data.territories.map((territory) => territory.name).join(', ')}</p>}</QueryState>
}

describe('a screen’s data', () => {
  it('from the network shows in the next task; opened again, from the cache, it shows at once with no « Chargement… »', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ data: { territories } }), { headers: { 'content-type': 'application/json' } })))
    const { client } = createMutualisClient((onHydrated) => ({ readData: async () => (onHydrated(), {}), writeData: async () => undefined, readMetadata: async () => [], writeMetadata: () => undefined, onOnline: () => undefined }))
    markCacheReady()
    const first = render(() => <ClientProvider value={client}><Territories /></ClientProvider>)
    expect(screen.getByRole('status').textContent).toBe('Chargement…')
    expect(await screen.findByText('Dijon Métropole')).toBeVisible()
    first.unmount()

    render(() => <ClientProvider value={client}><Territories /></ClientProvider>)
    expect(screen.getByText('Dijon Métropole')).toBeVisible()
    expect(screen.queryByRole('status')).toBeNull()
  })
})
