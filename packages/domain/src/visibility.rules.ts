import type { Actor } from './permissions.rules.ts'

/**
 * Who may see what is never published, wherever it is reached (a list, a nested field, `node`,
 * an export, a cached answer). `null` is a visitor who has not signed in: none of it.
 */
export type Reader = (Actor & { userId: string }) | null

const privateReader = (reader: Reader, territoryId: string) =>
  reader !== null && reader.territoryId === territoryId && (reader.role === 'ADMIN' || reader.role === 'ANALYST')

/** An account: its owner, and the admins of its territory. */
export function canSeeAccount(reader: Reader, account: { id: string; territoryId: string }): boolean {
  return reader !== null && (reader.userId === account.id || (reader.role === 'ADMIN' && reader.territoryId === account.territoryId))
}

/** A script's token: its owner only (even an admin revokes a token by deactivating the account). */
export function canSeeApiToken(reader: Reader, token: { userId: string }): boolean {
  return reader !== null && reader.userId === token.userId
}

/** The audit log: the admins of its territory. */
export function canSeeAuditEntry(reader: Reader, entry: { territoryId: string }): boolean {
  return reader !== null && reader.role === 'ADMIN' && reader.territoryId === entry.territoryId
}

/**
 * A request to join, pending or decided, and the REQUESTED participation it creates: the admins
 * and analysts of its territory, and the editors of the organisation that asked.
 */
export function canSeeJoinRequest(reader: Reader, request: { organisationId: string; territoryId: string }): boolean {
  if (reader === null) return false
  if (privateReader(reader, request.territoryId)) return true
  return reader.role === 'EDITOR' && reader.organisationIds.includes(request.organisationId)
}
