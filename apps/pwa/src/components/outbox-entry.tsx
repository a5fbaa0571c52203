import { Match, Show, Switch } from 'solid-js'
import { formatDate, formatDateTime } from '../lib/format.ts'
import type { Outbox } from '../lib/outbox.ts'
import type { OutboxItem } from '../lib/outbox.rules.ts'
import { StatusBadge } from './status-badge.tsx'

const stateLabels: Record<OutboxItem['state'], string> = {
  pending: 'En attente d’envoi',
  accepted: 'Enregistré',
  conflict: 'Conflit à résoudre',
  rejected: 'Refusé',
}

/** One submission kept on the device, where it stands, and what the user can do about it. */
export function OutboxEntry(props: { item: OutboxItem; outbox: Pick<Outbox, 'resendOverCurrent' | 'dismiss'>; showLabel?: boolean }) {
  const item = () => props.item
  const progressInput = () => {
    const current = item()
    return current.kind === 'progress' ? current.input : null
  }
  return (
    <li class={`outbox-entry outbox-${item().state}`}>
      <p>
        <span class="outbox-state">{stateLabels[item().state]}</span>{' '}
        {item().kind === 'progress' ? 'Point d’avancement' : 'Demande d’adhésion'}
        <Show when={props.showLabel}> — {item().label}</Show>
        <span class="meta"> · saisi le {formatDateTime(new Date(item().createdAt))}</span>
      </p>
      <Show when={progressInput()} keyed>
        {(input) => (
          <p>
            <StatusBadge status={input.status} /> {formatDate(input.date)}
            {input.meeting ? ` · ${input.meeting}` : ''} — {input.note}
          </p>
        )}
      </Show>
      <Show when={item().message}>
        <p class="outbox-message">{item().message}</p>
      </Show>
      <Switch>
        <Match when={item().state === 'conflict' && item().current} keyed>
          {(current) => (
            <div class="outbox-actions">
              <p>
                État actuel sur le serveur : <StatusBadge status={current.status} />
              </p>
              <button type="button" class="button" onClick={() => void props.outbox.resendOverCurrent(item())}>
                Envoyer quand même
              </button>
              <button type="button" class="link-button" onClick={() => void props.outbox.dismiss(item())}>
                Abandonner ma saisie
              </button>
            </div>
          )}
        </Match>
        <Match when={item().state !== 'pending'}>
          <button type="button" class="link-button" onClick={() => void props.outbox.dismiss(item())}>
            Retirer de la liste
          </button>
        </Match>
      </Switch>
    </li>
  )
}
