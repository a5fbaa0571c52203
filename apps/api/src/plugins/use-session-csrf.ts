import { createGraphQLError, type Plugin } from 'graphql-yoga'
import { sessionSecretIn } from '../auth/sessions.service.ts'

/**
 * The README's rule for requests carrying the session cookie: JSON, or the `x-mutualis-csrf`
 * header. A browser asks first (preflight) before another site may send either, and CORS then
 * withholds the cookie. yoga's CSRF prevention only refuses the three types a browser sends
 * without asking, so any other (`application/graphql`…) ran: the rule stated was not the rule
 * applied. Checked before the request is parsed, so nothing runs. Requests without the cookie
 * speak for no one and are left to yoga's check.
 */
export function useSessionCsrf(): Plugin {
  return {
    onRequestParse({ request }) {
      if (!sessionSecretIn(request.headers.get('cookie'))) return
      const mediaType = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase()
      if (mediaType === 'application/json' || request.headers.has('x-mutualis-csrf')) return
      throw createGraphQLError(
        "Requête refusée : avec un cookie de session, envoyez-la en JSON (Content-Type: application/json) ou avec l'en-tête x-mutualis-csrf: 1. Cette règle empêche un autre site d'agir en votre nom.",
        { extensions: { code: 'CSRF', http: { status: 403 } } },
      )
    },
  }
}
