import { For, Show } from 'solid-js'
import type { ProgressUpdate } from '@mutualis/schema/documents/action'
import { formatDate } from '../lib/format.ts'
import { StatusBadge } from './status-badge.tsx'

/** The points d'avancement of an action, most recent first; those just saved from this device say so. */
export function ProgressTimeline(props: { updates: readonly ProgressUpdate[]; justSaved?: (update: ProgressUpdate) => boolean }) {
  const newestFirst = () => [...props.updates].reverse()
  return (
    <Show when={props.updates.length > 0} fallback={<p>Aucun point d'avancement n'a encore été enregistré.</p>}>
      <ol class="timeline">
        <For each={newestFirst()}>
          {(update) => (
            <li>
              <p class="meta">
                <time datetime={update.date}>{formatDate(update.date)}</time>
                {update.meeting ? ` · ${update.meeting}` : ''}
                {update.author ? ` · ${update.author}` : ''}
              </p>
              <p>
                <StatusBadge status={update.statusAfter} />
                <Show when={props.justSaved?.(update)}>
                  {' '}
                  <span class="saved-tag">Enregistré</span>
                </Show>
              </p>
              <p class="note">{update.text}</p>
            </li>
          )}
        </For>
      </ol>
    </Show>
  )
}
