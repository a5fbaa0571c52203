import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { db } from '@mutualis/api/db.ts'

// Another request's transaction is open (awaiting between two statements) when a plain write
// arrives. On the embedded database both share one connection: the write must not become part of
// that transaction, nor vanish when it rolls back, nor be seen half-done.
/** Another request's transaction, once open: it writes a row under `email`, waits 200 ms, then rolls back (the promise it settles with). */
async function transactionThatRollsBack(email: string) {
  let opened!: () => void
  const isOpen = new Promise<void>((resolve) => (opened = resolve))
  const rolledBack = db
    .$transaction(async (tx) => {
      await tx.loginAttempt.create({ data: { email, address: 'test', succeeded: false } })
      opened()
      await new Promise((resolve) => setTimeout(resolve, 200))
      throw new Error('rolled back on purpose')
    })
    .catch((error: Error) => error.message)
  await isOpen
  return { rolledBack }
}

describe('a write made while another transaction is open', () => {
  it('is kept when that transaction rolls back', async () => {
    const email = `isolation-${randomUUID()}@test.mutualis.fr`
    const { rolledBack: failing } = await transactionThatRollsBack(`rolled-back-${email}`)
    // A guard: Prisma already runs a create in a transaction of its own, queued behind the open one.
    const plain = db.loginAttempt.create({ data: { email, address: 'test', succeeded: false } })
    expect(await failing).toBe('rolled back on purpose')
    await plain
    expect(await db.loginAttempt.count({ where: { email } })).toBe(1)
    expect(await db.loginAttempt.count({ where: { email: `rolled-back-${email}` } })).toBe(0)
  })

  it('reads nothing of a transaction not yet committed', async () => {
    const email = `uncommitted-${randomUUID()}@test.mutualis.fr`
    const { rolledBack: failing } = await transactionThatRollsBack(email)
    expect(await db.loginAttempt.count({ where: { email } })).toBe(0)
    await failing
  })
})
