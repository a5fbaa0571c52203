import { createContext, createSignal, useContext } from 'solid-js'
import type { OutboxStore } from './outbox-store.ts'
import { byCreation, expectedVersionFor, newClientMutationId, outcomeOf, sendOrder, type Outcome, type OutboxItem } from './outbox.rules.ts'
import type { RecordProgressInput, RequestToJoinInput } from '@mutualis/schema/documents/outbox'

const quietMs = 1500

export type Send = (item: OutboxItem) => Promise<Parameters<typeof outcomeOf>[0]>

export type NewProgress = Omit<RecordProgressInput, 'clientMutationId' | 'expectedVersion'> & { seenVersion: number }

/**
 * The device's outbox: saves each submission before sending it, sends pending ones in order
 * whenever asked (start, back online, after a new one), and records the server's verdict.
 */
export function createOutbox(store: OutboxStore, send: Send) {
  const [items, setItems] = createSignal<OutboxItem[]>([])
  // The submission just handed to the server: screens do not call it « en attente » during the
  // moment its answer takes, so a point saved online reads « Enregistré » once and nothing else.
  const [sendingNow, setSendingNow] = createSignal<string | null>(null)
  const [savedNow, setSavedNow] = createSignal<ReadonlySet<string>>(new Set())
  const settle = (id: string) => setSendingNow((current) => (current === id ? null : current))
  let flushing: Promise<void> | null = null
  let queued: Promise<void> | null = null

  const reload = async () => setItems((await store.all()).sort(byCreation))

  async function save(item: OutboxItem) {
    await store.put(item)
    await reload()
  }

  async function sendPending() {
    for (const item of sendOrder(await store.all())) {
      let outcome: Outcome
      try {
        outcome = outcomeOf(await send(item))
      } catch {
        outcome = { kind: 'retry' }
      }
      if (outcome.kind === 'retry') {
        if (outcome.message !== item.message) await save({ ...item, message: outcome.message })
        settle(item.id)
        // Later items of the same action depend on this one; the next flush starts again from it.
        return
      }
      await save({ ...item, state: outcome.state, message: outcome.message, current: outcome.current })
      if (outcome.state === 'accepted') setSavedNow((ids) => new Set([...ids, item.id]))
      settle(item.id)
    }
  }

  /**
   * Sends what is pending. One pass at a time, so nothing is sent twice at once; a call during a
   * pass (say, the network just came back) gets a fresh pass after it rather than the stale one.
   */
  function flush(): Promise<void> {
    if (!flushing) {
      flushing = sendPending().finally(() => {
        flushing = null
      })
      return flushing
    }
    queued ??= flushing.then(() => {
      queued = null
      return flush()
    })
    return queued
  }

  async function add(item: Omit<OutboxItem, 'id' | 'createdAt' | 'state'> & { id?: string }) {
    const saved = { ...item, id: item.id ?? newClientMutationId(), createdAt: new Date().toISOString(), state: 'pending' } as OutboxItem
    setSendingNow(saved.id)
    setTimeout(() => settle(saved.id), quietMs)
    await save(saved)
    void flush()
    return saved
  }

  return {
    items,
    /** The id of a submission whose first send is under way, for its first moments only. */
    sendingNow,
    /** Submissions the server accepted since the app opened. */
    savedNow,
    load: reload,
    flush,
    recordProgress: (label: string, progress: NewProgress) => {
      const id = newClientMutationId()
      const { seenVersion, ...input } = progress
      const expectedVersion = expectedVersionFor(items(), progress.actionId, seenVersion)
      return add({ id, kind: 'progress', label, input: { ...input, clientMutationId: id, expectedVersion } })
    },
    requestToJoin: (label: string, input: Omit<RequestToJoinInput, 'clientMutationId'>) => {
      const id = newClientMutationId()
      return add({ id, kind: 'join', label, input: { ...input, clientMutationId: id } })
    },
    /** After a conflict: send the same submission again over the version now on the server. */
    resendOverCurrent: async (item: OutboxItem) => {
      if (item.kind !== 'progress' || !item.current) return
      await save({ ...item, state: 'pending', message: undefined, input: { ...item.input, expectedVersion: item.current.version }, current: undefined })
      void flush()
    },
    dismiss: async (item: OutboxItem) => {
      await store.delete(item.id)
      await reload()
    },
  }
}

export type Outbox = ReturnType<typeof createOutbox>

export const OutboxContext = createContext<Outbox>()

export function useOutbox(): Outbox {
  const outbox = useContext(OutboxContext)
  if (!outbox) throw new Error('useOutbox outside OutboxContext')
  return outbox
}
