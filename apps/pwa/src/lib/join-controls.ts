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
