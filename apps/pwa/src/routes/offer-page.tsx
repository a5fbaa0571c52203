import { For, Show } from 'solid-js'
import { MemberList } from '../components/member-list.tsx'
import { OfferForCommune } from '../components/offer-commune.tsx'
import { HowToJoin, OfferTermsFacts } from '../components/offer-terms.tsx'
import { OutboxEntry } from '../components/outbox-entry.tsx'
import { QueryState } from '../components/query-state.tsx'
import { StatusBadge } from '../components/status-badge.tsx'
import { formatFte } from '../lib/format.ts'
import { useJoinControls } from '../lib/join-controls.ts'
import { CommuneOffersQuery, OfferPageQuery, type OfferDetail } from '../lib/offer.queries.ts'
import { useOutbox } from '../lib/outbox.ts'
import { usePageTitle } from '../lib/page-title.ts'
import { createQuery } from '../lib/query.ts'
import { currentLocation } from '../lib/router.ts'
import { useViewer } from '../lib/viewer.ts'

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
  const join = useJoinControls(commune)
  const outbox = useOutbox()
  const { viewer } = useViewer()
  const refused = () => outbox.items().filter((item) => item.kind === 'join' && (item.state === 'rejected' || item.state === 'conflict') && entry()?.offer.actions.some((action) => action.id === item.input.actionId))
  const signIn = () => (viewer() ? null : `/connexion?retour=${encodeURIComponent(currentLocation().pathname + currentLocation().search)}`)
  usePageTitle(() => offer()?.name ?? 'Offre')
  return (
    <QueryState result={result}>
      {() => (
        <Show when={offer()} keyed fallback={<p role="alert">Cette offre n'existe pas ou a été retirée.</p>}>
          {(found) => (
            <article>
              <h1>{found.name}</h1>
              <p class="offer-meta">
                <StatusBadge status={found.status} /> · {found.kindLabel}
                {found.domain ? ` · ${found.domain.name}` : ''}
              </p>
              <Show when={found.summary}>
                <p>{found.summary}</p>
              </Show>
              <Show when={entry() && commune()} keyed>
                {(current) => <OfferForCommune entry={entry()!} actions={found.actions} communeInseeCode={current.inseeCode} communeName={current.name} costKey={found.cost.key?.label ?? null} totalCost={found.cost.label} join={join} signInHref={signIn()} />}
              </Show>
              <Show when={refused().length > 0}>
                <ul class="cards outbox">
                  <For each={refused()}>{(item) => <OutboxEntry item={item} outbox={outbox} />}</For>
                </ul>
              </Show>

              <h2>Conditions</h2>
              <OfferTermsFacts terms={found.terms} />

              <Show when={entry()?.membership !== 'MEMBER'}>
                <h2>Comment rejoindre</h2>
                <HowToJoin text={entry()?.howToJoin ?? found.terms.howToJoin} deliberations={found.terms.joinDeliberationLabels} />
              </Show>

              <h2>Qui en fait partie</h2>
              <MemberList members={found.members} unnamed={found.unnamedMembers ?? null} />

              <Show when={found.staff.length > 0}>
                <h2>Agents</h2>
                <ul class="member-list">
                  <For each={found.staff}>
                    {(staff) => (
                      <li>
                        <strong>{staff.organisation.name}</strong> — {staff.modeLabel}, {formatFte(staff.fte)}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>

              <h2>Actions du schéma</h2>
              <Show when={found.actions.length > 0} fallback={<p>Aucune action du schéma ne porte sur cette offre.</p>}>
                <ul class="offer-lines">
                  <For each={found.actions}>
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
            </article>
          )}
        </Show>
      )}
    </QueryState>
  )
}
