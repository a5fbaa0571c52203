import { describe, expect, it } from 'vitest'
import { outcomeOf } from '../../apps/pwa/src/lib/outbox.rules.ts'

describe('reading the server’s answer to a submission', () => {
  it.each([
    ['no network', { networkError: new TypeError('Failed to fetch') }, { kind: 'retry' }],
    ['an expired session', { graphQLErrors: [{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }] }, { kind: 'retry' }],
    ['a server fault', { graphQLErrors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }, { kind: 'retry' }],
    ['a refusal of rights', { graphQLErrors: [{ message: 'Votre organisation ne participe pas à cette action.', extensions: { code: 'FORBIDDEN' } }] }, { kind: 'settled', state: 'rejected', message: 'Votre organisation ne participe pas à cette action.' }],
    ['an update recorded', { payload: { __typename: 'RecordProgressSuccess', replayed: false } }, { kind: 'settled', state: 'accepted' }],
    ['a replay', { payload: { __typename: 'RecordProgressSuccess', replayed: true } }, { kind: 'settled', state: 'accepted', message: 'Déjà enregistré (envoi répété)' }],
    ['a join request recorded', { payload: { __typename: 'RequestToJoinSuccess' } }, { kind: 'settled', state: 'accepted' }],
    ['a conflict', { payload: { __typename: 'ConflictError', message: 'Modifiée entre-temps' } }, { kind: 'settled', state: 'conflict', message: 'Modifiée entre-temps' }],
    ['invalid input', { payload: { __typename: 'ValidationError', message: 'La date est dans le futur.' } }, { kind: 'settled', state: 'rejected', message: 'La date est dans le futur.' }],
    ['an archived action', { payload: { __typename: 'NotFoundError', message: 'Action introuvable' } }, { kind: 'settled', state: 'rejected', message: 'Action introuvable' }],
  ])('%s', (_case, answer, expected) => {
    expect(outcomeOf(answer)).toMatchObject(expected)
  })
})
