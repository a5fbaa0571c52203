import { Show, createSignal } from 'solid-js'
import { createQuery } from '../lib/query.ts'
import { instrumentLabels, opennessLabels, participationStateLabels, roleLabels } from '@mutualis/domain'
import { FirstFew } from '../components/first-few.tsx'
import { ProgressForm } from '../components/progress-form.tsx'
import { ProgressHistory, savingAnnouncement } from '../components/progress-history.tsx'
import { QueryState } from '../components/query-state.tsx'
import { StatusBadge } from '../components/status-badge.tsx'
import { ActionPageQuery, type ActionDetail } from '@mutualis/schema/documents/action'
import { formatDate } from '../lib/format.ts'
import { useOutbox } from '../lib/outbox.ts'
import { usePageTitle } from '../lib/page-title.ts'
import { currentLocation } from '../lib/router.ts'
import { mayRecordProgress, useViewer } from '../lib/viewer.ts'

/** One action of the schéma: where it stands, who takes part, and its points d'avancement. */
export default function ActionPage(props: { id: string }) {
  const [result] = createQuery({ query: ActionPageQuery, variables: () => ({ id: props.id }) })
  const action = () => {
    const node = result.data?.node
    return node && 'title' in node ? (node as ActionDetail) : undefined
  }
  const outbox = useOutbox()
  const { viewer } = useViewer()
  const mine = () => outbox.items().filter((item) => item.kind === 'progress' && item.input.actionId === props.id)
  const [lastSaved, setLastSaved] = createSignal<string>()
  const announcement = () => savingAnnouncement(mine().find((item) => item.id === lastSaved()), outbox.sendingNow())
  usePageTitle(() => action()?.title ?? 'Action')
  return (
    <QueryState result={result}>
      {() => (
        <Show when={action()} keyed fallback={<p role="alert">Cette action n'existe pas ou a été archivée.</p>}>
          {(found) => (
            <article class="action">
              <h1>{found.title}</h1>
              <p>
                <StatusBadge status={found.status} />
              </p>
              <dl class="facts">
                <dt>Domaine</dt>
                <dd>{found.domain.name}</dd>
                <dt>Instrument</dt>
                <dd>{instrumentLabels[found.instrument]}</dd>
                <dt>Ouverture</dt>
                <dd>{opennessLabels[found.openness]}</dd>
                <Show when={found.sharedService} keyed>
                  {(service) => (
                    <>
                      <dt>Service commun</dt>
                      <dd>{service.name}</dd>
                    </>
                  )}
                </Show>
                <Show when={found.jointContract} keyed>
                  {(contract) => (
                    <>
                      <dt>Marché</dt>
                      <dd>{contract.subject}</dd>
                    </>
                  )}
                </Show>
                <Show when={found.effectiveDate ?? found.plannedDate} keyed>
                  {(date) => (
                    <>
                      <dt>{found.effectiveDate ? 'En vigueur depuis' : 'Prévu pour'}</dt>
                      <dd>{formatDate(date)}</dd>
                    </>
                  )}
                </Show>
              </dl>
              <Show when={found.description}>
                <p>{found.description}</p>
              </Show>

              <h2>Participants</h2>
              <Show when={found.participants.length > 0} fallback={<p>Aucun participant n'est renseigné.</p>}>
                <FirstFew items={found.participants} class="participants">
                  {(participant) => (
                    <li>
                      <strong>{participant.organisation.name}</strong> — {roleLabels[participant.role]}
                      {participant.state === 'MEMBER' ? '' : ` (${participationStateLabels[participant.state]})`}
                      {participant.since && participant.state === 'MEMBER' ? `, depuis le ${formatDate(participant.since)}` : ''}
                    </li>
                  )}
                </FirstFew>
              </Show>

              <h2>Points d'avancement</h2>
              <ProgressHistory updates={found.progressUpdates} items={mine()} outbox={outbox} />
              <Show
                when={mayRecordProgress(viewer(), found.participants)}
                fallback={
                  <Show when={!viewer()}>
                    <p>
                      <a class="button-link" href={`/connexion?retour=${encodeURIComponent(currentLocation().pathname)}`}>
                        Se connecter pour ajouter un point d'avancement
                      </a>
                    </p>
                  </Show>
                }
              >
                <ProgressForm
                  currentStatus={found.status}
                  announcement={announcement()}
                  onSave={async (draft) => {
                    const saved = await outbox.recordProgress(found.title, {
                      actionId: found.id,
                      status: draft.status,
                      note: draft.note.trim(),
                      date: draft.date,
                      meeting: draft.meeting.trim() || null,
                      seenVersion: found.version,
                    })
                    setLastSaved(saved.id)
                  }}
                />
              </Show>
            </article>
          )}
        </Show>
      )}
    </QueryState>
  )
}
