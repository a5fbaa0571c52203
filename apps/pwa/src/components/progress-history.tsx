import { For, Show } from 'solid-js'
import type { ProgressUpdate } from '@mutualis/schema/documents/action'
import type { Outbox } from '../lib/outbox.ts'
import type { OutboxItem } from '../lib/outbox.rules.ts'
import { OutboxEntry } from './outbox-entry.tsx'
import { ProgressTimeline } from './progress-timeline.tsx'

type Device = Pick<Outbox, 'resendOverCurrent' | 'dismiss' | 'sendingNow' | 'savedNow'>

/**
 * An action's history with what this device added: a point waiting for the network (or for a
 * decision) shows as a card; once the server has it, it is one entry of the history, marked
 * « Enregistré » — never both.
 */
export function ProgressHistory(props: { updates: readonly ProgressUpdate[]; items: readonly OutboxItem[]; outbox: Device }) {
  const cards = () => props.items.filter((item) => item.state !== 'accepted' && !(item.state === 'pending' && props.outbox.sendingNow() === item.id))
  const saved = () => props.items.flatMap((item) => (item.kind === 'progress' && item.state === 'accepted' && props.outbox.savedNow().has(item.id) ? [item.input] : []))
  const justSaved = (update: ProgressUpdate) => saved().some((input) => input.note === update.text && input.date === update.date.slice(0, 10))
  return (
    <>
      <Show when={cards().length > 0}>
        <ul class="cards outbox" aria-label="Saisies de cet appareil">
          <For each={cards()}>{(item) => <OutboxEntry item={item} outbox={props.outbox} />}</For>
        </ul>
      </Show>
      <ProgressTimeline updates={props.updates} justSaved={justSaved} />
    </>
  )
}

/** What a screen reader hears after « Enregistrer »: the same fact the screen shows. */
export function savingAnnouncement(item: OutboxItem | undefined, sendingNow: string | null): string {
  if (!item) return ''
  if (item.state === 'accepted') return 'Point d’avancement enregistré.'
  if (item.state === 'pending') return sendingNow === item.id ? 'Envoi du point d’avancement…' : 'Point d’avancement en attente d’envoi : il partira dès que le réseau le permet.'
  if (item.state === 'conflict') return 'Conflit à résoudre : l’action a changé entre-temps.'
  return 'Point d’avancement refusé par le serveur.'
}
