import { For, Show, createSignal } from 'solid-js'
import { inputLimits, statusLabels, type ActionStatus } from '@mutualis/domain'
import { statusOrder } from '../lib/dashboard.rules.ts'
import { todayIso } from '../lib/format.ts'
import { checkProgressDraft, type ProgressDraft } from '../lib/progress-form.rules.ts'

/**
 * « Ajouter un point d'avancement »: status, note, date (today by default) and meeting. What became
 * of a saved point shows in the history; `announcement` says it to screen readers.
 */
export function ProgressForm(props: { currentStatus: ActionStatus; onSave: (draft: ProgressDraft) => Promise<unknown> | void; today?: () => Date; announcement?: string }) {
  const now = () => props.today?.() ?? new Date()
  const [status, setStatus] = createSignal<ActionStatus>(props.currentStatus)
  const [note, setNote] = createSignal('')
  const [date, setDate] = createSignal(todayIso(now()))
  const [meeting, setMeeting] = createSignal('')
  const [errors, setErrors] = createSignal<Record<string, string>>({})
  let form!: HTMLFormElement

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    const draft = { status: status(), note: note(), date: date(), meeting: meeting() }
    const failures = checkProgressDraft(draft, now())
    setErrors(Object.fromEntries(failures.map((failure) => [failure.field, failure.reason])))
    if (failures.length > 0) {
      form.querySelector<HTMLElement>(`[name="${failures[0].field}"]`)?.focus()
      return
    }
    await props.onSave(draft)
    setNote('')
    setMeeting('')
  }

  const errorOf = (field: string) => errors()[field]
  const describedBy = (field: string, hint?: string) => [hint, errorOf(field) ? `${field}-erreur` : undefined].filter(Boolean).join(' ') || undefined

  return (
    <form ref={form} class="progress-form" onSubmit={submit} novalidate aria-labelledby="ajout-titre">
      <h2 id="ajout-titre">Ajouter un point d'avancement</h2>
      <label for="progress-status">Statut après ce point</label>
      <select id="progress-status" name="status" value={status()} onChange={(event) => setStatus(event.currentTarget.value as ActionStatus)}>
        <For each={statusOrder}>{(value) => <option value={value}>{statusLabels[value]}</option>}</For>
      </select>

      <label for="progress-note">Point d'avancement (obligatoire)</label>
      <textarea
        id="progress-note"
        name="note"
        required
        maxLength={inputLimits.note}
        aria-invalid={errorOf('note') ? 'true' : undefined}
        aria-describedby={describedBy('note')}
        value={note()}
        onInput={(event) => setNote(event.currentTarget.value)}
      />
      <FieldError field="note" message={errorOf('note')} />

      <label for="progress-date">Date</label>
      <input
        id="progress-date"
        name="date"
        type="date"
        required
        max={todayIso(new Date(now().getTime() + 86_400_000))}
        aria-invalid={errorOf('date') ? 'true' : undefined}
        aria-describedby={describedBy('date')}
        value={date()}
        onInput={(event) => setDate(event.currentTarget.value)}
      />
      <FieldError field="date" message={errorOf('date')} />

      <label for="progress-meeting">Instance (facultatif)</label>
      <input
        id="progress-meeting"
        name="meeting"
        type="text"
        maxLength={inputLimits.meeting}
        aria-invalid={errorOf('meeting') ? 'true' : undefined}
        aria-describedby={describedBy('meeting', 'progress-meeting-aide')}
        value={meeting()}
        onInput={(event) => setMeeting(event.currentTarget.value)}
      />
      <p id="progress-meeting-aide" class="hint">Par exemple : comité de pilotage, conférence des maires.</p>
      <FieldError field="meeting" message={errorOf('meeting')} />

      <button type="submit" class="button">
        Enregistrer le point d'avancement
      </button>
      <p role="status" class="visually-hidden">
        {props.announcement ?? ''}
      </p>
    </form>
  )
}

function FieldError(props: { field: string; message?: string }) {
  return (
    <Show when={props.message}>
      <p id={`${props.field}-erreur`} class="field-error">
        {props.message}
      </p>
    </Show>
  )
}
