import { today } from '../analytics/history.rules.ts'
import { HttpError, textResponse } from '../reads/http-error.ts'
import { readerFor } from '../reads/read-as.ts'
import { parseIsoDate } from '../schema/scalars.ts'
import { reportDocx } from './report-docx.ts'
import { reportHtml } from './report-html.ts'
import { reportModel } from './report.model.ts'
import { loadReport, reportTerritory } from './report.query.ts'

const iso = (date: Date) => date.toISOString().slice(0, 10)

/** By default the report covers the year before today: the council hears it once a year. */
function sinceDate(asked: string | null, now: Date): string {
  if (!asked) return iso(new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate())))
  try {
    return iso(parseIsoDate(asked))
  } catch {
    throw new HttpError(400, `Date « ${asked} » invalide pour depuis : le format attendu est AAAA-MM-JJ.`)
  }
}

/** `/rapport` (printable HTML) and `/rapport.docx`, with optional `?depuis=AAAA-MM-JJ` and `?territoire=<SIREN>`. */
export async function handleReport(request: Request): Promise<Response> {
  const url = new URL(request.url)
  try {
    if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, 'Le rapport se lit en GET.')
    if (url.pathname !== '/rapport' && url.pathname !== '/rapport.docx') throw new HttpError(404, 'Adresses du rapport : /rapport et /rapport.docx.')
    const generatedOn = today()
    const since = sinceDate(url.searchParams.get('depuis'), generatedOn)
    if (since > iso(generatedOn)) throw new HttpError(400, 'La date « depuis » est dans le futur.')
    const read = await readerFor(request)
    const territory = await reportTerritory(read, url.searchParams.get('territoire'))
    // The impact is for the calendar year the report is drawn up in.
    const model = reportModel(await loadReport(read, territory, since, iso(generatedOn), generatedOn.getUTCFullYear()), since, iso(generatedOn))
    const headers = { 'cache-control': 'private, no-store', vary: 'Cookie, Authorization' }
    if (url.pathname === '/rapport.docx') {
      return new Response(await reportDocx(model), {
        headers: {
          ...headers,
          'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'content-disposition': `attachment; filename="rapport-mutualisation-${iso(generatedOn)}.docx"`,
        },
      })
    }
    return new Response(reportHtml(model), { headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } })
  } catch (error) {
    if (error instanceof HttpError) return textResponse(error.status, error.message)
    throw error
  }
}
