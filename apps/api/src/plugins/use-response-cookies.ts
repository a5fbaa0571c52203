import type { Plugin } from 'graphql-yoga'

const pending = new WeakMap<Request, string[]>()

/** The Set-Cookie headers a resolver asked for during this request. */
export function responseCookies(request: Request): string[] {
  let cookies = pending.get(request)
  if (!cookies) pending.set(request, (cookies = []))
  return cookies
}

/** Writes the cookies resolvers set (login, logout) onto the HTTP response. */
export function useResponseCookies(): Plugin {
  return {
    onResponse({ request, response }) {
      for (const cookie of pending.get(request) ?? []) response.headers.append('set-cookie', cookie)
    },
  }
}
