import type { Role } from '../generated/sqlite/enums.ts'

/** Who is asking: nobody (published data only), or a signed-in user with a role in one territory. */
export type Viewer =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; name: string; role: Role; territoryId: string; organisationIds: readonly string[]; via: 'session' | 'token'; sessionId?: string }

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
