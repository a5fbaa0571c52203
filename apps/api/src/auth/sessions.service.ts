import { db } from '../db.ts'
import { hashSecret, newSecret } from './secrets.ts'

export const sessionCookieName = 'mutualis_session'
export const sessionLifetimeMs = Number(process.env.SESSION_LIFETIME_HOURS ?? 12) * 3600_000

/** The session secret a Cookie header carries, if any. */
export function sessionSecretIn(cookieHeader: string | null): string | undefined {
  for (const part of cookieHeader?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=')
    if (key === sessionCookieName) return value.join('=')
  }
  return undefined
}

/** Opens a session; the returned secret goes in the cookie and is never stored. */
export async function openSession(userId: string): Promise<{ secret: string; expiresAt: Date; sessionId: string }> {
  const secret = newSecret()
  const expiresAt = new Date(Date.now() + sessionLifetimeMs)
  const session = await db.session.create({ data: { userId, tokenHash: hashSecret(secret), expiresAt }, select: { id: true } })
  return { secret, expiresAt, sessionId: session.id }
}

export async function revokeSession(sessionId: string) {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } })
}

export function sessionCookie(secret: string, expiresAt: Date, secure: boolean): string {
  const attributes = [`${sessionCookieName}=${secret}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Expires=${expiresAt.toUTCString()}`]
  if (secure) attributes.push('Secure')
  return attributes.join('; ')
}

export function clearedSessionCookie(): string {
  return `${sessionCookieName}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`
}
