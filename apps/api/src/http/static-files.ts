import fs from 'node:fs'
import path from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { compressedVariants, negotiateEncoding, type Encoding } from './compression.ts'
import { requestUrl } from './request-url.ts'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/** Types worth compressing: text. PNG and WOFF2 are compressed already. */
const compressible = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.svg', '.txt'])

interface StaticFile {
  body: Buffer
  type: string
  etag: string
  /** brotli and gzip bodies, computed once per file version; absent while being computed. */
  variants?: Partial<Record<Encoding, Buffer>>
}

/** A path's stat; undefined when nothing is there, also when a file stands where the path needs a folder (/index.html/x). */
function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined
    throw error
  }
}

/**
 * Serves the built PWA. Hashed assets are cached for a year; index.html and the service worker
 * are revalidated (ETag, 304) so a new version reaches users. Text is sent brotli- or
 * gzip-compressed when the browser accepts it, compressed once per file and kept in memory
 * (the build is a few hundred kilobytes). Unknown paths fall back to index.html (client routes).
 */
export function staticFiles(root: string, options: { warm?: boolean } = {}) {
  const rootDir = path.resolve(root)
  const files = new Map<string, StaticFile>()
  const compressing = new Set<Promise<unknown>>()
  // The server compresses the whole build at start, so even the first visitor gets small files.
  if (options.warm && fs.existsSync(rootDir)) {
    for (const name of fs.readdirSync(rootDir, { recursive: true, encoding: 'utf8' })) load(path.join(rootDir, name))
  }

  /** The file as served, read again only when it changed (a rebuild); undefined if it is not a file. */
  function load(file: string): StaticFile | undefined {
    const stat = statOf(file)
    if (!stat?.isFile()) return undefined
    const etag = `"${stat.size.toString(36)}-${stat.mtimeMs.toString(36)}"`
    const cached = files.get(file)
    if (cached?.etag === etag) return cached
    const extension = path.extname(file)
    const entry: StaticFile = { body: fs.readFileSync(file), type: types[extension] ?? 'application/octet-stream', etag }
    files.set(file, entry)
    if (compressible.has(extension) && entry.body.length > 512) {
      const pending = compressedVariants(entry.body).then(
        (variants) => { entry.variants = variants },
        () => { /* served uncompressed: compression is an optimisation only */ },
      )
      compressing.add(pending)
      void pending.finally(() => compressing.delete(pending))
    }
    return entry
  }

  const serve = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    let urlPath: string
    try {
      urlPath = decodeURIComponent(requestUrl(req).pathname)
    } catch {
      return false
    }
    // No file has a NUL byte in its name: a malformed address, not a client route.
    if (urlPath.includes('\0')) return false
    let file = path.join(rootDir, path.normalize(urlPath))
    if (!file.startsWith(rootDir)) return false
    let entry: StaticFile | undefined
    try {
      entry = load(file)
    } catch (error) {
      // A name longer than the system allows is no file and no client route either.
      if ((error as NodeJS.ErrnoException).code === 'ENAMETOOLONG') return false
      throw error
    }
    if (!entry) {
      // A client route (/commune/21166): the shell answers. No build, no shell: not ours to answer.
      file = path.join(rootDir, 'index.html')
      entry = load(file)
      if (!entry) return false
    }
    const immutable = file.includes(`${path.sep}assets${path.sep}`)
    const headers: Record<string, string | number> = {
      'content-type': entry.type,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag: entry.etag,
    }
    if (compressible.has(path.extname(file))) headers.vary = 'Accept-Encoding'
    if (req.headers['if-none-match'] === entry.etag) {
      res.writeHead(304, headers)
      res.end()
      return true
    }
    const encoding = entry.variants && negotiateEncoding(req.headers['accept-encoding'])
    const body = (encoding && entry.variants?.[encoding]) || entry.body
    if (body !== entry.body && encoding) headers['content-encoding'] = encoding
    headers['content-length'] = body.length
    res.writeHead(200, headers)
    res.end(req.method === 'HEAD' ? undefined : body)
    return true
  }
  /** Resolves once the files loaded so far have their compressed forms. */
  const compressed = async () => { await Promise.all([...compressing]) }
  return Object.assign(serve, { compressed })
}
