import { For, Show } from 'solid-js'
import { instrumentLabels, participationStateLabels, roleLabels } from '@mutualis/domain'
import { communeSections } from '../lib/commune-sections.rules.ts'
import type { CommuneDetail, JoinOpportunity } from '../lib/commune.queries.ts'
import { formatDate, plural } from '../lib/format.ts'
import { StatusBadge } from './status-badge.tsx'

export interface JoinControls {
  /** The viewer may ask to join on behalf of this commune. */
  allowed: boolean
  /** Actions with a request kept on the device, not yet answered by the server. */
  waiting: ReadonlySet<string>
  request: (opportunity: JoinOpportunity) => void
}

/** The three answers to « what does my commune share, and what can it join? ». */
export function CommuneSections(props: { commune: CommuneDetail; join: JoinControls }) {
  const sections = () => communeSections(props.commune.participations, props.commune.joinable)
  return (
    <>
      <nav aria-label="Sections" class="section-summary">
        <a href="#peut-rejoindre">{plural(sections().canJoin.length, 'service', 'services')} à rejoindre</a>
        <a href="#participe">{plural(sections().participates.length, 'service partagé', 'services partagés')}</a>
        <a href="#a-l-etude">{plural(sections().underStudy.length, 'ouverture', 'ouvertures')} à l'étude</a>
      </nav>

      <section id="peut-rejoindre" aria-labelledby="peut-rejoindre-titre">
        <h2 id="peut-rejoindre-titre">Services que {props.commune.name} peut rejoindre</h2>
        <Show when={sections().canJoin.length > 0} fallback={<p>Aucun service n'est ouvert à {props.commune.name} en ce moment.</p>}>
          <ul class="cards">
            <For each={sections().canJoin}>{(opportunity) => <OpportunityCard opportunity={opportunity} join={props.join} />}</For>
          </ul>
        </Show>
      </section>

      <section id="participe" aria-labelledby="participe-titre">
        <h2 id="participe-titre">Services auxquels {props.commune.name} participe</h2>
        <Show when={sections().participates.length > 0} fallback={<p>{props.commune.name} ne participe encore à aucun service partagé.</p>}>
          <ul class="cards">
            <For each={sections().participates}>
              {(participation) => (
                <li class="card">
                  <a href={`/action/${participation.action.id}`} class="card-title">{participation.action.title}</a>
                  <p class="meta">
                    {instrumentLabels[participation.action.instrument]} · {roleLabels[participation.role]}
                    {participation.state === 'MEMBER' ? '' : ` · ${participationStateLabels[participation.state]}`}
                  </p>
                  <p class="meta">{participation.since ? `Depuis le ${formatDate(participation.since)}` : 'Date d’adhésion non renseignée'}</p>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>

      <section id="a-l-etude" aria-labelledby="a-l-etude-titre">
        <h2 id="a-l-etude-titre">Ouverture à l'étude</h2>
        <Show when={sections().underStudy.length > 0} fallback={<p>Aucune ouverture n'est à l'étude pour {props.commune.name}.</p>}>
          <ul class="cards">
            <For each={sections().underStudy}>{(opportunity) => <OpportunityCard opportunity={opportunity} join={props.join} />}</For>
          </ul>
        </Show>
      </section>
    </>
  )
}

function OpportunityCard(props: { opportunity: JoinOpportunity; join: JoinControls }) {
  const action = () => props.opportunity.action
  const waiting = () => props.join.waiting.has(action().id)
  return (
    <li class="card">
      <a href={`/action/${action().id}`} class="card-title">{action().title}</a>
      <p class="meta">
        {instrumentLabels[action().instrument]} · {action().domain.name} · <StatusBadge status={action().status} />
      </p>
      <p>
        <strong>Comment rejoindre :</strong> {props.opportunity.howToJoin}
      </p>
      <Show when={props.opportunity.pendingRequest || waiting()}>
        <p class="pending" role="status">
          {waiting() ? 'Demande d’adhésion en attente d’envoi' : 'Demande d’adhésion en cours d’examen'}
        </p>
      </Show>
      <Show when={props.join.allowed && !props.opportunity.pendingRequest && !waiting()}>
        <button type="button" class="button" onClick={() => props.join.request(props.opportunity)}>
          Demander à rejoindre<span class="visually-hidden"> : {action().title}</span>
        </button>
      </Show>
    </li>
  )
}
