import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Where the writes of one piece of work landed, as far as cached answers care. A mutation runs in a
 * scope naming its writer's territory; every territory an audit entry names joins it.
 */
export interface WriteScope {
  territories: Set<string>
  /** What its writes can change: nothing an answer shows, answers about its territories, or any answer. */
  effect: WriteEffect
}

/** What a write can change: nothing an answer shows, answers about where it was made, or any answer. */
export type WriteEffect = 'none' | 'territory' | 'everything'

/** Whose answers a finished write may have changed. */
export type WrittenFor = { everywhere: true } | { everywhere?: false; territories: string[]; users: string[] }

const scopes = new AsyncLocalStorage<WriteScope>()
const listeners = new Set<(written: WrittenFor) => Promise<void>>()

/** Calls `listener` after each write, before the write's promise settles, until the returned function is called. */
export function onWritten(listener: (written: WrittenFor) => Promise<void>): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Tells the listeners (the response cache) that answers for `written` may have changed. */
export async function written(written: WrittenFor): Promise<void> {
  await Promise.all([...listeners].map((listener) => listener(written)))
}

/**
 * Runs `work` (a mutation) in a write scope made in `territories`: its interactive transactions
 * report their writes to the scope, which tells the listeners once, when the work is over (its
 * transactions committed) and before its promise settles. Writes of no known territory, or that
 * any answer may show, are made anywhere.
 */
export async function runInWriteScope<T>(territories: readonly string[], work: () => Promise<T>): Promise<T> {
  const scope: WriteScope = { territories: new Set(territories), effect: 'none' }
  try {
    return await scopes.run(scope, work)
  } finally {
    if (scope.effect === 'everything' || (scope.effect === 'territory' && scope.territories.size === 0)) await written({ everywhere: true })
    else if (scope.effect === 'territory') await written({ territories: [...scope.territories], users: [] })
  }
}

/** Records that the current scope writes in `territoryId` (the audit log names the territory of every change). */
export function writesIn(territoryId: string) {
  scopes.getStore()?.territories.add(territoryId)
}

export function mergeEffect(a: WriteEffect, b: WriteEffect): WriteEffect {
  return a === 'everything' || b === 'everything' ? 'everything' : a === 'territory' || b === 'territory' ? 'territory' : 'none'
}

const readStatement = /^\s*(select|begin|commit|rollback|savepoint|release|pragma|show|set|explain|deallocate)\b/i
const writeClause = /\b(insert|update|delete|replace|create|drop|alter|truncate)\b/i
const writtenTable = /^\s*(insert\s+(?:or\s+\w+\s+)?into|replace\s+into|update|delete\s+from)\s+(?:[`"]?\w+[`"]?\s*\.\s*)?[`"]?(\w+)[`"]?/i
const updatedColumns = /^\s*update\s+\S+\s+set\s+(.+?)\s+where\b/is
const usageColumns = new Set(['lastSeenAt', 'lastUsedAt'])

/**
 * No answer shows sessions or login attempts (an answer depends on its reader's account, never on the
 * session it came with). When a token was last used is shown to its owner only: that write is
 * reported for the owner where it is made (auth/resolve-viewer.ts).
 */
const unseenTables = new Set(['Session', 'LoginAttempt'])
/** A territory's settings decide what every anonymous reader may read; a territory's name and SIREN, what lists and arguments find. */
const everyAnswerTables = new Set(['Territory'])
/**
 * `commune(inseeCode:)` looks a commune up in every territory and prefers a current member: a
 * commune row added, removed, moved or leaving (official data refreshed) can change the answer
 * about another territory's row with the same INSEE code.
 */
const communeLookupColumns = new Set(['inseeCode', 'leftOn', 'kind', 'territoryId'])

/**
 * What a statement the Prisma client sent can change. A statement not recognised as a read or as a
 * write to a known table can change anything: a read is never mistaken for an unseen write.
 */
export function answerEffect(sql: string): WriteEffect {
  if (readStatement.test(sql)) return 'none'
  if (/^\s*with\b/i.test(sql) && !writeClause.test(sql)) return 'none'
  const [, verb, table] = writtenTable.exec(sql) ?? []
  if (!table) return 'everything'
  if (unseenTables.has(table)) return 'none'
  if (everyAnswerTables.has(table)) return 'everything'
  const columns = /^update/i.test(verb) ? updatedColumns.exec(sql)?.[1].split(',').map((assignment) => /^\s*[`"](\w+)[`"]\s*=/.exec(assignment)?.[1] ?? '') : undefined
  if (table === 'ApiToken' && columns?.every((column) => usageColumns.has(column))) return 'none'
  if (table === 'Organisation' && (!columns || columns.some((column) => communeLookupColumns.has(column) || !column))) return 'everything'
  return 'territory'
}

/**
 * Hands the scope of the code calling `$transaction(callback)` to the transaction the client opens
 * for it. The client runs other work (batched queries, the implicit transactions of nested writes)
 * from whatever asynchronous context queued it first, so the scope is read once, where the call is
 * made, and taken by the first transaction opened: any other transaction sees none and counts as a
 * write outside every scope.
 */
const opening = new AsyncLocalStorage<{ scope: WriteScope | undefined; taken: boolean }>()

export function openingScope<T>(open: () => T): T {
  return opening.run({ scope: scopes.getStore(), taken: false }, open)
}

/** The scope of the interactive transaction being opened, once; undefined for any other. */
export function takeOpeningScope(): WriteScope | undefined {
  const store = opening.getStore()
  if (!store || store.taken) return undefined
  store.taken = true
  return store.scope
}
