import type { IncomingMessage } from 'node:http'
import { GraphQLError } from 'graphql'
import { InvalidCredentialsError, resolveViewer } from './auth/resolve-viewer.ts'
import type { Viewer } from './auth/viewer.ts'
import { responseCookies } from './plugins/use-response-cookies.ts'

export interface ServerContext {
  req?: IncomingMessage
}

/**
 * Per-request context, for a /graphql request and for a route that reads through the schema
 * (reads/read-as.ts) alike. The Prisma client is a module singleton (db.ts), never carried here.
 */
export interface Context {
  /** The HTTP request being answered: who asks (cookie, token) and how (address, protocol). */
  request: Request
  viewer: Viewer
  /** The caller's address, for limiting repeated failed logins. */
  clientAddress: string
  /** Adds a Set-Cookie header to the response. */
  setCookie: (cookie: string) => void
  /** Whether cookies must be marked Secure (served over HTTPS). */
  secure: boolean
}

function clientAddress(req: IncomingMessage | undefined, request: Request): string {
  // Behind a reverse proxy, set TRUST_PROXY=1 so the proxy's X-Forwarded-For names the caller.
  const forwarded = process.env.TRUST_PROXY === '1' ? request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() : undefined
  return forwarded || req?.socket.remoteAddress || 'local'
}

export async function createContext(initial: { request: Request } & ServerContext): Promise<Context> {
  let viewer: Viewer
  try {
    viewer = await resolveViewer(initial.request)
  } catch (error) {
    if (error instanceof InvalidCredentialsError) throw new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } })
    throw error
  }
  return {
    ...initial,
    viewer,
    clientAddress: clientAddress(initial.req, initial.request),
    setCookie: (cookie) => responseCookies(initial.request).push(cookie),
    secure: new URL(initial.request.url).protocol === 'https:' || initial.request.headers.get('x-forwarded-proto') === 'https',
  }
}
