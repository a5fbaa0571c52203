import { randomUUID } from 'node:crypto'
import { slugOf } from '@mutualis/domain'

/** The key of a record created from its name: readable, and unique however many share the name. */
export const newKeyOf = (name: string) => `${slugOf(name, 40)}-${randomUUID().slice(0, 8)}`
