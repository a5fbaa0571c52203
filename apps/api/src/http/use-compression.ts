import type { Plugin } from 'graphql-yoga'
import { answerCompressor, minCompressedBytes, negotiateEncoding, type Encoding } from './compression.ts'

const compressible = /^application\/(graphql-response\+)?json/

/**
 * Compresses GraphQL answers for clients that accept brotli or gzip: the
 * commune page is 18.7 KB of JSON and 4.8 KB in brotli, which is what a phone on a poor network
 * waits for. Streams (subscriptions, incremental delivery) are left as they are; GraphiQL's page
 * is compressed once, by useGraphiQLPage.
 */
export function useCompression(): Plugin {
  return {
    // Synchronous unless there is something to compress: a promise here costs every answer.
    onResponse({ request, response, setResponse, fetchAPI }) {
      const type = response.headers.get('content-type') ?? ''
      if (!compressible.test(type) || response.headers.has('content-encoding')) return
      response.headers.append('vary', 'Accept-Encoding')
      const encoding = negotiateEncoding(request.headers.get('accept-encoding') ?? undefined)
      if (!encoding) return
      return response.text().then((text) => {
        if (Buffer.byteLength(text) < minCompressedBytes) return setResponse(new fetchAPI.Response(text, response))
        const body = answerCompressor(text, encoding satisfies Encoding)
        const headers = new fetchAPI.Headers(response.headers)
        headers.set('content-encoding', encoding)
        headers.set('content-length', String(body.length))
        setResponse(new fetchAPI.Response(new Uint8Array(body), { status: response.status, statusText: response.statusText, headers }))
      })
    },
  }
}
