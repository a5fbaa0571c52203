import { describe, expect, it } from 'vitest'
import { canCreateTerritory, canRefreshTerritory, type Actor } from './permissions.rules.ts'

const createActor = (overrides: Partial<Actor> = {}): Actor => ({ role: 'ADMIN', territoryId: 'dijon', organisationIds: [], ...overrides })

describe('canCreateTerritory', () => {
  it.each([
    { case: 'platform admin', actor: { platformAdmin: true, role: 'ANALYST' }, ok: true },
    { case: 'admin of a territory', actor: {}, ok: false },
    { case: 'editor', actor: { role: 'EDITOR' }, ok: false },
    { case: 'analyst', actor: { role: 'ANALYST', platformAdmin: false }, ok: false },
  ] as const)('$case', ({ actor, ok }) => {
    const permission = canCreateTerritory(createActor(actor))
    expect(permission.ok).toBe(ok)
    if (!permission.ok) expect(permission.reason).toBe('Seuls les administrateurs de la plateforme Mutualis créent un territoire.')
  })
})

describe('canRefreshTerritory', () => {
  it.each([
    { case: 'platform admin, any territory', actor: { platformAdmin: true, role: 'ANALYST', territoryId: 'ailleurs' }, reason: null },
    { case: 'admin of that territory', actor: {}, reason: null },
    { case: 'admin of another territory', actor: { territoryId: 'ailleurs' }, reason: 'Cet élément relève d’un autre territoire.' },
    { case: 'editor of that territory', actor: { role: 'EDITOR' }, reason: 'Réservé à la mission de coordination du territoire (administrateurs) et aux administrateurs de la plateforme.' },
    { case: 'analyst of that territory', actor: { role: 'ANALYST' }, reason: 'Réservé à la mission de coordination du territoire (administrateurs) et aux administrateurs de la plateforme.' },
  ] as const)('$case', ({ actor, reason }) => {
    expect(canRefreshTerritory(createActor(actor), 'dijon')).toEqual(reason === null ? { ok: true } : { ok: false, reason })
  })
})
