import { openDB, type IDBPDatabase } from 'idb'
import type { OutboxItem } from './outbox.rules.ts'

/** Where outbox items live: IndexedDB in the app, memory in tests. */
export interface OutboxStore {
  all(): Promise<OutboxItem[]>
  put(item: OutboxItem): Promise<void>
  delete(id: string): Promise<void>
}

/** IndexedDB survives closing the app and reloading offline, unlike memory or sessionStorage. */
export function indexedDbOutboxStore(name = 'mutualis-outbox'): OutboxStore {
  let database: Promise<IDBPDatabase> | undefined
  const open = () =>
    (database ??= openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('items', { keyPath: 'id' })
      },
    }))
  return {
    all: async () => (await (await open()).getAll('items')) as OutboxItem[],
    put: async (item) => void (await (await open()).put('items', item)),
    delete: async (id) => void (await (await open()).delete('items', id)),
  }
}

export function memoryOutboxStore(initial: OutboxItem[] = []): OutboxStore {
  const items = new Map(initial.map((item) => [item.id, item]))
  return {
    all: async () => [...items.values()],
    put: async (item) => void items.set(item.id, structuredClone(item)),
    delete: async (id) => void items.delete(id),
  }
}
