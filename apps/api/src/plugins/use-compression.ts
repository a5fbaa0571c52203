import type { Plugin } from 'graphql-yoga'
import { dynamicCompressor, minCompressedBytes, negotiateEncoding } from '../http-compression.ts'

const compressible = /^(application\/(graphql-response\+)?json|text\/html)/

/**
 * Compresses GraphQL answers (and the GraphiQL page) for clients that accept brotli or gzip: the
 * commune page is 18.7 KB of JSON and under 3 KB compressed, which is what a phone on a poor
 * network waits for. Streams (subscriptions, incremental delivery) are left as they are.
 */
export function useCompression(): Plugin {
  const compress = dynamicCompressor()
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      const type = response.headers.get('content-type') ?? ''
      if (!compressible.test(type) || response.headers.has('content-encoding') || !response.body) return
      response.headers.append('vary', 'Accept-Encoding')
      const encoding = negotiateEncoding(request.headers.get('accept-encoding') ?? undefined)
      if (!encoding) return
      const text = await response.text()
      const headers = new fetchAPI.Headers(response.headers)
      const init = { status: response.status, statusText: response.statusText, headers }
      if (Buffer.byteLength(text) < minCompressedBytes) {
        setResponse(new fetchAPI.Response(text, init))
        return
      }
      const body = compress(text, encoding)
      headers.set('content-encoding', encoding)
      headers.set('content-length', String(body.length))
      setResponse(new fetchAPI.Response(new Uint8Array(body), init))
    },
  }
}
