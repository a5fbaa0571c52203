import type { Plugin } from 'graphql-yoga'
import { negotiateEncoding } from '../compression.ts'
import type { RenderedPage } from './graphiql-page.ts'

/**
 * Sends GraphiQL's page (9 MB, 2 MB compressed) as a static file: compressed once rather than on
 * every visit (brotli would hold the event loop for most of a second each time), and revalidated
 * with its ETag, so an analyst coming back downloads nothing until the server's version changes.
 * Runs before useCompression, which leaves an encoded answer alone.
 */
export function useGraphiQLPage(current: () => RenderedPage | undefined): Plugin {
  return {
    onResponse({ request, response, setResponse, fetchAPI }) {
      const page = current()
      if (!page || request.method !== 'GET' || response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/html')) return
      const headers = new fetchAPI.Headers(response.headers)
      headers.set('etag', page.etag)
      headers.set('cache-control', 'no-cache')
      headers.set('vary', 'Accept, Accept-Encoding')
      if (request.headers.get('if-none-match') === page.etag) {
        headers.delete('content-type')
        return setResponse(new fetchAPI.Response(null, { status: 304, headers }))
      }
      headers.set('content-type', 'text/html; charset=utf-8')
      const encoding = negotiateEncoding(request.headers.get('accept-encoding') ?? undefined)
      if (!encoding) return setResponse(new fetchAPI.Response(page.html, { status: 200, headers }))
      return page.compressed(encoding).then((body) => {
        headers.set('content-encoding', encoding)
        headers.set('content-length', String(body.length))
        setResponse(new fetchAPI.Response(new Uint8Array(body), { status: 200, headers }))
      })
    },
  }
}
