import { longFrenchDate } from '@mutualis/domain'

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' })

/** « 12 mars 2024 », « 1er avril 2024 » from the API's YYYY-MM-DD. */
export function formatDate(isoDate: string): string {
  return longFrenchDate(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`))
}

/** « 28 novembre 2026 à 15:20 », in the device's time zone. */
export function formatDateTime(date: Date): string {
  return dateTime.format(date)
}

/** Today on the device, as YYYY-MM-DD (not UTC: a meeting at 00:30 belongs to the local day). */
export function todayIso(now = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0')
  const day = String(now.getDate()).padStart(2, '0')
  return `${now.getFullYear()}-${month}-${day}`
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count > 1 ? many : one}`
}
