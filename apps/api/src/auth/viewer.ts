import { unauthenticated } from '../errors.ts'
import type { Role } from '../generated/sqlite/enums.ts'

/** Who is asking: nobody (published data only), or a signed-in user with a role in one territory. */
export type Viewer =
  | { kind: 'anonymous' }
  | {
      kind: 'user'
      userId: string
      name: string
      role: Role
      territoryId: string
      organisationIds: readonly string[]
      /** Runs the platform: may create and refresh any territory (set from the command line only). */
      platformAdmin: boolean
      via: 'session' | 'token'
      sessionId?: string
    }

export type SignedInViewer = Extract<Viewer, { kind: 'user' }>

export const anonymous: Viewer = { kind: 'anonymous' }

/** Reading what is not public (pending join requests, users, audit log): admins and analysts. */
export function canReadPrivate(viewer: Viewer): boolean {
  return viewer.kind === 'user' && (viewer.role === 'ADMIN' || viewer.role === 'ANALYST')
}

/** How the audit log names someone. */
export function actorLabel(viewer: Viewer): string {
  return viewer.kind === 'user' ? `${viewer.name} (${viewer.role})` : 'anonyme'
}

/**
 * The signed-in viewer, for resolvers whose scope already demands a login (the scope check runs
 * first; this narrows the type and guards a field whose scopes were misdeclared).
 */
export function signedIn(viewer: Viewer): SignedInViewer {
  if (viewer.kind !== 'user') throw unauthenticated()
  return viewer
}
