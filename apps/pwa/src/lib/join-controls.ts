import type { JoinControls } from '../components/commune-sections.tsx'
import type { CommuneDetail } from './commune.queries.ts'
import { useOutbox } from './outbox.ts'
import { mayRequestToJoin, useViewer } from './viewer.ts'

/** Whether the viewer may ask to join for this commune, and the requests kept on the device. */
export function useJoinControls(commune: () => CommuneDetail | undefined): JoinControls {
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
    request: (opportunity) => {
      const current = commune()
      if (current) void outbox.requestToJoin(opportunity.action.title, { actionId: opportunity.action.id, organisationId: current.id })
    },
  }
}
