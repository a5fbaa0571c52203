import { createHash, randomBytes } from 'node:crypto'

/** A fresh random secret for a cookie or an API token (256 bits, URL-safe). */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url')
}

/** Secrets are stored only as their SHA-256: a leaked table does not open any session. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}
