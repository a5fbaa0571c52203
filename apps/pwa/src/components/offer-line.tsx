import { Show } from 'solid-js'
import type { CommuneOffer } from '@mutualis/schema/documents/commune'
import { StatusBadge } from './status-badge.tsx'

/** Where the commune stands, when it is not said by the segment the line is in. */
export function membershipNote(entry: CommuneOffer, waiting: boolean): string | null {
  if (waiting) return 'Demande d’adhésion en attente d’envoi'
  if (entry.state === 'PLANNED') return 'Adhésion prévue'
  if (entry.membership === 'REQUESTED' || entry.pendingRequest) return 'Demande d’adhésion en cours d’examen'
  return null
}

/** One offer in one line: name, kind, status, what it costs this commune a year. The whole line opens the offer. */
export function OfferLine(props: { entry: CommuneOffer; inseeCode: string; waiting: boolean }) {
  const offer = () => props.entry.offer
  const note = () => membershipNote(props.entry, props.waiting)
  return (
    <li>
      <a class="offer-line" href={`/offre/${encodeURIComponent(offer().id)}?commune=${props.inseeCode}`}>
        <span class="offer-name">{offer().name}</span>
        <span class="offer-meta">
          {offer().kindLabel} · <StatusBadge status={offer().status} /> · <span class="offer-cost">{props.entry.annualCostLabel}</span>
        </span>
        <Show when={note()}>
          <span class="offer-note">{note()}</span>
        </Show>
      </a>
    </li>
  )
}
