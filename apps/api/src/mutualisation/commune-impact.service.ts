import type { Viewer } from '../auth/viewer.ts'
import type { Offer } from '../generated/sqlite/client.ts'
import { territoryOfferFacts, withOffers, type CommuneOfferFacts } from './commune-offers.service.ts'

interface Commune {
  id: string
  territoryId: string
  population: number | null
}

export type ImpactEntry = CommuneOfferFacts & { offer: Offer }
type Waiting = { commune: Commune; year: number; resolve: (entries: ImpactEntry[]) => void; reject: (error: unknown) => void }

const loaders = new WeakMap<object, (commune: Commune, year: number) => Promise<ImpactEntry[]>>()

/**
 * Per request, gathers the communes of one GraphQL level that ask for their impact (a page of
 * `communesConnection`, the impact export) and reads their facts together: the offers' rule inputs
 * and the pending requests once per territory and year (eight SQL statements with Prisma's relation
 * reads), then the offers' rows once, whatever the number of communes.
 */
export function communeImpactLoader(context: { viewer: Viewer }): (commune: Commune, year: number) => Promise<ImpactEntry[]> {
  let loader = loaders.get(context)
  if (!loader) {
    let waiting: Waiting[] = []
    loader = (commune, year) =>
      new Promise((resolve, reject) => {
        if (waiting.length === 0) {
          setImmediate(() => {
            const batch = waiting
            waiting = []
            impactsOf(batch, context.viewer).then(
              (entries) => batch.forEach((w) => w.resolve(entries.get(`${w.year} ${w.commune.id}`) ?? [])),
              (error) => batch.forEach((w) => w.reject(error)),
            )
          })
        }
        waiting.push({ commune, year, resolve, reject })
      })
    loaders.set(context, loader)
  }
  return loader
}

async function impactsOf(batch: readonly Waiting[], viewer: Viewer): Promise<Map<string, ImpactEntry[]>> {
  const groups = new Map<string, { territoryId: string; year: number; communes: Map<string, Commune> }>()
  for (const { commune, year } of batch) {
    const key = `${commune.territoryId} ${year}`
    if (!groups.has(key)) groups.set(key, { territoryId: commune.territoryId, year, communes: new Map() })
    groups.get(key)!.communes.set(commune.id, commune)
  }
  const facts = new Map<string, CommuneOfferFacts[]>()
  await Promise.all(
    [...groups.values()].map(async ({ territoryId, year, communes }) => {
      for (const [communeId, mine] of await territoryOfferFacts(territoryId, [...communes.values()], viewer, year)) facts.set(`${year} ${communeId}`, mine)
    }),
  )
  const offerIds = [...new Set([...facts.values()].flat().map((fact) => fact.offerId))]
  const offers = new Map((await withOffers(offerIds.map((offerId) => ({ offerId })), {})).map((entry) => [entry.offerId, entry.offer]))
  return new Map([...facts].map(([key, mine]) => [key, mine.flatMap((fact) => (offers.has(fact.offerId) ? [{ ...fact, offer: offers.get(fact.offerId)! }] : []))]))
}
