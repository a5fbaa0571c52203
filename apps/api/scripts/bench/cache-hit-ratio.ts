// `pnpm --filter @mutualis/api bench:hit-ratio`: the response cache's hit ratio on a mixed workload,
// in process, on a fresh Dijon database plus a second territory of the same size: readers spread
// over both territories' commune and offer pages (a few pages much more read than others), and
// points d'avancement recorded in Dijon only, through /graphql as the admin. Two caches watch the
// same reads and writes: one whose answers depend on the territories they show (Mutualis's), one
// where any write makes every answer stale (one generation for everything, as before). Each answer
// is compared with a fresh one: stale answers are counted. A measurement, not a test.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import type { ExecutionResult } from 'graphql'

const { values: args } = parseArgs({
  options: {
    reads: { type: 'string', default: '3000' },
    'reads-per-write': { type: 'string', default: '20' },
  },
})
const reads = Number(args.reads)
const readsPerWrite = Number(args['reads-per-write'])

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-hit-ratio-'))
process.env.DATABASE_URL = `file:${path.join(work, 'mutualis.db')}`
process.env.RESPONSE_CACHE = 'on'
delete process.env.REDIS_URL

// The database is chosen before the application's modules read DATABASE_URL.
const { execute, parse } = await import('graphql')
const { encodeGlobalID } = await import('@pothos/plugin-relay')
const { CommunePageQuery } = await import('@mutualis/schema/documents/commune')
const { OfferPageQuery } = await import('@mutualis/schema/documents/offer')
const { RecordProgressMutation } = await import('@mutualis/schema/documents/outbox')
const { sentRequest } = await import('@mutualis/schema/sent')
const { db } = await import('../../src/db.ts')
const { prepareDatabase } = await import('../../src/startup.ts')
const { createContext } = await import('../../src/context.ts')
const { schema } = await import('../../src/schema/index.ts')
const { yoga } = await import('../../src/http/yoga.ts')
const { createResponseCache } = await import('../../src/plugins/use-response-cache.ts')
const { memoryClock } = await import('../../src/plugins/invalidation-clock.ts')

await prepareDatabase(() => {})
const dijon = await db.territory.findUniqueOrThrow({ where: { siren: '242100410' }, include: { organisations: { where: { kind: 'COMMUNE' } }, offers: { where: { archivedAt: null } } } })

/** A second territory shaped like Dijon: as many communes and offers, each commune in a few offers. */
async function secondTerritory() {
  const territory = await db.territory.create({ data: { siren: '200000001', name: 'Communauté de communes de mesure', legalType: 'COMMUNAUTE_DE_COMMUNES' } })
  const domain = await db.domain.create({ data: { territoryId: territory.id, key: 'mesure', name: 'Mesure', position: 0 } })
  const communes = await Promise.all(dijon.organisations.map((_, index) =>
    db.organisation.create({ data: { territoryId: territory.id, key: `c${index}`, kind: 'COMMUNE', name: `Commune ${index}`, searchName: `commune ${index}`, inseeCode: `99${String(index).padStart(3, '0')}`, population: 1000 + index * 150 } }),
  ))
  const offers = []
  for (let index = 0; index < dijon.offers.length; index++) {
    offers.push(await db.offer.create({
      data: {
        territoryId: territory.id, key: `o${index}`, name: `Offre ${index}`, searchText: `offre ${index}`, kind: 'SERVICE_COMMUN', eligibility: 'ALL_COMMUNES',
        domainId: domain.id, costKind: 'FREE', members: { create: communes.filter((_, c) => (c + index) % 3 === 0).map((commune) => ({ organisationId: commune.id, state: 'MEMBER' as const })) },
      },
    }))
  }
  return { communes, offers }
}
const other = await secondTerritory()

type Page = { query: string; variables: Record<string, unknown> }
const pagesOf = (communes: Array<{ inseeCode: string | null }>, offers: Array<{ id: string }>): Page[] => [
  ...communes.map((commune) => sentRequest(CommunePageQuery, { inseeCode: commune.inseeCode! })),
  ...offers.map((offer) => sentRequest(OfferPageQuery, { id: encodeGlobalID('Offer', offer.id) })),
]
const pages = { dijon: pagesOf(dijon.organisations, dijon.offers), other: pagesOf(other.communes, other.offers) }

/** A few pages are read much more than others (Zipf, exponent 1), within each territory. */
function zipf(count: number): () => number {
  const weights = Array.from({ length: count }, (_, rank) => 1 / (rank + 1))
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  return () => {
    let left = Math.random() * total
    for (let rank = 0; rank < count; rank++) if ((left -= weights[rank]) <= 0) return rank
    return count - 1
  }
}
const pick = { dijon: zipf(pages.dijon.length), other: zipf(pages.other.length) }

const documents = new Map<string, ReturnType<typeof parse>>()
async function run(page: Page, rootValue?: unknown): Promise<ExecutionResult> {
  let document = documents.get(page.query)
  if (!document) documents.set(page.query, (document = parse(page.query)))
  const request = new Request('http://mutualis.test/graphql')
  return execute({ schema, document, variableValues: page.variables, rootValue, contextValue: await createContext({ request }) }) as Promise<ExecutionResult>
}

const oneGeneration = memoryClock()
const caches = {
  scoped: createResponseCache({ clock: memoryClock(), maxEntries: 10_000 }),
  single: createResponseCache({ clock: { ...oneGeneration, advance: () => oneGeneration.advance(['anywhere']) }, maxEntries: 10_000 }),
}
const figures = Object.fromEntries(Object.keys(caches).map((name) => [name, { hits: 0, misses: 0, stale: 0, byTerritory: { dijon: { hits: 0, reads: 0 }, other: { hits: 0, reads: 0 } } }])) as Record<keyof typeof caches, { hits: number; misses: number; stale: number; byTerritory: Record<'dijon' | 'other', { hits: number; reads: number }> }>

const login = await yoga.fetch('http://mutualis.test/graphql', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: 'mutation { login(email: "admin@demo.mutualis.fr", password: "demo-mutualis-2026") { __typename } }' }),
})
const cookie = login.headers.get('set-cookie')!.split(';')[0]
const actions = await db.action.findMany({ where: { territoryId: dijon.id, archivedAt: null }, select: { id: true } })
const statuses = ['IN_PROGRESS', 'PLANNED', 'IMPLEMENTED', 'TO_STUDY'] as const

async function recordProgressInDijon(step: number) {
  const { id, version } = await db.action.findUniqueOrThrow({ where: { id: actions[step % actions.length].id }, select: { id: true, version: true } })
  const input = { actionId: encodeGlobalID('Action', id), status: statuses[step % statuses.length], note: 'Point du comité.', date: '2026-11-20', clientMutationId: randomUUID(), expectedVersion: version }
  const response = await yoga.fetch('http://mutualis.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(sentRequest(RecordProgressMutation, { input })) })
  const body = (await response.json()) as { data?: { recordProgress: { __typename: string } } }
  if (body.data?.recordProgress.__typename !== 'RecordProgressSuccess') throw new Error(`recordProgress : ${JSON.stringify(body)}`)
}

const started = performance.now()
let writes = 0
for (let step = 0; step < reads; step++) {
  if (step > 0 && step % readsPerWrite === 0) await recordProgressInDijon(writes++)
  const territory = Math.random() < 0.5 ? 'dijon' : 'other'
  const page = pages[territory][pick[territory]()]
  const fresh = JSON.stringify((await run(page)).data)
  for (const [name, cache] of Object.entries(caches) as Array<[keyof typeof caches, (typeof caches)[keyof typeof caches]]>) {
    let missed = false
    const answer = await cache.read(new Request('http://mutualis.test/graphql'), page, (rootValue) => ((missed = true), run(page, rootValue)))
    const figure = figures[name]
    figure.byTerritory[territory].reads++
    if (missed) figure.misses++
    else (figure.hits++, figure.byTerritory[territory].hits++)
    if (JSON.stringify(answer.data) !== fresh) figure.stale++
  }
}

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`
console.log(`${reads} lectures (${pages.dijon.length} pages de Dijon, ${pages.other.length} de l'autre territoire, moitié chacun, Zipf), ${writes} points d'avancement dans Dijon (1 pour ${readsPerWrite} lectures), ${((performance.now() - started) / 1000).toFixed(1)} s`)
for (const [name, label] of [['single', 'une génération pour tout (avant)'], ['scoped', 'par territoire (maintenant)']] as const) {
  const { hits, stale, byTerritory } = figures[name]
  console.log(`${label.padEnd(34)} : ${percent(hits, reads)} de hits — Dijon ${percent(byTerritory.dijon.hits, byTerritory.dijon.reads)}, autre territoire ${percent(byTerritory.other.hits, byTerritory.other.reads)} — ${stale} réponse(s) périmée(s)`)
}
await db.$disconnect()
fs.rmSync(work, { recursive: true, force: true })
process.exit(0)
