import { joinability, type JoinableAction } from '@mutualis/domain'
import { useOutbox } from './outbox.ts'
import { mayRequestToJoin, useViewer } from './viewer.ts'

export interface JoinControls {
  /** The viewer may ask to join on behalf of this commune. */
  allowed: boolean
  /** Actions with a request kept on the device, not yet answered by the server. */
  waiting: ReadonlySet<string>
  /** Asks, through the outbox (kept on the device until the server answers), to join via this action. */
  request: (actionId: string, label: string) => void
}

/** Whether the viewer may ask to join for this commune, and the requests kept on the device. */
export function useJoinControls(commune: () => { id: string; inseeCode: string } | undefined): JoinControls {
  const outbox = useOutbox()
  const { viewer } = useViewer()
  return {
    get allowed() {
      const current = commune()
      return Boolean(current && mayRequestToJoin(viewer(), current))
    },
    get waiting() {
      const current = commune()
      const ids = outbox.items().flatMap((item) => (item.kind === 'join' && item.state === 'pending' && item.input.organisationId === current?.id ? [item.input.actionId] : []))
      return new Set(ids)
    },
    request: (actionId, label) => {
      const current = commune()
      if (current) void outbox.requestToJoin(label, { actionId, organisationId: current.id })
    },
  }
}

/**
 * The action a request to join an offer goes through: a request is made on an action, and the API
 * accepts it only on one the commune may join (the domain's joinability), which is not always the
 * offer's first. None: the offer is joined another way (its « Comment rejoindre »).
 */
export function joinActionOf<A extends Omit<JoinableAction, 'openTo'> & { openTo: ReadonlyArray<{ id: string; inseeCode?: string | null }> }>(actions: readonly A[], inseeCode: string): A | undefined {
  // Organisations are compared by INSEE code: the device sees global ids, which differ by type (see viewer.ts).
  const listed = (action: A) => action.openTo.map((organisation) => organisation.inseeCode ?? `#${organisation.id}`)
  return actions.find((action) => joinability(inseeCode, { ...action, openTo: listed(action) }, undefined).ok)
}
