import { For, Show } from 'solid-js'
import type { OfferTerms } from '@mutualis/schema/documents/offer'
import { formatDate } from '../lib/format.ts'

/** « Tacite, préavis de 3 mois » and its kin, from what the terms say (or do not). */
export function renewalText(terms: Pick<OfferTerms, 'tacitRenewal' | 'noticeMonths'>): string {
  const renewal = terms.tacitRenewal === null || terms.tacitRenewal === undefined ? 'Non précisée' : terms.tacitRenewal ? 'Tacite' : 'Sur décision expresse'
  return terms.noticeMonths ? `${renewal}, préavis de ${terms.noticeMonths} mois` : renewal
}

/** Start, end, renewal and notice, then the legal basis. */
export function OfferTermsFacts(props: { terms: OfferTerms }) {
  const notice = () => props.terms.dueDates.find((due) => due.kind === 'NOTICE')
  return (
    <dl class="facts">
      <dt>Début</dt>
      <dd>{props.terms.startDate ? formatDate(props.terms.startDate) : 'Non renseigné'}</dd>
      <dt>Fin</dt>
      <dd>{props.terms.endDate ? formatDate(props.terms.endDate) : 'Sans terme fixé'}</dd>
      <dt>Reconduction</dt>
      <dd>
        {props.terms.renewalDate ? `${formatDate(props.terms.renewalDate)} — ` : ''}
        {renewalText(props.terms)}
        <Show when={notice()}>{(due) => <> (préavis au plus tard le {formatDate(due().date)})</>}</Show>
      </dd>
      <dt>Base légale</dt>
      <dd>{props.terms.legalBasis}</dd>
    </dl>
  )
}

/** The steps to join, and the deliberations they take. */
export function HowToJoin(props: { text: string; deliberations: readonly string[] }) {
  return (
    <>
      <p>{props.text}</p>
      <Show when={props.deliberations.length > 0}>
        <p class="meta">Délibérations nécessaires :</p>
        <ul class="inline-links">
          <For each={props.deliberations}>{(label) => <li>{label}</li>}</For>
        </ul>
      </Show>
    </>
  )
}
