import { promisify } from 'node:util'
import zlib from 'node:zlib'

export type Encoding = 'br' | 'gzip'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/**
 * The brotli and gzip forms of a static file, at maximum compression: computed once per
 * file version on libuv's thread pool, so the cost never lands on a request.
 */
export async function compressedVariants(body: Buffer): Promise<Record<Encoding, Buffer>> {
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      },
    }),
    gzip(body, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ])
  return { br, gzip: gz }
}

/**
 * The encoding to send for an Accept-Encoding header: brotli before gzip, honouring q=0
 * (« gzip;q=0 » refuses gzip). Undefined when neither is accepted.
 */
export function negotiateEncoding(header: string | string[] | undefined): Encoding | undefined {
  const accepted = new Map<string, number>()
  for (const part of [header ?? ''].flat().join(',').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='))
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1)
  }
  const quality = (encoding: Encoding) => accepted.get(encoding) ?? accepted.get('*') ?? 0
  if (quality('br') > 0) return 'br'
  if (quality('gzip') > 0) return 'gzip'
  return undefined
}

/** One answer compressed at the mid levels, off the main thread: a report or an export, made once. */
export function compressAnswer(body: Buffer, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br' ? brotli(body, dynamicOptions.br) : gzip(body, dynamicOptions.gzip)
}

/** Answers smaller than this go as they are: compressing them saves less than it costs. */
export const minCompressedBytes = 1024

const dynamicOptions: Record<Encoding, zlib.ZlibOptions | zlib.BrotliOptions> = {
  // Mid levels: within a few percent of the maximum on JSON, at a fraction of the time.
  br: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } },
  gzip: { level: 6 },
}

/**
 * Compresses answers computed per request, remembering the last ones: a page served from the
 * response cache, or computed again with the same content, is compressed once. A Map keyed by
 * the text finds it by content (V8 compares the same string instance without reading it).
 */
export function dynamicCompressor(maxEntries = 200, maxRememberedLength = 256 * 1024) {
  const remembered = new Map<string, Partial<Record<Encoding, Buffer>>>()
  const compress = (text: string, encoding: Encoding) =>
    encoding === 'br' ? zlib.brotliCompressSync(text, dynamicOptions.br) : zlib.gzipSync(text, dynamicOptions.gzip)
  return (text: string, encoding: Encoding): Buffer => {
    // Large one-off answers (an analyst's export-sized query) are compressed, not kept.
    if (text.length > maxRememberedLength) return compress(text, encoding)
    let variants = remembered.get(text)
    if (variants) {
      remembered.delete(text)
    } else {
      variants = {}
      if (remembered.size >= maxEntries) remembered.delete(remembered.keys().next().value!)
    }
    remembered.set(text, variants)
    return (variants[encoding] ??= compress(text, encoding))
  }
}

/** The compressor of GraphQL answers, shared by yoga's plugin and the cached-answer route. */
export const answerCompressor = dynamicCompressor()
