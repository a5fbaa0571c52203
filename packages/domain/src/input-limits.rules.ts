/** Explicit bounds on what people type, shared by the API (enforced) and the PWA (shown). */
export const inputLimits = {
  note: 5000,
  meeting: 200,
  title: 300,
  description: 5000,
  name: 200,
  reason: 2000,
  reference: 200,
  earliestDate: '2000-01-01',
  /** How far after today a recorded date may be (clock differences, meetings late at night). */
  futureDays: 1,
  listItems: 100,
} as const

export type Check = { ok: true } | { ok: false; field: string; reason: string }

const ok: Check = { ok: true }

/** Text must be present (after trimming) when required and within its length. */
export function checkText(field: string, value: string | null | undefined, max: number, required: boolean): Check {
  const trimmed = value?.trim() ?? ''
  if (required && !trimmed) return { ok: false, field, reason: 'Ce champ est obligatoire.' }
  if (trimmed.length > max) return { ok: false, field, reason: `Ce champ dépasse ${max} caractères (${trimmed.length}).` }
  // Control characters other than line breaks and tabs have no place in a note and break exports.
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(trimmed)) return { ok: false, field, reason: 'Ce champ contient des caractères de contrôle.' }
  return ok
}

/** A past or present calendar date, not before 2000 (the schéma's records start long after). */
export function checkRecordedDate(field: string, date: Date, today: Date): Check {
  const latest = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + inputLimits.futureDays))
  if (date.getTime() < Date.parse(`${inputLimits.earliestDate}T00:00:00Z`)) return { ok: false, field, reason: 'La date est antérieure à 2000.' }
  if (date.getTime() > latest.getTime()) return { ok: false, field, reason: 'La date est dans le futur.' }
  return ok
}

/** A planned or effective date: between 2000 and 2100. */
export function checkCalendarDate(field: string, date: Date | null | undefined): Check {
  if (!date) return ok
  const year = date.getUTCFullYear()
  return year >= 2000 && year <= 2100 ? ok : { ok: false, field, reason: 'La date doit être comprise entre 2000 et 2100.' }
}

export function firstFailure(...checks: Check[]): Check {
  return checks.find((check) => !check.ok) ?? ok
}
