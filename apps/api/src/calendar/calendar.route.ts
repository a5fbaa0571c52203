import { InvalidCredentialsError, resolveViewer } from '../auth/resolve-viewer.ts'
import type { Viewer } from '../auth/viewer.ts'
import { db } from '../db.ts'
import { HttpError, textResponse } from '../reads/http-error.ts'
import { calendarOf, loadCalendarOffers } from './offer-calendar.ts'

/** The SIREN as people write it, spaces allowed (« 242 100 410 »). */
function sirenOf(asked: string | null): string {
  if (asked === null || asked.trim() === '') throw new HttpError(400, 'Précisez le territoire : /calendrier.ics?territoire=<SIREN de l’EPCI>.')
  const siren = asked.replace(/\s/g, '')
  // What was sent is quoted back only when short and printable: a reply never carries someone else's payload.
  const quoted = asked.length <= 40 && !/[\u0000-\u001f]/.test(asked) ? ` « ${asked} »` : ''
  if (!/^\d{9}$/.test(siren)) throw new HttpError(400, `SIREN${quoted} invalide : neuf chiffres attendus, par exemple 242100410.`)
  return siren
}

async function viewerOf(request: Request): Promise<Viewer> {
  try {
    return await resolveViewer(request)
  } catch (error) {
    if (error instanceof InvalidCredentialsError) throw new HttpError(401, error.message)
    throw error
  }
}

/**
 * A territory that asks for a login shows its feed to its own people only: a session or API token of
 * an account of that territory. The feed names its territory, so the rule is that territory's own.
 */
function checkReader(territory: { id: string; name: string; requireLoginToRead: boolean }, viewer: Viewer) {
  if (!territory.requireLoginToRead) return
  if (viewer.kind !== 'user') {
    throw new HttpError(401, `${territory.name} réserve la lecture de son schéma aux personnes connectées : envoyez un jeton d’API (Authorization: Bearer <jeton>) ou connectez-vous.`)
  }
  if (viewer.territoryId !== territory.id) throw new HttpError(403, `Ce compte appartient à un autre territoire que ${territory.name}.`)
}

/** `/calendrier.ics?territoire=<SIREN>`: the due dates of a territory's offers, for a calendar app to subscribe to. */
export async function handleCalendar(request: Request): Promise<Response> {
  const url = new URL(request.url)
  try {
    if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, 'Le calendrier se lit en GET.')
    if (url.pathname !== '/calendrier.ics') throw new HttpError(404, 'Adresse du calendrier : /calendrier.ics?territoire=<SIREN>.')
    const siren = sirenOf(url.searchParams.get('territoire'))
    const territory = await db.territory.findUnique({ where: { siren }, select: { id: true, siren: true, name: true, requireLoginToRead: true } })
    if (!territory) throw new HttpError(404, `Aucun territoire de SIREN ${siren}.`)
    checkReader(territory, await viewerOf(request))
    const now = new Date()
    const body = calendarOf(territory, await loadCalendarOffers(territory.id, now), now)
    return new Response(body, {
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `inline; filename="mutualis-${siren}.ics"`,
        // A public feed is the same for everyone: a proxy may keep it a while, well under the
        // 12 hours a phone waits. A feed behind a login stays with the one who asked for it.
        'cache-control': territory.requireLoginToRead ? 'private, no-store' : 'public, max-age=900',
        vary: 'Cookie, Authorization',
      },
    })
  } catch (error) {
    if (error instanceof HttpError) return textResponse(error.status, error.message)
    throw error
  }
}
