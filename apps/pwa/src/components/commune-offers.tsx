import { For, Show, createMemo, createSignal } from 'solid-js'
import { groupByDomain, initialSegment, offersOf, segments, type Segment } from '../lib/commune-offers.rules.ts'
import type { CommuneDetail } from '@mutualis/schema/documents/commune'
import type { JoinControls } from '../lib/join-controls.ts'
import { createProgressive } from '../lib/progressive.ts'
import { OfferLine } from './offer-line.tsx'
import { SegmentTabs } from './segment-tabs.tsx'

const emptyText: Record<Segment, (name: string) => string> = {
  'peut-rejoindre': (name) => `Aucune offre n’est ouverte à ${name} en ce moment.`,
  adhere: (name) => `${name} n’adhère encore à aucune offre.`,
  'a-l-etude': (name) => `Aucune ouverture n’est à l’étude pour ${name}.`,
}

/** « Peut rejoindre », « Adhère déjà », « À l’étude »: the offers of the chosen answer, by domain. */
export function CommuneOffers(props: { commune: CommuneDetail; join: Pick<JoinControls, 'waiting'>; segment?: string | null; onSegment?: (segment: Segment) => void }) {
  const [selected, setSelected] = createSignal(initialSegment(props.commune.offers, props.segment ?? null))
  const tabs = () => segments.map((segment) => ({ id: segment.id, label: segment.label, count: offersOf(props.commune.offers, segment.id).length }))
  const groups = createMemo(() => groupByDomain(offersOf(props.commune.offers, selected())))
  // A first screenful of domains at once, the others in the next tasks.
  const progressive = createProgressive(() => groups().length, 4)
  const select = (segment: Segment) => {
    setSelected(segment)
    props.onSegment?.(segment)
  }
  return (
    <>
      <SegmentTabs label={`Offres de ${props.commune.name}`} tabs={tabs()} selected={selected()} panelId="offres" onSelect={select} />
      <div id="offres" role="tabpanel" aria-labelledby={`segment-${selected()}`} aria-busy={!progressive.done()} class="offer-groups">
        <Show when={groups().length > 0} fallback={<p>{emptyText[selected()](props.commune.name)}</p>}>
          <For each={groups().slice(0, progressive.shown())}>
            {(group) => (
              <section aria-labelledby={`domaine-${group.id}`}>
                <h2 id={`domaine-${group.id}`} class="domain-title">
                  {group.name}
                </h2>
                <ul class="offer-lines">
                  <For each={group.offers}>
                    {(entry) => <OfferLine entry={entry} inseeCode={props.commune.inseeCode} waiting={entry.offer.actions.some((action) => props.join.waiting.has(action.id))} />}
                  </For>
                </ul>
              </section>
            )}
          </For>
        </Show>
      </div>
    </>
  )
}
