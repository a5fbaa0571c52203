import { Match, Switch, type JSX } from 'solid-js'
import type { CombinedError } from '@urql/core'
import { isOnline } from '../lib/connectivity.ts'

interface QueryLike<T> {
  data?: T
  fetching: boolean
  error?: CombinedError
}

/** Renders the data once there is some; otherwise says plainly why there is none (`unseen`: what is missing offline). */
export function QueryState<T>(props: { result: QueryLike<T>; unseen?: string; children: (data: T) => JSX.Element }) {
  return (
    <Switch>
      <Match when={props.result.data} keyed>
        {(data) => props.children(data)}
      </Match>
      <Match when={!isOnline()}>
        <p role="status">{props.unseen ?? "Ces données n'ont pas encore été consultées sur cet appareil : elles s'afficheront au retour du réseau."}</p>
      </Match>
      <Match when={props.result.error}>
        <p role="alert">Le serveur n'a pas pu répondre. Réessayez dans un instant.</p>
      </Match>
      <Match when={true}>
        <p role="status" aria-busy="true">
          Chargement…
        </p>
      </Match>
    </Switch>
  )
}
