import { dueKindLabels, frenchText, longFrenchDate, offerDueDates, offerKindLabels, type DueKind, type OfferKind } from '@mutualis/domain'
import ical, { escape, ICalEventTransparency } from 'ical-generator'
import { db } from '../db.ts'

export interface CalendarTerritory {
  siren: string
  name: string
}

/** What the feed shows of an offer: the columns `loadCalendarOffers` selects. */
export interface CalendarOffer {
  id: string
  name: string
  kind: OfferKind
  endDate: Date | null
  renewalDate: Date | null
  tacitRenewal: boolean | null
  noticeMonths: number | null
  updatedAt: Date
}

/** A phone re-reads the feed about twice a day; due dates move by deliberation, not by the hour. */
const refreshSeconds = 12 * 60 * 60

/** How far back the feed keeps a due date: a year, so last year's renewal is still there to look at. */
function cutoffOf(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate()))
}

function summaryOf(offer: CalendarOffer, kind: DueKind): string {
  const title = `${dueKindLabels[kind]} — ${offer.name}`
  // offerDueDates counts the notice from the renewal when there is one, else from the end.
  const noticeFor = offer.renewalDate ? { word: 'reconduction', date: offer.renewalDate } : offer.endDate ? { word: 'fin', date: offer.endDate } : null
  if (kind !== 'NOTICE' || !noticeFor) return title
  return `${title} (${noticeFor.word} le ${longFrenchDate(noticeFor.date)})`
}

function renewalText(tacitRenewal: boolean | null): string {
  if (tacitRenewal === true) return 'Reconduction tacite : l’offre se poursuit sauf préavis.'
  if (tacitRenewal === false) return 'Pas de reconduction tacite : la poursuite demande une décision expresse.'
  return 'Reconduction tacite ou non : non renseigné.'
}

function descriptionOf(offer: CalendarOffer): string {
  const notice = offer.noticeMonths ? `Préavis : ${offer.noticeMonths} mois.` : 'Préavis : non renseigné.'
  return [offerKindLabels[offer.kind], renewalText(offer.tacitRenewal), notice].join('\n')
}

const nextDay = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1))

/**
 * The iCalendar (RFC 5545) text of a territory's due dates: one all-day event per end, renewal and
 * notice deadline of each offer given, from a year before `now` on. The UID names the offer and the
 * kind of date, so a subscribed phone moves an event whose date changed instead of adding another.
 */
export function calendarOf(territory: CalendarTerritory, offers: readonly CalendarOffer[], now: Date): string {
  // ical-generator 10 writes the calendar's name and description as given: escaped here.
  const calendar = ical({
    prodId: { company: 'Mutualis', product: 'Echeances des offres', language: 'FR' },
    name: escape(frenchText(`Mutualis — ${territory.name} : échéances`), false),
    description: escape(`Fins, reconductions et dates limites de préavis des offres de mutualisation de ${territory.name} (SIREN ${territory.siren}).`, false),
    ttl: refreshSeconds,
    // Only named, not set as the calendar's time zone: ical-generator would then print all-day
    // dates in the server's local zone, which could shift them by a day.
    x: { 'X-WR-TIMEZONE': 'Europe/Paris' },
  })
  const cutoff = cutoffOf(now).getTime()
  for (const offer of offers) {
    for (const due of offerDueDates(offer)) {
      if (due.date.getTime() < cutoff) continue
      calendar.createEvent({
        id: `${offer.id}-${due.kind}@mutualis`,
        allDay: true,
        start: due.date,
        end: nextDay(due.date),
        summary: frenchText(summaryOf(offer, due.kind)),
        description: frenchText(descriptionOf(offer)),
        stamp: offer.updatedAt,
        lastModified: offer.updatedAt,
        // A deadline is not a meeting: it must not show the DGS as busy all day.
        transparency: ICalEventTransparency.TRANSPARENT,
      })
    }
  }
  // RFC 5545 ends every line with CRLF, the last one too; ical-generator leaves it off.
  return `${calendar.toString()}\r\n`
}

/**
 * The territory's non-archived offers that still have a due date in the feed's window, in one
 * statement. A notice deadline falls before the renewal or end it counts from, so an offer whose
 * end and renewal are both before the cutoff has nothing left to show.
 */
export function loadCalendarOffers(territoryId: string, now: Date): Promise<CalendarOffer[]> {
  const cutoff = cutoffOf(now)
  return db.offer.findMany({
    where: { territoryId, archivedAt: null, OR: [{ endDate: { gte: cutoff } }, { renewalDate: { gte: cutoff } }] },
    select: { id: true, name: true, kind: true, endDate: true, renewalDate: true, tacitRenewal: true, noticeMonths: true, updatedAt: true },
    orderBy: { id: 'asc' },
  })
}
