import { For, Show, createEffect } from 'solid-js'
import { createQuery } from '../lib/query.ts'
import { CommunePicker } from '../components/commune-picker.tsx'
import { CommuneSections } from '../components/commune-sections.tsx'
import { OutboxEntry } from '../components/outbox-entry.tsx'
import { QueryState } from '../components/query-state.tsx'
import { CommunePageQuery, CommunesQuery } from '../lib/commune.queries.ts'
import { usePageTitle } from '../lib/page-title.ts'
import { rememberCommune } from '../lib/remembered-commune.ts'
import { navigate } from '../lib/router.ts'
import { useJoinControls } from '../lib/join-controls.ts'
import { useOutbox } from '../lib/outbox.ts'

/** « Ma commune »: pick a commune, then what it shares, can join, and what is being studied. */
export default function CommunePage(props: { inseeCode?: string }) {
  const [communes] = createQuery({ query: CommunesQuery })
  const [page] = createQuery({
    query: CommunePageQuery,
    variables: () => ({ inseeCode: props.inseeCode ?? '' }),
    pause: () => !props.inseeCode,
  })
  const commune = () => (props.inseeCode ? (page.data?.commune ?? undefined) : undefined)
  const join = useJoinControls(commune)
  const outbox = useOutbox()
  // Answers to this commune's requests made on the device: accepted, refused, to resolve.
  const answered = () => outbox.items().filter((item) => item.kind === 'join' && item.state !== 'pending' && item.input.organisationId === commune()?.id)
  usePageTitle(() => commune()?.name ?? 'Ma commune')
  createEffect(() => {
    const chosen = commune()
    if (chosen) rememberCommune(chosen.inseeCode)
  })

  const picker = () => (
    <QueryState result={communes}>
      {(data) => <CommunePicker communes={data.communes} onPick={(picked) => navigate(`/commune/${picked.inseeCode}`)} />}
    </QueryState>
  )

  return (
    <Show
      when={props.inseeCode}
      fallback={
        <>
          <h1>Ma commune</h1>
          <p>Choisissez votre commune pour voir les services qu'elle partage et ceux qu'elle peut rejoindre.</p>
          {picker()}
        </>
      }
    >
      <QueryState result={page}>
        {(data) => (
          <Show when={data.commune} keyed fallback={<p role="alert">Aucune commune ne porte le code {props.inseeCode}.</p>}>
            {(found) => (
              <>
                <h1>{found.name}</h1>
                <details class="change-commune">
                  <summary>Changer de commune</summary>
                  {picker()}
                </details>
                <Show when={answered().length > 0}>
                  <h2>Vos demandes d'adhésion</h2>
                  <ul class="cards outbox">
                    <For each={answered()}>{(item) => <OutboxEntry item={item} outbox={outbox} showLabel />}</For>
                  </ul>
                </Show>
                <CommuneSections commune={found} join={join} />
              </>
            )}
          </Show>
        )}
      </QueryState>
    </Show>
  )
}
