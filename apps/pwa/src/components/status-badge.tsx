import { statusLabels, type ActionStatus } from '@mutualis/domain'

// A glyph as well as a colour, so the status never rests on colour alone (RGAA 3.1).
const glyphs: Record<ActionStatus, string> = {
  IMPLEMENTED: '✓',
  IN_PROGRESS: '◐',
  PLANNED: '→',
  TO_STUDY: '?',
  NOT_STARTED: '○',
  NO_PROGRESS: '‖',
  ABANDONED: '✕',
  NOT_REPORTED: '–',
}

export function StatusBadge(props: { status: ActionStatus }) {
  return (
    <span class={`badge status-${props.status.toLowerCase()}`}>
      <span aria-hidden="true">{glyphs[props.status]} </span>
      {statusLabels[props.status]}
    </span>
  )
}
