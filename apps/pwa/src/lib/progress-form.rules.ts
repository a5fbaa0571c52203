import { checkRecordedDate, checkText, inputLimits, type ActionStatus, type Check } from '@mutualis/domain'

export interface ProgressDraft {
  status: ActionStatus
  note: string
  date: string
  meeting: string
}

/** The same checks the API applies, run before saving so the user fixes them while still in the meeting. */
export function checkProgressDraft(draft: ProgressDraft, today: Date): Array<Extract<Check, { ok: false }>> {
  const failures: Array<Extract<Check, { ok: false }>> = []
  const push = (check: Check) => {
    if (!check.ok) failures.push(check)
  }
  push(checkText('note', draft.note, inputLimits.note, true))
  push(checkText('meeting', draft.meeting, inputLimits.meeting, false))
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) push({ ok: false, field: 'date', reason: 'Indiquez la date du point (jour, mois, année).' })
  else push(checkRecordedDate('date', new Date(`${draft.date}T00:00:00Z`), today))
  return failures
}
