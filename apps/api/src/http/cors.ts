import type { CORSOptions } from 'graphql-yoga'
import { ConfigError } from '../config-error.ts'

/**
 * The origins listed in ALLOWED_ORIGINS (comma-separated, `https://tableau.metropole.fr`): other
 * sites whose pages may call the API with the user's session and read the answer. An entry that is
 * not exactly an origin stops the start: a typo or a wildcard would never match and go unnoticed,
 * and `*` must never mean « every site, with the user's session ».
 */
export function allowedOrigins(setting: string | undefined): ReadonlySet<string> {
  const origins = new Set<string>()
  for (const entry of (setting ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    const url = URL.canParse(entry) ? new URL(entry) : undefined
    if (!url || !/^https?:$/.test(url.protocol) || url.href !== `${url.origin}/` || url.hostname.includes('*')) {
      throw new ConfigError(
        `ALLOWED_ORIGINS : « ${entry} » n'est pas une origine ; écrivez-la comme https://tableau.metropole.fr (schéma, hôte, port éventuel ; ni chemin ni joker *), plusieurs séparées par des virgules.`,
      )
    }
    origins.add(url.origin)
  }
  return origins
}

/**
 * Whether a page at `origin` may send the session cookie and read the answer: the app's own origin
 * (as the browser sees it, https behind a proxy that says so) or one the installation lists.
 */
export function mayUseCredentials(origin: string, request: { url: string; forwardedProto: string | null }, allowed: ReadonlySet<string>): boolean {
  if (allowed.has(origin)) return true
  const own = new URL(request.url)
  if (request.forwardedProto === 'https') own.protocol = 'https:'
  return origin === own.origin
}

/**
 * yoga's CORS answer for a request. Every page may read what an anonymous visitor reads (the
 * published schéma is open data: a commune's site can show its participations), so the Origin is
 * allowed, but without credentials: the browser then neither sends the cookie on a preflighted
 * request nor lets the page read an answer given with it. Only trusted origins get
 * `Access-Control-Allow-Credentials`. `origin: '*'` makes yoga echo the request's Origin and add
 * `Vary: Origin`, which caches need since the answer depends on it.
 */
export function corsFor(allowed: ReadonlySet<string>) {
  return (request: Request): CORSOptions => {
    const origin = request.headers.get('origin')
    const credentials = origin !== null && mayUseCredentials(origin, { url: request.url, forwardedProto: request.headers.get('x-forwarded-proto') }, allowed)
    return { origin: '*', credentials }
  }
}
