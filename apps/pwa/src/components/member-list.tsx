import { plural } from '@mutualis/domain'
import { Show } from 'solid-js'
import { FirstFew } from './first-few.tsx'
import type { OfferMember } from '@mutualis/schema/documents/offer'
import { formatDate } from '../lib/format.ts'

/** « Chenôve — membre depuis le 1er avril 2024 »; a planned member never reads « depuis ». */
export function memberText(member: OfferMember): string {
  if (member.state === 'MEMBER') return member.since ? `membre depuis le ${formatDate(member.since)}` : 'membre'
  return member.stateLabel.charAt(0).toLowerCase() + member.stateLabel.slice(1)
}

function Member(props: { member: OfferMember }) {
  return (
    <li>
      <strong>{props.member.organisation.name}</strong> — {memberText(props.member)}
    </li>
  )
}

/** Who is in: five names, the others one tap away, and those the source counts without naming. */
export function MemberList(props: { members: readonly OfferMember[]; unnamed: number | null }) {
  const members = () => props.members.filter((member) => member.state === 'MEMBER').length
  return (
    <>
      <p class="meta">
        {members() + (props.unnamed ?? 0) > 0 ? plural(members() + (props.unnamed ?? 0), 'membre', 'membres') : 'Aucun membre renseigné'}
      </p>
      <FirstFew items={props.members} class="member-list">
        {(member) => <Member member={member} />}
      </FirstFew>
      <Show when={props.unnamed}>
        {(unnamed) => <p>+ {plural(unnamed(), 'membre non nommé', 'membres non nommés')}</p>}
      </Show>
    </>
  )
}
