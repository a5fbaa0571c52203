import { For, Show } from 'solid-js'
import { formatFte } from '../lib/format.ts'
import type { CommuneOffer } from '@mutualis/schema/documents/commune'
import type { OfferDetail } from '@mutualis/schema/documents/offer'
import { MemberList } from './member-list.tsx'
import { HowToJoin, OfferTermsFacts } from './offer-terms.tsx'
import { StatusBadge } from './status-badge.tsx'

/** What only the offer's own page tells: its terms, how to join, who is in, its agents and its actions. */
export function OfferDetails(props: { offer: OfferDetail; entry: CommuneOffer | undefined }) {
  return (
    <>
      <h2>Conditions</h2>
      <OfferTermsFacts terms={props.offer.terms} />

      <Show when={props.entry?.membership !== 'MEMBER'}>
        <h2>Comment rejoindre</h2>
        <HowToJoin text={props.entry?.howToJoin ?? props.offer.terms.howToJoin} deliberations={props.offer.terms.joinDeliberationLabels} />
      </Show>

      <Show when={props.offer.contact}>
        {(contact) => (
          <>
            <h2>Contact</h2>
            <p>{contact()}</p>
          </>
        )}
      </Show>

      <h2>Qui en fait partie</h2>
      <MemberList members={props.offer.members} unnamed={props.offer.unnamedMembers ?? null} />

      <Show when={props.offer.staff.length > 0}>
        <h2>Agents</h2>
        <ul class="member-list">
          <For each={props.offer.staff}>
            {(staff) => (
              <li>
                <strong>{staff.organisation.name}</strong> — {staff.modeLabel}, {formatFte(staff.fte)}
              </li>
            )}
          </For>
        </ul>
      </Show>

      <h2>Actions du schéma</h2>
      <Show when={props.offer.actions.length > 0} fallback={<p>Aucune action du schéma ne porte sur cette offre.</p>}>
        <ul class="offer-lines">
          <For each={props.offer.actions}>
            {(action) => (
              <li>
                <a class="offer-line" href={`/action/${encodeURIComponent(action.id)}`}>
                  <span class="offer-name">{action.title}</span>
                  <span class="offer-meta">
                    <StatusBadge status={action.status} />
                  </span>
                </a>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  )
}
