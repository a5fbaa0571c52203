import { builder } from '../builder.ts'
import { ConflictError, NotFoundError, OfferConflictError, UserError, ValidationError } from '../errors.ts'
import type { Action } from '../generated/sqlite/client.ts'
import { ActionRef } from './action.ts'

export const UserErrorInterface = builder.interfaceRef<UserError>('UserError').implement({
  description: 'An expected failure the user can act on. `code` is stable; `message` is French.',
  fields: (t) => ({
    code: t.string({ resolve: (error) => error.code }),
    message: t.exposeString('message'),
  }),
})

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [UserErrorInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({ field: t.exposeString('field', { nullable: true, description: 'The input field at fault, when there is one.' }) }),
})

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [UserErrorInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
  fields: () => ({}),
})

builder.objectType(ConflictError, {
  name: 'ConflictError',
  interfaces: [UserErrorInterface],
  isTypeOf: (value) => value instanceof ConflictError && !(value instanceof OfferConflictError),
  fields: (t) => ({
    current: t.field({ type: ActionRef, description: 'The action as it stands now.', resolve: (error) => error.current as Action }),
  }),
})

export const writeErrors = [ValidationError, NotFoundError, ConflictError]
