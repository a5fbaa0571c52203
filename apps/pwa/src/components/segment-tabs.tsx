import { For } from 'solid-js'

export interface SegmentTab<Id extends string> {
  id: Id
  label: string
  count: number
}

/**
 * A segmented control with the tabs pattern (WAI-ARIA APG): one tab stop, arrows move between
 * segments, the panel is labelled by the chosen one.
 */
export function SegmentTabs<Id extends string>(props: { label: string; tabs: readonly SegmentTab<Id>[]; selected: Id; panelId: string; onSelect: (id: Id) => void }) {
  let list!: HTMLDivElement
  const move = (event: KeyboardEvent, index: number) => {
    const last = props.tabs.length - 1
    const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key]
    if (next === undefined) return
    event.preventDefault()
    props.onSelect(props.tabs[next].id)
    list.querySelectorAll<HTMLElement>('[role=tab]')[next]?.focus()
  }
  return (
    <div class="segments" role="tablist" aria-label={props.label} ref={list}>
      <For each={props.tabs}>
        {(tab, index) => (
          <button
            type="button"
            role="tab"
            id={`segment-${tab.id}`}
            aria-selected={tab.id === props.selected}
            aria-controls={props.panelId}
            tabindex={tab.id === props.selected ? 0 : -1}
            onClick={() => props.onSelect(tab.id)}
            onKeyDown={(event) => move(event, index())}
          >
            <span class="segment-label">{tab.label}</span> <span class="segment-count">{tab.count}</span>
          </button>
        )}
      </For>
    </div>
  )
}
