import { checkText } from '@mutualis/domain'
import { audit } from '../audit/audit.service.ts'
import { hashSecret, newSecret } from '../auth/secrets.ts'
import type { SignedInViewer } from '../auth/viewer.ts'
import { db } from '../db.ts'
import { forbidden, NotFoundError, ValidationError } from '../errors.ts'

const tokenPrefix = 'mut_'
const maxActiveTokens = 20

/** Creates a token for the viewer's scripts. The secret is returned once and only its hash is kept. */
export async function createApiToken(viewer: SignedInViewer, name: string) {
  const check = checkText('name', name, 100, true)
  if (!check.ok) throw new ValidationError(check.reason, check.field)
  if ((await db.apiToken.count({ where: { userId: viewer.userId, revokedAt: null } })) >= maxActiveTokens) {
    throw new ValidationError(`Vous avez déjà ${maxActiveTokens} jetons actifs : révoquez-en un d’abord.`, 'name')
  }
  const secret = newSecret(tokenPrefix)
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.create({ data: { userId: viewer.userId, name: name.trim(), prefix: secret.slice(0, tokenPrefix.length + 6), tokenHash: hashSecret(secret) } })
    await audit(tx, viewer, { territoryId: viewer.territoryId, operation: 'createApiToken', entityType: 'ApiToken', entityId: token.id, after: token })
    return { token, secret }
  })
}

/** Owners revoke their tokens; admins revoke any token of their territory. */
export async function revokeApiToken(viewer: SignedInViewer, tokenId: string) {
  const token = await db.apiToken.findUnique({ where: { id: tokenId }, include: { user: { select: { territoryId: true } } } })
  if (!token) throw new NotFoundError('Jeton introuvable.')
  const own = token.userId === viewer.userId
  if (!own && !(viewer.role === 'ADMIN' && token.user.territoryId === viewer.territoryId)) throw forbidden('Ce jeton appartient à un autre compte.')
  return db.$transaction(async (tx) => {
    const revoked = await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: token.revokedAt ?? new Date() } })
    await audit(tx, viewer, { territoryId: token.user.territoryId, operation: 'revokeApiToken', entityType: 'ApiToken', entityId: token.id, before: token, after: revoked })
    return revoked
  })
}
