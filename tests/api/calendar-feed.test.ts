import ICAL from 'ical.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { dueKindLabels, frenchText, offerDueDates, type OfferKind } from '@mutualis/domain'
import { createHttpHandler } from '@mutualis/api/http/handler.ts'
import { listenDuringTests } from '../fixtures/http-server.ts'
import { anOffer, aSignedInUser, aTerritory } from '../fixtures/builders.ts'

const server = listenDuringTests(createHttpHandler(() => false))
const feed = (siren: string, headers: Record<string, string> = {}) => fetch(`${server.origin}/calendrier.ics?territoire=${siren}`, { headers })

const day = (iso: string) => new Date(`${iso}T00:00:00Z`)
const iso = (date: Date) => date.toISOString().slice(0, 10)
const monthsAgo = (months: number) => {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1))
}

interface OfferDates {
  kind?: OfferKind
  endDate?: Date
  renewalDate?: Date
  tacitRenewal?: boolean
  noticeMonths?: number
  archivedAt?: Date
}

/** An offer with only the dates the test gives. */
function createOffer(territory: { id: string }, name: string, dates: OfferDates) {
  return anOffer(territory, { name, ...dates })
}

/** The feed as a phone reads it: through a real iCalendar parser. */
async function eventsOf(response: Response) {
  expect(response.status, await response.clone().text()).toBe(200)
  const calendar = new ICAL.Component(ICAL.parse(await response.text()))
  const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component))
  return { calendar, events: events.map((e) => ({ uid: e.uid, summary: e.summary, date: e.startDate.toString(), allDay: e.startDate.isDate })) }
}

describe('/calendrier.ics', () => {
  let territory: { id: string; siren: string; name: string }
  let other: { id: string; siren: string }
  let offers: Awaited<ReturnType<typeof createOffer>>[]

  beforeAll(async () => {
    territory = await aTerritory({ name: 'Communauté de communes des Trois Rivières' })
    other = await aTerritory()
    offers = [
      await createOffer(territory, 'Service commun de la commande publique', { renewalDate: day('2032-01-01'), endDate: day('2035-12-31'), tacitRenewal: true, noticeMonths: 3 }),
      await createOffer(territory, 'Groupement de commandes « énergie, gaz ; électricité »', { kind: 'GROUPEMENT_DE_COMMANDES', endDate: day('2031-06-30'), noticeMonths: 6, tacitRenewal: false }),
      await createOffer(territory, 'Convention terminée il y a peu', { kind: 'CONVENTION', endDate: monthsAgo(3) }),
    ]
    await createOffer(territory, 'Convention finie depuis longtemps', { kind: 'CONVENTION', endDate: day('2015-12-31') })
    await createOffer(territory, 'Offre archivée', { endDate: day('2033-03-31'), renewalDate: day('2032-09-01'), noticeMonths: 2, archivedAt: new Date() })
    await createOffer(other, 'Offre d’un autre territoire', { endDate: day('2033-03-31') })
  })

  it('has one all-day event per due date of each live offer of the territory, each once, with its date and a French summary', async () => {
    const response = await feed(territory.siren)
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe(`inline; filename="mutualis-${territory.siren}.ics"`)
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/)
    const { calendar, events } = await eventsOf(response)
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(`Mutualis — ${territory.name}\u00A0: échéances`)
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Paris')
    const ours = events.filter((e) => offers.some((offer) => e.uid.startsWith(`${offer.id}-`)))
    const expected = offers.flatMap((offer) => offerDueDates(offer).map((due) => ({ uid: `${offer.id}-${due.kind}@mutualis`, date: iso(due.date), kind: due.kind, name: offer.name })))
    expect(expected).toHaveLength(6)
    expect(ours).toHaveLength(expected.length)
    for (const due of expected) {
      const found = ours.filter((e) => e.uid === due.uid)
      expect(found, due.uid).toHaveLength(1)
      expect(found[0].date, due.uid).toBe(due.date)
      expect(found[0].allDay, due.uid).toBe(true)
      expect(found[0].summary, due.uid).toMatch(new RegExp(`^${dueKindLabels[due.kind]} — `))
      expect(found[0].summary, due.uid).toContain(frenchText(due.name))
    }
    const byUid = new Map(ours.map((e) => [e.uid, e]))
    expect(byUid.get(`${offers[0].id}-NOTICE@mutualis`)).toMatchObject({ date: '2031-10-01', summary: 'Date limite de préavis — Service commun de la commande publique (reconduction le 1er janvier 2032)' })
    expect(byUid.get(`${offers[0].id}-RENEWAL@mutualis`)).toMatchObject({ date: '2032-01-01', summary: 'Reconduction — Service commun de la commande publique' })
    expect(byUid.get(`${offers[1].id}-NOTICE@mutualis`)).toMatchObject({ date: '2030-12-30', summary: 'Date limite de préavis — Groupement de commandes «\u00A0énergie, gaz\u202F; électricité\u00A0» (fin le 30 juin 2031)' })
  })

  it('leaves out archived offers, dates older than a year and other territories’ offers', async () => {
    const { events } = await eventsOf(await feed(territory.siren))
    const summaries = events.map((e) => e.summary).join('\n')
    expect(summaries).not.toContain('Offre archivée')
    expect(summaries).not.toContain('Convention finie depuis longtemps')
    expect(summaries).not.toContain('Offre d’un autre territoire')
    const elsewhere = await eventsOf(await feed(other.siren))
    expect(elsewhere.events.map((e) => e.summary)).toEqual(['Fin — Offre d’un autre territoire'])
  })

  it('keeps its UIDs from one fetch to the next, so a phone updates its events rather than adding copies', async () => {
    const first = (await eventsOf(await feed(territory.siren))).events
    const second = (await eventsOf(await feed(territory.siren))).events
    expect(new Set(first.map((e) => e.uid)).size).toBe(first.length)
    expect(second).toEqual(first)
  })

  it('answers HEAD with the headers of GET and no body', async () => {
    const response = await fetch(`${server.origin}/calendrier.ics?territoire=${territory.siren}`, { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(await response.text()).toBe('')
  })

  it('asks, in French, for a territory it can find', async () => {
    const missing = await fetch(`${server.origin}/calendrier.ics`)
    expect(missing.status).toBe(400)
    expect(missing.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await missing.text()).toMatch(/Précisez le territoire.*territoire=<SIREN/)
    const malformed = await feed('24210O410')
    expect(malformed.status).toBe(400)
    expect(await malformed.text()).toMatch(/SIREN « 24210O410 » invalide : neuf chiffres attendus/)
    // A long or unprintable value is not quoted back.
    const long = await feed('x'.repeat(5000))
    expect(long.status).toBe(400)
    expect(await long.text()).toBe('SIREN invalide : neuf chiffres attendus, par exemple 242100410.\n')
    const unknown = await feed('999999999')
    expect(unknown.status).toBe(404)
    expect(await unknown.text()).toMatch(/Aucun territoire de SIREN 999999999/)
    // Written with spaces, as on a letterhead, it is the same territory.
    expect((await feed(territory.siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1%20$2%20$3'))).status).toBe(200)
  })

  it('is only for the territory’s own accounts when the territory asks for a login', async () => {
    const closed = await aTerritory({ requireLoginToRead: true })
    await createOffer(closed, 'Service commun des archives', { endDate: day('2034-12-31') })
    const anonymous = await feed(closed.siren)
    expect(anonymous.status).toBe(401)
    expect(await anonymous.text()).toMatch(/réserve la lecture de son schéma aux personnes connectées/)

    const { cookie, client } = await aSignedInUser(closed, { role: 'ANALYST' })
    const withCookie = await feed(closed.siren, { cookie })
    expect(withCookie.headers.get('cache-control')).toBe('private, no-store')
    expect((await eventsOf(withCookie)).events.map((e) => e.summary)).toEqual(['Fin — Service commun des archives'])

    const created = await client('mutation { createApiToken(name: "agenda") { ... on CreatedApiToken { secret } } }')
    const withToken = await feed(closed.siren, { authorization: `Bearer ${created.data!.createApiToken.secret}` })
    expect((await eventsOf(withToken)).events).toHaveLength(1)

    const outsider = await aSignedInUser(territory, { role: 'ADMIN' })
    const fromElsewhere = await feed(closed.siren, { cookie: outsider.cookie })
    expect(fromElsewhere.status).toBe(403)
    expect(await fromElsewhere.text()).toMatch(/autre territoire/)

    const revoked = await feed(closed.siren, { authorization: 'Bearer mut_inconnu' })
    expect(revoked.status).toBe(401)
    expect(await revoked.text()).toMatch(/Jeton d’API inconnu/)
  })
})
