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

function retryAfter(oldest: Date | undefined): number {
  return Math.max(1, Math.ceil(((oldest?.getTime() ?? Date.now()) + loginLimits.windowMs - Date.now()) / 1000))
}

/**
 * Checks an email and password. Attempts are recorded in the database, so the limits hold across
 * API processes; an unknown email costs the same time as a wrong password and says the same thing.
 */
export async function attemptLogin(email: string, password: string, address: string): Promise<LoginOutcome> {
  const normalised = email.trim().toLowerCase()
  const since = new Date(Date.now() - loginLimits.windowMs)
  const [accountFailures, addressFailures] = await Promise.all([
    db.loginAttempt.findMany({ where: { email: normalised, succeeded: false, createdAt: { gte: since } }, select: { createdAt: true }, orderBy: { createdAt: 'asc' } }),
    db.loginAttempt.findMany({ where: { address, succeeded: false, createdAt: { gte: since } }, select: { createdAt: true }, orderBy: { createdAt: 'asc' }, take: loginLimits.perAddress }),
  ])
  if (accountFailures.length >= loginLimits.perAccount) {
    const seconds = retryAfter(accountFailures[accountFailures.length - loginLimits.perAccount]?.createdAt)
    return { ok: false, code: 'RATE_LIMITED', retryAfterSeconds: seconds, message: `Trop d’essais infructueux pour ce compte : réessayez dans ${Math.ceil(seconds / 60)} min.` }
  }
  if (addressFailures.length >= loginLimits.perAddress) {
    const seconds = retryAfter(addressFailures[0]?.createdAt)
    return { ok: false, code: 'RATE_LIMITED', retryAfterSeconds: seconds, message: `Trop d’essais infructueux depuis cette adresse : réessayez dans ${Math.ceil(seconds / 60)} min.` }
  }
  const user = await db.user.findUnique({ where: { email: normalised }, select: { id: true, passwordHash: true, active: true } })
  const valid = await verifyPassword(password, user?.passwordHash ?? unusablePasswordHash)
  const succeeded = Boolean(user && user.active && valid)
  await db.loginAttempt.create({ data: { email: normalised, address, succeeded } })
  if (!succeeded || !user) return { ok: false, code: 'UNAUTHENTICATED', message: 'Adresse électronique ou mot de passe incorrect.' }
  return { ok: true, userId: user.id }
}
