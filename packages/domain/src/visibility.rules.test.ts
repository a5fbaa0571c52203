import { describe, expect, it } from 'vitest'
import type { Role } from './enums.ts'
import { canSeeAccount, canSeeApiToken, canSeeAuditEntry, canSeeJoinRequest, type Reader } from './visibility.rules.ts'

const createReader = (role: Role, overrides: Partial<NonNullable<Reader>> = {}): Reader => ({ userId: 'u-1', role, territoryId: 'dijon', organisationIds: [], ...overrides })

const readers = {
  anonymous: null,
  admin: createReader('ADMIN'),
  adminElsewhere: createReader('ADMIN', { territoryId: 'ailleurs' }),
  analyst: createReader('ANALYST'),
  analystElsewhere: createReader('ANALYST', { territoryId: 'ailleurs' }),
  editorOwn: createReader('EDITOR', { organisationIds: ['chenove'] }),
  editorOther: createReader('EDITOR', { organisationIds: ['talant'] }),
  owner: createReader('EDITOR', { userId: 'owner' }),
} satisfies Record<string, Reader>
type Who = keyof typeof readers

const table: Array<[rule: string, see: (reader: Reader) => boolean, allowed: Who[]]> = [
  ['account', (r) => canSeeAccount(r, { id: 'owner', territoryId: 'dijon' }), ['admin', 'owner']],
  ['API token', (r) => canSeeApiToken(r, { userId: 'owner' }), ['owner']],
  ['audit entry', (r) => canSeeAuditEntry(r, { territoryId: 'dijon' }), ['admin']],
  ['join request', (r) => canSeeJoinRequest(r, { organisationId: 'chenove', territoryId: 'dijon' }), ['admin', 'analyst', 'editorOwn']],
]

describe.each(table)('%s', (_rule, see, allowed) => {
  it.each(Object.keys(readers) as Who[])('%s', (who) => {
    expect(see(readers[who])).toBe(allowed.includes(who))
  })
})
