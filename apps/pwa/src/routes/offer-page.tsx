import { For, Show } from 'solid-js'
import { OfferDetails } from '../components/offer-details.tsx'
import { OfferForCommune } from '../components/offer-commune.tsx'
import { OutboxEntry } from '../components/outbox-entry.tsx'
import { QueryState } from '../components/query-state.tsx'
import { StatusBadge } from '../components/status-badge.tsx'
import { useJoinControls } from '../lib/join-controls.ts'
import { CommuneOffersQuery, OfferPageQuery, type OfferDetail } from '@mutualis/schema/documents/offer'
import { useOutbox } from '../lib/outbox.ts'
import { usePageTitle } from '../lib/page-title.ts'
import { createQuery } from '../lib/query.ts'
import { currentLocation } from '../lib/router.ts'
import { useViewer } from '../lib/viewer.ts'

const unseenDetail = "Les conditions, les membres et les actions de cette offre n'ont pas encore été consultés sur cet appareil : ils s'afficheront au retour du réseau."

/** An offer: where it stands, what it costs my commune, its terms, who is in, how to join, its actions. */
export default function OfferPage(props: { id: string; inseeCode: string | null }) {
  const [result] = createQuery({ query: OfferPageQuery, variables: () => ({ id: props.id }) })
  const [mine] = createQuery({ query: CommuneOffersQuery, variables: () => ({ inseeCode: props.inseeCode ?? '' }), pause: () => !props.inseeCode })
  const offer = () => {
    const node = result.data?.node
    return node && 'terms' in node ? (node as OfferDetail) : undefined
  }
  const commune = () => mine.data?.commune ?? undefined
  const entry = () => commune()?.offers.find((candidate) => candidate.offer.id === props.id)
  // What « Ma commune » stored about the offer (name, status, cost for the commune) shows at once,
  // offline too, even when the offer's own page was never opened on this device.
  const known = () => offer() ?? entry()?.offer
  const join = useJoinControls(commune)
  const outbox = useOutbox()
  const { viewer } = useViewer()
  const refused = () => outbox.items().filter((item) => item.kind === 'join' && (item.state === 'rejected' || item.state === 'conflict') && entry()?.offer.actions.some((action) => action.id === item.input.actionId))
  const signIn = () => (viewer() ? null : `/connexion?retour=${encodeURIComponent(currentLocation().pathname + currentLocation().search)}`)
  const missing = () => <p role="alert">Cette offre n'existe pas ou a été retirée.</p>
  usePageTitle(() => known()?.name ?? 'Offre')
  return (
    <Show when={known()} fallback={<QueryState result={result}>{missing}</QueryState>}>
      {(head) => (
        <article>
          <h1>{head().name}</h1>
          <p class="offer-meta">
            <StatusBadge status={head().status} /> · {head().kindLabel}
            {head().domain ? ` · ${head().domain?.name}` : ''}
          </p>
          <Show when={offer()?.summary}>
            <p>{offer()?.summary}</p>
          </Show>
          <Show when={entry() && commune()} keyed>
            {(current) => (
              <OfferForCommune entry={entry()!} actions={offer()?.actions ?? []} communeInseeCode={current.inseeCode} communeName={current.name} costKey={offer()?.cost.key?.label ?? null} totalCost={offer()?.cost.label ?? null} join={join} signInHref={signIn()} />
            )}
          </Show>
          <Show when={refused().length > 0}>
            <ul class="cards outbox">
              <For each={refused()}>{(item) => <OutboxEntry item={item} outbox={outbox} />}</For>
            </ul>
          </Show>
          <QueryState result={result} unseen={unseenDetail}>
            {() => (
              <Show when={offer()} keyed fallback={missing()}>
                {(found) => <OfferDetails offer={found} entry={entry()} />}
              </Show>
            )}
          </QueryState>
        </article>
      )}
    </Show>
  )
}
