import { cleanup, render, screen, waitFor } from '@solidjs/testing-library'
import { createRoot, createSignal } from 'solid-js'
import { afterEach, describe, expect, it } from 'vitest'
import { ProgressHistory } from '../../apps/pwa/src/components/progress-history.tsx'
import type { ProgressUpdate } from '@mutualis/schema/documents/action'
import { createOutbox, type Send } from '../../apps/pwa/src/lib/outbox.ts'
import { memoryOutboxStore } from '../../apps/pwa/src/lib/outbox-store.ts'

afterEach(cleanup)

/** A server that is reachable or not, and the action's history as the API would return it after each point. */
function setup() {
  const [updates, setUpdates] = createSignal<ProgressUpdate[]>([{ id: 'u-0', date: '2026-10-01', statusAfter: 'IN_PROGRESS', text: 'Étude lancée', meeting: null, author: 'Mission' }])
  const network = { online: true }
  const send: Send = async (item) => {
    if (!network.online) return { networkError: new TypeError('Failed to fetch') }
    if (item.kind === 'progress') setUpdates((list) => [...list, { id: `u-${list.length}`, date: item.input.date, statusAfter: item.input.status, text: item.input.note, meeting: item.input.meeting ?? null, author: 'Maire' }])
    return { payload: { __typename: 'RecordProgressSuccess', replayed: false } }
  }
  const outbox = createRoot(() => createOutbox(memoryOutboxStore(), send))
  render(() => <ProgressHistory updates={updates()} items={outbox.items()} outbox={outbox} />)
  const record = (note: string) => outbox.recordProgress('Informatique', { actionId: 'action-1', status: 'IMPLEMENTED', note, date: '2026-11-28', meeting: null, seenVersion: 1 })
  return { network, outbox, record }
}

describe('saving feedback of a point d’avancement', () => {
  it('online: « Enregistré » once, on the point in the history, and no card of the device', async () => {
    const { record } = setup()
    await record('Convention signée')
    await waitFor(() => expect(screen.getAllByText('Enregistré')).toHaveLength(1))
    expect(screen.getByText('Convention signée').closest('li')!.textContent).toContain('Enregistré')
    expect(screen.queryByText(/en attente/i)).toBeNull()
    expect(screen.queryByRole('list', { name: 'Saisies de cet appareil' })).toBeNull()
    expect(document.body.textContent).not.toMatch(/sur l’appareil|il part/)
  })

  it('offline: « En attente d’envoi » in the outbox, then the same single history entry once sent', async () => {
    const { network, outbox, record } = setup()
    network.online = false
    await record('Délibération votée')
    await waitFor(() => expect(screen.getByRole('list', { name: 'Saisies de cet appareil' }).textContent).toContain('En attente d’envoi'))
    expect(screen.queryByText('Enregistré')).toBeNull()

    network.online = true
    await outbox.flush()
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Saisies de cet appareil' })).toBeNull())
    expect(screen.getAllByText('Délibération votée')).toHaveLength(1)
    expect(screen.getAllByText('Enregistré')).toHaveLength(1)
    expect(screen.queryByText(/en attente/i)).toBeNull()
  })
})
