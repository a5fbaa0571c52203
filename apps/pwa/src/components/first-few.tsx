import { plural } from '@mutualis/domain'
import { For, Show, type JSX } from 'solid-js'

/** A list showing its first few items, the others one tap away behind « et 12 autres ». */
export function FirstFew<T>(props: { items: readonly T[]; shown?: number; class?: string; children: (item: T) => JSX.Element }) {
  const shown = () => props.shown ?? 5
  const rest = () => props.items.slice(shown())
  return (
    <>
      <Show when={props.items.length > 0}>
        <ul class={props.class}>
          <For each={props.items.slice(0, shown())}>{(item) => props.children(item)}</For>
        </ul>
      </Show>
      <Show when={rest().length > 0}>
        <details class="more">
          <summary>et {plural(rest().length, 'autre', 'autres')}</summary>
          <ul class={props.class}>
            <For each={rest()}>{(item) => props.children(item)}</For>
          </ul>
        </details>
      </Show>
    </>
  )
}
