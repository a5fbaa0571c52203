import { describe, expect, it } from 'vitest'
import { howToJoin, joinOpportunities, joinability, type JoinableAction } from './join.rules.ts'

const createAction = (overrides: Partial<JoinableAction> = {}): JoinableAction => ({
  id: 'action-1',
  instrument: 'SERVICE_COMMUN',
  openness: 'OPEN',
  status: 'IMPLEMENTED',
  openTo: [],
  ...overrides,
})

describe('joinability', () => {
  it.each([
    { case: 'open service, not a member', action: {}, state: undefined, expected: { ok: true, pendingRequest: false } },
    { case: 'opening under study', action: { openness: 'UNDER_STUDY' }, state: undefined, expected: { ok: true, pendingRequest: false } },
    { case: 'former member may come back', action: {}, state: 'FORMER', expected: { ok: true, pendingRequest: false } },
    { case: 'request already sent', action: {}, state: 'REQUESTED', expected: { ok: true, pendingRequest: true } },
    { case: 'listed in openTo', action: { openTo: ['commune-a'] }, state: undefined, expected: { ok: true, pendingRequest: false } },
    { case: 'closed perimeter', action: { openness: 'CLOSED' }, state: undefined, expected: { ok: false, reason: 'CLOSED' } },
    { case: 'abandoned action', action: { status: 'ABANDONED' }, state: undefined, expected: { ok: false, reason: 'ABANDONED' } },
    { case: 'already a member', action: {}, state: 'MEMBER', expected: { ok: false, reason: 'ALREADY_MEMBER' } },
    { case: 'membership planned', action: {}, state: 'PLANNED', expected: { ok: false, reason: 'ALREADY_MEMBER' } },
    { case: 'open to other communes only', action: { openTo: ['commune-b'] }, state: undefined, expected: { ok: false, reason: 'NOT_LISTED' } },
  ] as const)('$case', ({ action, state, expected }) => {
    expect(joinability('commune-a', createAction(action as Partial<JoinableAction>), state)).toMatchObject(expected)
  })
})

describe('howToJoin', () => {
  it('names the deliberation and the CGCT article for a service commun', () => {
    expect(howToJoin('SERVICE_COMMUN', 'OPEN')).toMatch(/délibération.*L5211-4-2 CGCT/)
  })
  it('names the code de la commande publique for a groupement de commandes', () => {
    expect(howToJoin('GROUPEMENT_DE_COMMANDES', 'OPEN')).toMatch(/groupement de commandes.*L2113-6/)
  })
  it('says the opening is still studied before the legal step', () => {
    const text = howToJoin('CENTRALE_D_ACHAT', 'UNDER_STUDY')
    expect(text.startsWith("Ouverture à l'étude")).toBe(true)
    expect(text).toContain("centrale d'achat")
  })
})

describe('joinOpportunities', () => {
  it('keeps only what the commune can join, in the given order, with how to join', () => {
    const actions = [
      createAction({ id: 'a', instrument: 'GROUPEMENT_DE_COMMANDES' }),
      createAction({ id: 'b', openness: 'CLOSED' }),
      createAction({ id: 'c', openness: 'UNDER_STUDY' }),
      createAction({ id: 'd' }),
    ]
    const result = joinOpportunities('commune-a', actions, new Map([['d', 'MEMBER' as const]]))
    expect(result.map((o) => o.action.id)).toEqual(['a', 'c'])
    expect(result[0].howToJoin).toBe(howToJoin('GROUPEMENT_DE_COMMANDES', 'OPEN'))
    expect(result[1].openness).toBe('UNDER_STUDY')
  })
})
