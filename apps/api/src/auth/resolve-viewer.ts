import { db } from '../db.ts'
import type { Role } from '../generated/sqlite/enums.ts'
import { hashSecret } from './secrets.ts'
import { sessionSecretIn } from './sessions.service.ts'
import { anonymous, type SignedInViewer, type Viewer } from './viewer.ts'

const userSelect = { id: true, name: true, role: true, territoryId: true, platformAdmin: true, active: true, organisations: { select: { id: true } } } as const

/** A Bearer token that opens nothing: scripts must hear it rather than get anonymous answers. */
export class InvalidCredentialsError extends Error {}

/**
 * The viewer of a request, from `Authorization: Bearer <token>` (scripts; it wins over a cookie) or
 * the session cookie (browsers). A bad token is an error, so a script notices its revocation; an
 * expired or revoked session reads as anonymous (published data still shows, writes are refused).
 */
export function resolveViewer(request: Request): Promise<Viewer> {
  // The response cache and the GraphQL context both ask; one lookup per request is enough.
  let viewer = resolved.get(request)
  if (!viewer) resolved.set(request, (viewer = lookUpViewer(request)))
  return viewer
}

const resolved = new WeakMap<Request, Promise<Viewer>>()

async function lookUpViewer(request: Request): Promise<Viewer> {
  const authorization = request.headers.get('authorization')
  if (authorization) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1]
    if (!token) throw new InvalidCredentialsError('En-tête Authorization invalide : « Bearer <jeton> » attendu.')
    const found = await db.apiToken.findUnique({ where: { tokenHash: hashSecret(token) }, select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: userSelect } } })
    if (!found || found.revokedAt || !found.user.active) throw new InvalidCredentialsError('Jeton d’API inconnu, révoqué ou dont le compte est désactivé.')
    // Recording the last use once a minute is enough and spares a write per request.
    if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 60_000) {
      await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } })
    }
    return toViewer(found.user, 'token')
  }
  const secret = sessionSecretIn(request.headers.get('cookie'))
  if (!secret) return anonymous
  const session = await db.session.findUnique({ where: { tokenHash: hashSecret(secret) }, select: { id: true, expiresAt: true, revokedAt: true, user: { select: userSelect } } })
  if (!session || session.revokedAt || session.expiresAt.getTime() <= Date.now() || !session.user.active) return anonymous
  return { ...toViewer(session.user, 'session'), sessionId: session.id }
}

/** The viewer a request has once it signs in, for the rest of that request (the login answer shows the account). */
export async function viewerOfSession(userId: string, sessionId: string): Promise<SignedInViewer> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: userSelect })
  return { ...toViewer(user, 'session'), sessionId }
}

interface LoadedUser {
  id: string
  name: string
  role: Role
  territoryId: string
  platformAdmin: boolean
  organisations: Array<{ id: string }>
}

function toViewer(user: LoadedUser, via: 'session' | 'token'): SignedInViewer {
  return { kind: 'user', userId: user.id, name: user.name, role: user.role, territoryId: user.territoryId, organisationIds: user.organisations.map((o) => o.id), platformAdmin: user.platformAdmin, via }
}
