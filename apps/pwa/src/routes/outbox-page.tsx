import { For, Show } from 'solid-js'
import { OutboxEntry } from '../components/outbox-entry.tsx'
import { useOutbox } from '../lib/outbox.ts'
import { usePageTitle } from '../lib/page-title.ts'

/** « Mes saisies »: what was entered on this device, sent or waiting, and anything to resolve. */
export default function OutboxPage() {
  const outbox = useOutbox()
  usePageTitle(() => 'Mes saisies')
  return (
    <>
      <h1>Mes saisies</h1>
      <p>Les points d'avancement et demandes d'adhésion saisis sur cet appareil. Ceux en attente partent automatiquement dès que le réseau revient.</p>
      <Show when={outbox.items().length > 0} fallback={<p>Aucune saisie sur cet appareil.</p>}>
        <ul class="cards">
          <For each={[...outbox.items()].reverse()}>{(item) => <OutboxEntry item={item} outbox={outbox} showLabel />}</For>
        </ul>
      </Show>
    </>
  )
}
