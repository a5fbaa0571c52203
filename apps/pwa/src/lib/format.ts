import { euroAmount, fteAmount, longFrenchDate } from '@mutualis/domain'

// Built on first use, not when the first screen loads: the first Intl object of a page loads the
// locale data, a long task on a phone that « Ma commune » does without.
let timeFormat: Intl.DateTimeFormat | undefined
let dayMonthFormat: Intl.DateTimeFormat | undefined
const time = () => (timeFormat ??= new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short' }))
const dayMonth = () => (dayMonthFormat ??= new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short' }))

/** « 12 mars 2024 », « 1er avril 2024 » from the API's YYYY-MM-DD. */
export function formatDate(isoDate: string): string {
  return longFrenchDate(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`))
}

/** « 28 novembre 2026 à 15:20 », in the device's time zone. */
export function formatDateTime(date: Date): string {
  const day = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()))
  return `${longFrenchDate(day)} à ${time().format(date)}`
}

/** « 15:20 » for a moment of today, « 28 nov. » before: what fits in a chip. */
export function formatShortMoment(date: Date, now = new Date()): string {
  return date.toDateString() === now.toDateString() ? time().format(date) : dayMonth().format(date)
}

/** « 0,5 ETP »: full-time equivalents. */
export const formatFte = fteAmount

/** « 12 345 € » from euros. */
export function formatEuros(euros: number): string {
  return euroAmount(Math.round(euros * 100))
}

/** Today on the device, as YYYY-MM-DD (not UTC: a meeting at 00:30 belongs to the local day). */
export function todayIso(now = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0')
  const day = String(now.getDate()).padStart(2, '0')
  return `${now.getFullYear()}-${month}-${day}`
}
