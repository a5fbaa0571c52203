import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Viewer } from '@mutualis/schema/documents/viewer'

// Several intercommunalités in one service: each reader reads their own, and is asked once.

const dijon = { __typename: 'Territory', id: 'VGVycml0b3J5OjE=', siren: '242100410', name: 'Dijon Métropole' }
const other = { __typename: 'Territory', id: 'VGVycml0b3J5OjI=', siren: '200000001', name: 'Communauté de communes d’essai' }

let modules: Awaited<ReturnType<typeof load>>
async function load() {
  // Fresh modules each time: the choice remembered on the device is module state.
  vi.resetModules()
  return {
    scope: await import('../../apps/pwa/src/components/territory-scope.tsx'),
    query: await import('../../apps/pwa/src/lib/query.ts'),
    viewer: await import('../../apps/pwa/src/lib/viewer.ts'),
    client: await import('../../apps/pwa/src/lib/client.ts'),
  }
}

function serve(territories: object[]) {
  const asked: string[] = []
  const send = vi.fn(async (input: RequestInfo | URL) => {
    const name = new URL(String(input), 'http://mutualis.test').searchParams.get('operationName') ?? ''
    asked.push(name)
    return new Response(JSON.stringify({ data: { territories } }), { headers: { 'content-type': 'application/json' } })
  })
  vi.stubGlobal('fetch', send)
  // The app's own client (graphcache and all) over a stored cache that is empty.
  const { client } = modules.client.createMutualisClient((onHydrated) => ({ readData: async () => (onHydrated(), {}), writeData: async () => undefined, readMetadata: async () => [], writeMetadata: () => undefined, onOnline: () => undefined }))
  return { client, asked }
}

function show(client: ReturnType<typeof serve>['client'], viewer: () => Viewer | null = () => null, accountKnown: () => boolean = () => true) {
  const { scope, query, viewer: viewerModule } = modules
  query.markCacheReady()
  render(() => (
    <query.ClientProvider value={client}>
      <viewerModule.ViewerContext.Provider value={{ viewer, known: accountKnown }}>
        <scope.TerritoryScope>{(siren) => <p>Lecture du territoire {siren}</p>}</scope.TerritoryScope>
      </viewerModule.ViewerContext.Provider>
    </query.ClientProvider>
  ))
}

beforeEach(async () => {
  localStorage.clear()
  modules = await load()
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('the reader’s intercommunalité', () => {
  it('is the only one the service holds, without asking', async () => {
    show(serve([dijon]).client)
    expect(await screen.findByText('Lecture du territoire 242100410')).toBeVisible()
    expect(screen.queryByRole('button', { name: 'Changer d’intercommunalité' })).toBeNull()
  })

  it('is asked for once among several, found by name, remembered on the device, and can be changed', async () => {
    show(serve([other, dijon]).client)
    fireEvent.input(await screen.findByLabelText('Rechercher votre intercommunalité (nom ou SIREN)'), { target: { value: 'dijon' } })
    fireEvent.click(screen.getByRole('button', { name: 'Dijon Métropole' }))
    expect(await screen.findByText('Lecture du territoire 242100410')).toBeVisible()
    expect(localStorage.getItem('mutualis.territory')).toBe('242100410')

    fireEvent.click(await screen.findByRole('button', { name: 'Changer d’intercommunalité' }))
    expect(await screen.findByRole('button', { name: 'Dijon Métropole' })).toBeVisible()
    expect(screen.queryByText(/Lecture du territoire/)).toBeNull()
  })

  it('is the account’s for a signed-in reader, whatever the device remembers, with no list asked for', async () => {
    localStorage.setItem('mutualis.territory', '200000001')
    modules = await load()
    const { client, asked } = serve([other, dijon])
    show(client, () => ({ __typename: 'User', id: 'u1', name: 'Maire', email: 'maire@chenove.test', role: 'EDITOR', territory: { __typename: 'Territory', id: dijon.id, siren: dijon.siren }, organisations: [] }) as unknown as Viewer)
    expect(await screen.findByText('Lecture du territoire 242100410')).toBeVisible()
    expect(asked).toEqual([])
  })

  it('is not asked of a signed-in reader on a new device while the account loads, then is the account’s', async () => {
    const { createSignal } = await import('solid-js')
    const [account, setAccount] = createSignal<Viewer | null>(null)
    const { client, asked } = serve([other, dijon])
    show(client, account, () => account() !== null)
    expect(screen.getByRole('status').textContent).toBe('Chargement…')
    setAccount({ __typename: 'User', id: 'u1', name: 'Maire', email: 'maire@chenove.test', role: 'EDITOR', territory: { __typename: 'Territory', id: dijon.id, siren: dijon.siren }, organisations: [] } as unknown as Viewer)
    expect(await screen.findByText('Lecture du territoire 242100410')).toBeVisible()
    expect(screen.queryByLabelText('Rechercher votre intercommunalité (nom ou SIREN)')).toBeNull()
    expect(asked).toEqual([])
    expect(localStorage.getItem('mutualis.territory')).toBeNull()
  })
})
