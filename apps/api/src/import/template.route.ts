import { HttpError, textResponse } from '../reads/http-error.ts'
import { templateWorkbook } from './import-template.ts'

let template: Promise<Uint8Array<ArrayBuffer>> | undefined

/** GET /modele-import.xlsx: the empty import template, the same for everyone (built once). */
export async function handleTemplate(request: Request): Promise<Response> {
  try {
    if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, 'Le modèle d’import se lit en GET.')
    if (new URL(request.url).pathname !== '/modele-import.xlsx') throw new HttpError(404, 'Adresse inconnue : le modèle d’import est à /modele-import.xlsx.')
    template ??= templateWorkbook()
    return new Response(await template, {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': 'attachment; filename="modele-import-mutualis.xlsx"',
        // No one's data: any cache may keep it for a day.
        'cache-control': 'public, max-age=86400',
      },
    })
  } catch (error) {
    if (error instanceof HttpError) return textResponse(error.status, error.message)
    throw error
  }
}
