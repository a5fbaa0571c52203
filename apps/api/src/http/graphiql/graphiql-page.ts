import { createHash } from 'node:crypto'
import { renderGraphiQL } from '@graphql-yoga/render-graphiql'
import type { GraphiQLOptions } from 'graphql-yoga'
import { analystExamples } from '../../analytics/analyst-examples.ts'
import { compressAnswer, type Encoding } from '../compression.ts'

export const graphiqlTitle = 'Mutualis — API GraphQL (GraphiQL)'

const communePageQuery = /* GraphQL */ `# Mutualis — le schéma de mutualisation de Dijon Métropole.
# Que peut rejoindre Chenôve ?
query CommunePage {
  commune(inseeCode: "21166") {
    name
    population
    participations { role state since action { title statusLabel } }
    joinable { howToJoin openness action { title statusLabel domain { name } } }
  }
}
`

export const graphiqlOptions: GraphiQLOptions = {
  title: graphiqlTitle,
  defaultQuery: communePageQuery,
  // The analysts' examples of docs/analysts.md, one tab each, after the commune page.
  defaultTabs: [{ query: communePageQuery }, ...analystExamples.map((example) => ({ query: example.query }))],
}

/** GraphiQL as served: its HTML (9 MB, GraphiQL and its editor inlined), a tag for revalidation, its compressed forms. */
export interface RenderedPage {
  html: string
  etag: string
  compressed(encoding: Encoding): Promise<Buffer>
}

/**
 * GraphiQL from the package's bundle, with no CDN: a council network that filters CDNs still gets
 * it. The page is the same for every request, so it is rendered, tagged and compressed once per
 * set of options; yoga asks for it on each visit.
 */
export function frenchGraphiQL() {
  let last: { key: string; page: RenderedPage } | undefined
  const render = (options: GraphiQLOptions): string => {
    const key = JSON.stringify(options)
    if (last?.key !== key) last = { key, page: renderedPage(inFrench(renderGraphiQL(options))) }
    return last.page.html
  }
  /** The page last rendered; yoga renders it before any plugin sees the response. */
  const current = () => last?.page
  return { render, current }
}

/** The package writes `lang="en"` and an English notice; the interface itself has no French translation. */
function inFrench(html: string): string {
  return html
    .replace('<html lang="en">', '<html lang="fr">')
    .replace('You need to enable JavaScript to run this app.', 'GraphiQL a besoin de JavaScript : activez-le dans le navigateur.')
}

function renderedPage(html: string): RenderedPage {
  const body = Buffer.from(html)
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`
  const variants = new Map<Encoding, Promise<Buffer>>()
  // Mid levels, off the main thread: brotli's maximum takes 30 s on 9 MB for 12 % less.
  const compressed = (encoding: Encoding) => variants.get(encoding) ?? variants.set(encoding, compressAnswer(body, encoding)).get(encoding)!
  return { html, etag, compressed }
}
