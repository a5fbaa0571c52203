import { db } from '../db.ts'
import { unusablePasswordHash, verifyPassword } from './password.ts'

export const loginLimits = {
  windowMs: 15 * 60_000,
  /** Failures on one account within the window before it is locked for the rest of the window. */
  perAccount: 5,
  /** Failures from one address within the window, whatever the accounts tried. */
  perAddress: 20,
}

export type LoginOutcome =
  | { ok: true; userId: string }
  | { ok: false; code: 'UNAUTHENTICATED'; message: string }
  | { ok: false; code: 'RATE_LIMITED'; message: string; retryAfterSeconds: number }

type Refusal = Extract<LoginOutcome, { code: 'RATE_LIMITED' }>

function retryAfter(oldest: Date | undefined): number {
  return Math.max(1, Math.ceil(((oldest?.getTime() ?? Date.now()) + loginLimits.windowMs - Date.now()) / 1000))
}

/** The limit this attempt (already recorded as `attemptId`) runs into, counting the other failures of the window. */
async function refusal(attemptId: string, email: string, address: string): Promise<Refusal | null> {
  const since = new Date(Date.now() - loginLimits.windowMs)
  const failures = { succeeded: false, createdAt: { gte: since }, id: { not: attemptId } }
  const [accountFailures, addressFailures] = await Promise.all([
    db.loginAttempt.findMany({ where: { email, ...failures }, select: { createdAt: true }, orderBy: { createdAt: 'asc' } }),
    db.loginAttempt.findMany({ where: { address, ...failures }, select: { createdAt: true }, orderBy: { createdAt: 'asc' }, take: loginLimits.perAddress }),
  ])
  if (accountFailures.length >= loginLimits.perAccount) {
    const seconds = retryAfter(accountFailures[accountFailures.length - loginLimits.perAccount]?.createdAt)
    return { ok: false, code: 'RATE_LIMITED', retryAfterSeconds: seconds, message: `Trop d’essais infructueux pour ce compte : réessayez dans ${Math.ceil(seconds / 60)} min.` }
  }
  if (addressFailures.length >= loginLimits.perAddress) {
    const seconds = retryAfter(addressFailures[0]?.createdAt)
    return { ok: false, code: 'RATE_LIMITED', retryAfterSeconds: seconds, message: `Trop d’essais infructueux depuis cette adresse : réessayez dans ${Math.ceil(seconds / 60)} min.` }
  }
  return null
}

/**
 * Checks an email and password. Attempts are recorded in the database, so the limits hold across
 * API processes; an unknown email costs the same time as a wrong password and says the same thing.
 *
 * The attempt is recorded as a failure before the limits are read, so that concurrent guesses see
 * each other: at most `perAccount` wrong passwords of an account are checked per window, however
 * many arrive at once. Take the attempts that got their password checked, in the order their row was
 * committed. Each read the failures only after its own row was committed, so the rows of all
 * earlier ones were there to see: on PostgreSQL every statement in READ COMMITTED sees what was
 * committed before it started; on SQLite one connection runs the statements one after another. Those
 * rows stay failures unless their password was right (refused attempts delete only their own row,
 * having checked nothing). So the (perAccount + 1)-th wrong password checked would have seen
 * perAccount failures besides its own and been refused. The same holds per address.
 */
export async function attemptLogin(email: string, password: string, address: string): Promise<LoginOutcome> {
  const normalised = email.trim().toLowerCase()
  // In a transaction of its own, committed before the limits are read. On SQLite it also waits for any
  // other request's open transaction: on the single connection a plain write would join that
  // transaction and vanish if it rolled back.
  const attempt = await db.$transaction((tx) => tx.loginAttempt.create({ data: { email: normalised, address, succeeded: false }, select: { id: true } }))
  const refused = await refusal(attempt.id, normalised, address)
  if (refused) {
    // No password was checked, so it is no failure: the lock still ends when the window says it does.
    await db.loginAttempt.delete({ where: { id: attempt.id } })
    return refused
  }
  const user = await db.user.findUnique({ where: { email: normalised }, select: { id: true, passwordHash: true, active: true } })
  const valid = await verifyPassword(password, user?.passwordHash ?? unusablePasswordHash)
  if (!user || !user.active || !valid) return { ok: false, code: 'UNAUTHENTICATED', message: 'Adresse électronique ou mot de passe incorrect.' }
  await db.loginAttempt.update({ where: { id: attempt.id }, data: { succeeded: true } })
  return { ok: true, userId: user.id }
}
