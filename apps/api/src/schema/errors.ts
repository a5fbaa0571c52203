import { builder } from '../builder.ts'
import { ConflictError, NotAllowedError, NotFoundError, UserError, ValidationError } from '../errors.ts'

// The errors every write may answer with. A conflict names what it collided with, so its type lives
// with that entity: ConflictError in action.ts, OfferConflictError in offer.ts.

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

builder.objectType(NotAllowedError, {
  name: 'NotAllowedError',
  interfaces: [UserErrorInterface],
  description: 'The account may not do this; `message` says who may.',
  isTypeOf: (value) => value instanceof NotAllowedError,
  fields: () => ({}),
})

export const writeErrors = [ValidationError, NotFoundError, ConflictError]
