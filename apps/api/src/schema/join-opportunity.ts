import type { Action } from '../generated/sqlite/client.ts'
import { builder } from '../builder.ts'
import { ActionRef } from './action.ts'
import { OpennessEnum } from './enums.ts'

export const JoinOpportunity = builder.objectRef<{ action: Action; openness: Action['openness']; howToJoin: string; pendingRequest: boolean }>('JoinOpportunity')

JoinOpportunity.implement({
  description: 'An action a commune can join, and how.',
  fields: (t) => ({
    action: t.field({ type: ActionRef, resolve: (opportunity) => opportunity.action }),
    openness: t.expose('openness', { type: OpennessEnum }),
    howToJoin: t.exposeString('howToJoin', { description: 'The legal step to take, in French (deliberation, convention…).' }),
    pendingRequest: t.exposeBoolean('pendingRequest', { description: 'The commune has already asked to join.' }),
  }),
})
