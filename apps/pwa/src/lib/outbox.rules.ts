import type { ActionStatus } from '@mutualis/domain'
import type { RecordProgressInput, RequestToJoinInput } from '@mutualis/schema/documents/outbox'

/**
 * Something the user did that the server must record exactly once. It is kept on the device from
 * the tap until the server answers; its id is the clientMutationId, so a resend after a lost answer
 * or a closed app is recognised by the server as the same submission.
 */
export type OutboxItem = {
  id: string
  createdAt: string
  /** What the user sees in lists: the action's title. */
  label: string
  state: 'pending' | 'accepted' | 'conflict' | 'rejected'
  /** The server's words when it refused or asked for a decision; why it is still waiting otherwise. */
  message?: string
  /** The action as it stands on the server, when it changed since the user saw it. */
  current?: { status: ActionStatus; statusLabel: string; version: number }
} & ({ kind: 'progress'; input: RecordProgressInput } | { kind: 'join'; input: RequestToJoinInput })

/** What the server's answer means for an item: keep trying, or settle it. */
export type Outcome =
  | { kind: 'retry'; message?: string }
  | { kind: 'settled'; state: 'accepted' | 'conflict' | 'rejected'; message?: string; current?: OutboxItem['current'] }

interface GraphQLErrorLike {
  message: string
  extensions?: { code?: unknown }
}

interface AnswerLike {
  networkError?: unknown
  graphQLErrors?: readonly GraphQLErrorLike[]
  payload?: { __typename: string; message?: string; current?: OutboxItem['current']; replayed?: boolean } | null
}

/** Reads the answer to one send. Only a definite answer settles an item; anything else is retried. */
export function outcomeOf(answer: AnswerLike): Outcome {
  if (answer.networkError) return { kind: 'retry' }
  const error = answer.graphQLErrors?.[0]
  if (error) {
    const code = error.extensions?.code
    if (code === 'UNAUTHENTICATED') return { kind: 'retry', message: 'Connectez-vous pour envoyer cette saisie.' }
    if (code === 'FORBIDDEN') return { kind: 'settled', state: 'rejected', message: error.message }
    if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED') return { kind: 'settled', state: 'rejected', message: error.message }
    return { kind: 'retry', message: 'Le serveur n’a pas pu enregistrer la saisie ; nouvel essai plus tard.' }
  }
  const payload = answer.payload
  if (!payload) return { kind: 'retry' }
  switch (payload.__typename) {
    case 'RecordProgressSuccess':
      return { kind: 'settled', state: 'accepted', message: payload.replayed ? 'Déjà enregistré (envoi répété)' : undefined }
    case 'RequestToJoinSuccess':
      return { kind: 'settled', state: 'accepted' }
    case 'ConflictError':
      return { kind: 'settled', state: 'conflict', message: payload.message, current: payload.current }
    default:
      return { kind: 'settled', state: 'rejected', message: payload.message ?? 'Le serveur a refusé cette saisie.' }
  }
}

/** Oldest first. ISO timestamps order as plain strings: no collator, whose locale data would cost the first screen a long task. */
export const byCreation = (a: OutboxItem, b: OutboxItem) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0)

/** The items still to send, oldest first: the server must see updates of one action in the order they were made. */
export function sendOrder(items: readonly OutboxItem[]): OutboxItem[] {
  return items.filter((item) => item.state === 'pending').sort(byCreation)
}

/** A fresh clientMutationId. */
export function newClientMutationId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/**
 * The version a new progress update expects: the one the user saw, or, when updates of the same
 * action are already waiting, the version the last of them will leave behind — otherwise the
 * second of two offline updates would always come back as a conflict.
 */
export function expectedVersionFor(items: readonly OutboxItem[], actionId: string, seenVersion: number): number {
  let expected = seenVersion
  for (const item of items) {
    if (item.kind === 'progress' && item.state === 'pending' && item.input.actionId === actionId) expected = Math.max(expected, item.input.expectedVersion + 1)
  }
  return expected
}
