import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * A page of some other site, as an attacker or a partner would publish it: its script calls
 * `<app>/graphql` with the visitor's cookies (`credentials: 'include'`), one JSON POST per `query`
 * parameter of its address, and leaves what it could read in `window.outcomes`.
 */
const page = `<!doctype html><meta charset="utf-8"><title>Un autre site</title><p>Un autre site.</p>
<script>
  const params = new URLSearchParams(location.search)
  const call = (query) => fetch(params.get('app') + '/graphql', {
    method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }),
  }).then((response) => response.json(), (error) => ({ refused: String(error) }))
  window.outcomes = Promise.all(params.getAll('query').map(call))
</script>`

export function serveOtherSite(_req: IncomingMessage, res: ServerResponse) {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page)
}

/** What the page's calls gave: the parsed answer, or why the browser refused to hand it over. */
export interface Outcome {
  refused?: string
  data?: Record<string, any> | null
}

/** The address of the page on `origin`, calling `app` with these queries. */
export function otherSitePage(origin: string, app: string, queries: string[]): string {
  const search = new URLSearchParams([['app', app], ...queries.map((query) => ['query', query])])
  return `${origin}/?${search}`
}
