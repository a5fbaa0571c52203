import { For, Show, createEffect, createSignal } from 'solid-js'
import { createQuery } from '../lib/query.ts'
import { CommuneOffers } from '../components/commune-offers.tsx'
import { CommunePicker } from '../components/name-picker.tsx'
import { TerritoryScope } from '../components/territory-scope.tsx'
import { ImpactLine } from '../components/impact-line.tsx'
import { OutboxEntry } from '../components/outbox-entry.tsx'
import { QueryState } from '../components/query-state.tsx'
import { CommunePageQuery, CommunesQuery } from '@mutualis/schema/documents/commune'
import { usePageTitle } from '../lib/page-title.ts'
import { rememberCommune } from '../lib/remembered-commune.ts'
import { rememberTerritory } from '../lib/territory.ts'
import { currentLocation, navigate } from '../lib/router.ts'
import { useJoinControls } from '../lib/join-controls.ts'
import { useOutbox } from '../lib/outbox.ts'

/** « Ma commune »: pick a commune, then what it can join, is in, and is studying, with its yearly cost. */
export default function CommunePage(props: { inseeCode?: string }) {
  // The list of communes is asked for only when it shows: on a commune's page, once « Changer de commune » opens.
  const [picking, setPicking] = createSignal(!props.inseeCode)
  const [page] = createQuery({
    query: CommunePageQuery,
    variables: () => ({ inseeCode: props.inseeCode ?? '' }),
    pause: () => !props.inseeCode,
  })
  const commune = () => (props.inseeCode ? (page.data?.commune ?? undefined) : undefined)
  const join = useJoinControls(commune)
  const outbox = useOutbox()
  // Requests the server refused or wants decided: accepted ones show on their offer as « en cours d’examen ».
  const answered = () => outbox.items().filter((item) => item.kind === 'join' && (item.state === 'rejected' || item.state === 'conflict') && item.input.organisationId === commune()?.id)
  // The chosen segment lives in the address, so « back » from an offer returns to it.
  const segment = new URLSearchParams(currentLocation().search).get('vue')
  const keepSegment = (chosen: string) => history.replaceState(history.state, '', `${currentLocation().pathname}?vue=${chosen}`)
  usePageTitle(() => commune()?.name ?? 'Ma commune')
  createEffect(() => {
    const chosen = commune()
    if (!chosen) return
    rememberCommune(chosen.inseeCode)
    rememberTerritory(chosen.territory.siren)
  })

  const picker = () => <TerritoryScope>{(territory) => <Communes territory={territory} />}</TerritoryScope>

  return (
    <Show
      when={props.inseeCode}
      fallback={
        <>
          <h1>Ma commune</h1>
          <p>Choisissez votre commune pour voir ce qu'elle peut rejoindre, ce à quoi elle adhère et ce qu'il lui en coûte.</p>
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
                <Show when={answered().length > 0}>
                  <h2>Vos demandes d'adhésion</h2>
                  <ul class="cards outbox">
                    <For each={answered()}>{(item) => <OutboxEntry item={item} outbox={outbox} showLabel />}</For>
                  </ul>
                </Show>
                <CommuneOffers commune={found} join={join} segment={segment} onSegment={keepSegment} />
                <ImpactLine impact={found.impact} inseeCode={found.inseeCode} />
                <details class="change-commune" onToggle={(event) => event.currentTarget.open && setPicking(true)}>
                  <summary>Changer de commune</summary>
                  <Show when={picking()}>{picker()}</Show>
                </details>
              </>
            )}
          </Show>
        )}
      </QueryState>
    </Show>
  )
}

/** The communes of one intercommunalité to choose from; the list is asked for only when it shows. */
function Communes(props: { territory: string }) {
  const [communes] = createQuery({ query: CommunesQuery, variables: () => ({ territory: props.territory }) })
  return (
    <QueryState result={communes}>
      {(data) => <CommunePicker communes={data.communes} onPick={(picked) => navigate(`/commune/${picked.inseeCode}`)} />}
    </QueryState>
  )
}
