import { writeErrors } from './errors.ts'

// What the declaration of a mutation shares with the others.

/** An admin's write: its result, or one of the write errors in a union named `name`. */
export const adminWrite = (name: string) => ({ authScopes: { admin: true }, errors: { types: writeErrors, directResult: true, union: { name } } }) as const

/**
 * A write's answer: the row its service wrote, read again once the transaction is over with what
 * the answer selects (the `query` the Prisma plugin planned), as any query would read it.
 */
export async function readBack<Query, Row>(query: Query, written: Promise<{ id: string }>, read: (args: Query & { where: { id: string } }) => Promise<Row>): Promise<Row> {
  return read({ ...query, where: { id: (await written).id } })
}
