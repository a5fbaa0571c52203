import { createContext, useContext } from 'solid-js'
import { createQuery } from './query.ts'
import { canRecordProgress, canRequestToJoin, type ParticipationState } from '@mutualis/domain'
import { MeQuery, type Viewer } from '@mutualis/schema/documents/viewer'

/** The signed-in account (null when anonymous, or not known yet: `known`), shared by every screen. */
export function createViewerState() {
  const [me] = createQuery({ query: MeQuery })
  return { viewer: (): Viewer | null => me.data?.me ?? null, known: () => me.data !== undefined || me.error !== undefined }
}

export type ViewerState = ReturnType<typeof createViewerState>
export const ViewerContext = createContext<ViewerState>()

export function useViewer(): ViewerState {
  const state = useContext(ViewerContext)
  if (!state) throw new Error('useViewer outside ViewerContext')
  return state
}

// The domain's permission rules, applied to what the API shows the device. The device sees global
// ids, not database ids, so organisations are compared by INSEE code or global id consistently.
// The server applies the same rules again; this only decides which buttons to offer.

function actor(viewer: Viewer, organisationIds: (organisation: Viewer['organisations'][number]) => string | null | undefined) {
  return { role: viewer.role, territoryId: viewer.territory.id, organisationIds: viewer.organisations.map(organisationIds).filter((id): id is string => Boolean(id)) }
}

export function mayRequestToJoin(viewer: Viewer | null, commune: { inseeCode: string }): boolean {
  if (!viewer) return false
  return canRequestToJoin(actor(viewer, (organisation) => organisation.inseeCode), { id: commune.inseeCode, territoryId: viewer.territory.id }).ok
}

export function mayRecordProgress(
  viewer: Viewer | null,
  participants: ReadonlyArray<{ state: ParticipationState; organisation: { id: string } }>,
): boolean {
  if (!viewer) return false
  const scope = { territoryId: viewer.territory.id, participants: participants.map((p) => ({ organisationId: p.organisation.id, state: p.state })) }
  return canRecordProgress(actor(viewer, (organisation) => organisation.id), scope).ok
}
