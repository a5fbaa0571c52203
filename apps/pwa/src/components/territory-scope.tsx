import { Show, createEffect, type JSX } from 'solid-js'
import { TerritoriesQuery } from '@mutualis/schema/documents/territory'
import { createQuery } from '../lib/query.ts'
import { forgetTerritory, rememberTerritory, useTerritory } from '../lib/territory.ts'
import { TerritoryPicker } from './name-picker.tsx'
import { QueryState } from './query-state.tsx'

/**
 * Renders its children for the reader's intercommunalité. Until it is known, takes the only one the
 * service holds, or asks once which (remembered on the device).
 */
export function TerritoryScope(props: { children: (siren: string) => JSX.Element }) {
  const territory = useTerritory()
  // Asked for only while the territory is unknown, and kept to tell whether there is a choice.
  const [list] = createQuery({ query: TerritoriesQuery, pause: () => territory.undecided() || (!territory.chosen() && territory.siren() !== null) })
  createEffect(() => {
    const territories = list.data?.territories
    if (territory.siren() === null && !territory.undecided() && territories?.length === 1) rememberTerritory(territories[0].siren)
  })
  const several = () => (list.data?.territories.length ?? 0) > 1
  return (
    <Show
      when={territory.siren()}
      keyed
      fallback={
        <Show when={!territory.undecided()} fallback={<p role="status" aria-busy="true">Chargement…</p>}>
          <QueryState result={list}>
            {(data) => (
              <Show when={data.territories.length !== 1}>
                <Show when={data.territories.length > 0} fallback={<p>Aucune intercommunalité n’est encore chargée dans Mutualis.</p>}>
                  <p>Mutualis tient les schémas de plusieurs intercommunalités : choisissez la vôtre, l’appareil s’en souviendra.</p>
                  <TerritoryPicker territories={data.territories} onPick={(picked) => rememberTerritory(picked.siren)} />
                </Show>
              </Show>
            )}
          </QueryState>
        </Show>
      }
    >
      {(siren) => (
        <>
          {props.children(siren)}
          <Show when={territory.chosen() && several()}>
            <p>
              <button type="button" class="link-button" onClick={forgetTerritory}>
                Changer d’intercommunalité
              </button>
            </p>
          </Show>
        </>
      )}
    </Show>
  )
}
