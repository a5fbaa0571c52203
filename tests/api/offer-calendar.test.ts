import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { frenchText } from '@mutualis/domain'
import { calendarOf, type CalendarOffer } from '@mutualis/api/calendar/offer-calendar.ts'

// The feed's text as a calendar app reads it, through a real iCalendar parser. No database here:
// calendarOf is pure, so these run even before the seed loads.

const day = (iso: string) => new Date(`${iso}T00:00:00Z`)
const now = day('2026-12-01')
const dijon = { siren: '242100410', name: 'Dijon Métropole' }

function createOffer(overrides: Partial<CalendarOffer> = {}): CalendarOffer {
  return {
    id: 'offre-commande-publique',
    name: 'Service commun de la commande publique',
    kind: 'SERVICE_COMMUN',
    endDate: null,
    renewalDate: null,
    tacitRenewal: null,
    noticeMonths: null,
    updatedAt: day('2026-06-15'),
    ...overrides,
  }
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component)
    return { uid: event.uid, summary: event.summary, description: event.description, start: event.startDate, end: event.endDate }
  })
  return { calendar, events }
}

describe('calendarOf', () => {
  it('gives each due date of each offer one all-day event, with a French summary and a UID naming the offer and the kind of date', () => {
    const offers = [
      createOffer({ renewalDate: day('2027-01-01'), endDate: day('2029-12-31'), tacitRenewal: true, noticeMonths: 3 }),
      createOffer({ id: 'offre-ads', name: 'Instruction des autorisations du droit des sols', kind: 'CONVENTION_DE_GESTION', endDate: day('2027-06-30'), noticeMonths: 6 }),
    ]
    const { events } = parse(calendarOf(dijon, offers, now))
    const seen = events.map((e) => [e.uid, e.start.toString(), e.summary])
    expect(seen.sort()).toEqual(
      [
        ['offre-commande-publique-NOTICE@mutualis', '2026-10-01', 'Date limite de préavis — Service commun de la commande publique (reconduction le 1er janvier 2027)'],
        ['offre-commande-publique-RENEWAL@mutualis', '2027-01-01', 'Reconduction — Service commun de la commande publique'],
        ['offre-commande-publique-END@mutualis', '2029-12-31', 'Fin — Service commun de la commande publique'],
        ['offre-ads-NOTICE@mutualis', '2026-12-30', 'Date limite de préavis — Instruction des autorisations du droit des sols (fin le 30 juin 2027)'],
        ['offre-ads-END@mutualis', '2027-06-30', 'Fin — Instruction des autorisations du droit des sols'],
      ].sort(),
    )
    for (const event of events) {
      expect(event.start.isDate, event.uid).toBe(true)
      // An all-day event covers its day only: it ends (exclusive) the next day.
      const nextDay = new Date(day(event.start.toString()).getTime() + 86_400_000).toISOString().slice(0, 10)
      expect(event.end.toString(), event.uid).toBe(nextDay)
    }
  })

  it('describes the kind of offer, whether it renews tacitly and the notice period', () => {
    const tacit = parse(calendarOf(dijon, [createOffer({ renewalDate: day('2027-01-01'), tacitRenewal: true, noticeMonths: 3 })], now)).events[0]
    expect(tacit.description).toContain('Service commun')
    expect(tacit.description).toContain('Reconduction tacite')
    expect(tacit.description).toContain('Préavis\u00A0: 3 mois.')
    const express = parse(calendarOf(dijon, [createOffer({ kind: 'GROUPEMENT_DE_COMMANDES', renewalDate: day('2027-01-01'), tacitRenewal: false })], now)).events[0]
    expect(express.description).toContain('Groupement de commandes')
    expect(express.description).toContain('Pas de reconduction tacite')
    expect(express.description).toContain('Préavis\u00A0: non renseigné.')
  })

  it('keeps every future date and the past year, and drops what is older', () => {
    const offers = [
      createOffer({ id: 'lointaine', endDate: day('2061-03-31') }),
      createOffer({ id: 'recente', endDate: day('2026-01-15') }),
      createOffer({ id: 'ancienne', endDate: day('2025-11-30'), renewalDate: day('2020-01-01'), noticeMonths: 2 }),
    ]
    const uids = parse(calendarOf(dijon, offers, now)).events.map((e) => e.uid)
    expect(uids.sort()).toEqual(['lointaine-END@mutualis', 'recente-END@mutualis'])
  })

  it('names the calendar after the territory and asks to be refreshed every 12 hours', () => {
    const text = calendarOf(dijon, [], now)
    const { calendar, events } = parse(text)
    expect(events).toEqual([])
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Mutualis — Dijon Métropole\u00A0: échéances')
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Paris')
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
    expect(text).toMatch(/\r\nREFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n/)
    expect(text).toMatch(/\r\nX-PUBLISHED-TTL:PT12H\r\n/)
  })

  it('writes valid iCalendar text whatever the names hold: CRLF lines of at most 75 octets, commas, semicolons and line breaks escaped', () => {
    const territory = { siren: '200000000', name: 'Communauté de communes Rives; Forêts, Lacs' }
    const name = 'Groupement de commandes « voirie, éclairage ; signalisation »\nlot 2 — un intitulé assez long pour dépasser soixante-quinze octets'
    const text = calendarOf(territory, [createOffer({ name, endDate: day('2027-03-01') })], now)
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    const lines = text.slice(0, -2).split('\r\n')
    for (const line of lines) {
      expect(line).not.toContain('\n')
      expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75)
    }
    expect(lines.some((line) => line.startsWith(' '))).toBe(true)
    // ical.js leaves NAME and X-WR-CALNAME raw (no design for them): their escaping is read off the text.
    const unfolded = text.replace(/\r\n[ \t]/g, '').split('\r\n')
    expect(unfolded).toContain('X-WR-CALNAME:Mutualis — Communauté de communes Rives\u202F\\; Forêts\\, Lacs\u00A0: échéances')
    expect(unfolded).toContain('NAME:Mutualis — Communauté de communes Rives\u202F\\; Forêts\\, Lacs\u00A0: échéances')
    const { events } = parse(text)
    expect(events).toHaveLength(1)
    expect(events[0].summary).toBe(frenchText(`Fin — ${name}`))
  })

  it('puts a date on its own day whatever the server’s time zone', () => {
    const zone = process.env.TZ
    try {
      for (const tz of ['Pacific/Honolulu', 'Europe/Paris', 'Pacific/Kiritimati']) {
        process.env.TZ = tz
        const { events } = parse(calendarOf(dijon, [createOffer({ endDate: day('2027-01-01') })], now))
        expect(events.map((e) => e.start.toString()), tz).toEqual(['2027-01-01'])
      }
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })

  it('gives the same UIDs, dates and stamps from one build to the next', () => {
    const offers = [createOffer({ renewalDate: day('2027-01-01'), endDate: day('2029-12-31'), noticeMonths: 3 })]
    const first = calendarOf(dijon, offers, now)
    expect(calendarOf(dijon, offers, new Date(now.getTime() + 3_600_000))).toBe(first)
  })
})
