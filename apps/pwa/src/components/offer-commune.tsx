import { Show } from 'solid-js'
import type { CommuneOffer } from '@mutualis/schema/documents/commune'
import type { OfferAction } from '@mutualis/schema/documents/offer'
import { joinActionOf, type JoinControls } from '../lib/join-controls.ts'
import { formatDate } from '../lib/format.ts'

/** Where the commune stands: « Adhère depuis le 1er avril 2024 », « Adhésion prévue », « Peut rejoindre »… */
export function situationText(entry: CommuneOffer): string {
  if (entry.state === 'MEMBER' && entry.since) return `Adhère depuis le ${formatDate(entry.since)}`
  return entry.membershipLabel
}

/** The offer as one commune sees it: its situation, its yearly cost and the key behind it, and the request to join. */
export function OfferForCommune(props: {
  entry: CommuneOffer
  /** The offer's actions, with what tells whether the commune may ask to join through one. */
  actions: readonly Pick<OfferAction, 'id' | 'instrument' | 'openness' | 'status' | 'openTo'>[]
  communeInseeCode: string
  communeName: string
  costKey: string | null
  /** Null while the offer's own page has not been loaded (offline, seen only from « Ma commune »). */
  totalCost: string | null
  join: JoinControls
  signInHref: string | null
}) {
  const action = () => joinActionOf(props.actions, props.communeInseeCode)
  const waiting = () => props.entry.offer.actions.some((candidate) => props.join.waiting.has(candidate.id))
  const mayAsk = () => ['JOINABLE', 'UNDER_STUDY'].includes(props.entry.membership) && !props.entry.pendingRequest && Boolean(action())
  return (
    <section class="for-commune" aria-labelledby="pour-commune">
      <h2 id="pour-commune">Pour {props.communeName}</h2>
      <p class="situation">{situationText(props.entry)}</p>
      <p>
        Coût pour {props.communeName} : <strong class="offer-cost">{props.entry.annualCostLabel}</strong>
      </p>
      <Show when={props.totalCost}>
        <p class="meta">
          Montant total : {props.totalCost}
          <Show when={props.costKey}> · clé de répartition : {props.costKey}</Show>
        </p>
      </Show>
      <Show when={props.entry.pendingRequest || waiting()}>
        <p class="pending" role="status">
          {waiting() ? 'Demande d’adhésion en attente d’envoi' : 'Demande d’adhésion en cours d’examen'}
        </p>
      </Show>
      <Show when={mayAsk() && !waiting()}>
        <Show
          when={props.join.allowed}
          fallback={
            <Show when={props.signInHref}>
              {(href) => (
                <a class="button-link" href={href()}>
                  Se connecter pour demander à rejoindre
                </a>
              )}
            </Show>
          }
        >
          <button type="button" class="button" onClick={() => props.join.request(action()!.id, props.entry.offer.name)}>
            Demander à rejoindre
          </button>
        </Show>
      </Show>
    </section>
  )
}
