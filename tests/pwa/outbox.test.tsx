import { createRoot } from 'solid-js'
import { describe, expect, it } from 'vitest'
import { createOutbox, type Send } from '../../apps/pwa/src/lib/outbox.ts'
import { memoryOutboxStore, type OutboxStore } from '../../apps/pwa/src/lib/outbox-store.ts'
import type { OutboxItem } from '../../apps/pwa/src/lib/outbox.rules.ts'

/**
 * A fake server with the API's contract: it records a clientMutationId once and answers a replay
 * with `replayed`, and it refuses a stale expectedVersion. `online` switches the network.
 */
function fakeServer() {
  const recorded = new Map<string, unknown>()
  const state = { online: false, version: 1, calls: 0 }
  const send: Send = async (item) => {
    state.calls += 1
    if (!state.online) return { networkError: new TypeError('Failed to fetch') }
    if (item.kind !== 'progress') return { payload: { __typename: 'RequestToJoinSuccess' } }
    if (recorded.has(item.id)) return { payload: { __typename: 'RecordProgressSuccess', replayed: true } }
    if (item.input.expectedVersion !== state.version) {
      return { payload: { __typename: 'ConflictError', message: 'Quelqu’un a modifié cette action.', current: { status: 'IMPLEMENTED', statusLabel: 'Mis en œuvre', version: state.version } } }
    }
    recorded.set(item.id, item.input)
    state.version += 1
    return { payload: { __typename: 'RecordProgressSuccess', replayed: false } }
  }
  return { state, send, recorded }
}

function outboxOn(store: OutboxStore, send: Send) {
  return createRoot(() => createOutbox(store, send))
}

const progress = (note: string, seenVersion = 1) => ({ actionId: 'action-1', status: 'IN_PROGRESS' as const, note, date: '2026-11-28', meeting: 'Copil', seenVersion })
const states = (items: readonly OutboxItem[]) => items.map((item) => item.state)

describe('the outbox of the device', () => {
  it('keeps an update made offline as pending, then sends it exactly once when the network returns', async () => {
    const server = fakeServer()
    const outbox = outboxOn(memoryOutboxStore(), server.send)
    await outbox.recordProgress('Informatique', progress('Convention signée'))
    await outbox.flush()
    expect(states(outbox.items())).toEqual(['pending'])
    expect(server.recorded.size).toBe(0)

    server.state.online = true
    await Promise.all([outbox.flush(), outbox.flush(), outbox.flush()])
    await outbox.flush()
    expect(states(outbox.items())).toEqual(['accepted'])
    expect(server.recorded.size).toBe(1)
  })

  it('loses nothing when the app is closed offline: a new outbox on the same storage sends what was waiting', async () => {
    const server = fakeServer()
    const store = memoryOutboxStore()
    const before = outboxOn(store, server.send)
    await before.recordProgress('Informatique', progress('Saisi en réunion'))
    await before.flush()

    server.state.online = true
    const after = outboxOn(store, server.send)
    await after.load()
    expect(states(after.items())).toEqual(['pending'])
    await after.flush()
    expect(states(after.items())).toEqual(['accepted'])
    expect([...server.recorded.values()]).toMatchObject([{ note: 'Saisi en réunion' }])
  })

  it('resends with the same clientMutationId when an answer was lost, and the server records it once', async () => {
    const server = fakeServer()
    server.state.online = true
    let loseNextAnswer = true
    const lossy: Send = async (item) => {
      const answer = await server.send(item)
      if (loseNextAnswer) {
        loseNextAnswer = false
        throw new TypeError('Failed to fetch')
      }
      return answer
    }
    const outbox = outboxOn(memoryOutboxStore(), lossy)
    await outbox.recordProgress('Informatique', progress('Une seule fois'))
    await outbox.flush()
    expect(server.state.calls).toBe(2)
    expect(outbox.items()[0]).toMatchObject({ state: 'accepted', message: 'Déjà enregistré (envoi répété)' })
    expect(server.recorded.size).toBe(1)
  })

  it('chains two offline updates of one action so the second does not come back as a conflict', async () => {
    const server = fakeServer()
    const outbox = outboxOn(memoryOutboxStore(), server.send)
    await outbox.recordProgress('Informatique', progress('Premier'))
    await outbox.recordProgress('Informatique', progress('Second'))
    server.state.online = true
    await outbox.flush()
    expect(states(outbox.items())).toEqual(['accepted', 'accepted'])
    expect([...server.recorded.values()].map((input) => (input as { note: string }).note)).toEqual(['Premier', 'Second'])
  })

  it('shows a conflict with the server’s current state, and can send over it on request', async () => {
    const server = fakeServer()
    server.state.online = true
    server.state.version = 3
    const outbox = outboxOn(memoryOutboxStore(), server.send)
    await outbox.recordProgress('Informatique', progress('Vu en version 1'))
    await outbox.flush()
    const [conflict] = outbox.items()
    expect(conflict).toMatchObject({ state: 'conflict', current: { status: 'IMPLEMENTED', version: 3 } })
    expect(server.recorded.size).toBe(0)

    await outbox.resendOverCurrent(conflict)
    await outbox.flush()
    expect(outbox.items()[0]).toMatchObject({ id: conflict.id, state: 'accepted' })
    expect(server.recorded.size).toBe(1)
  })

  it('asks to sign in, and keeps the item, when the session has expired', async () => {
    const send: Send = async () => ({ graphQLErrors: [{ message: 'Connexion requise', extensions: { code: 'UNAUTHENTICATED' } }] })
    const outbox = outboxOn(memoryOutboxStore(), send)
    await outbox.requestToJoin('Centrale d’achat', { actionId: 'action-2', organisationId: 'commune-1' })
    await outbox.flush()
    expect(outbox.items()[0]).toMatchObject({ state: 'pending', message: 'Connectez-vous pour envoyer cette saisie.' })
  })
})
