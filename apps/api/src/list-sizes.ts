import { db } from './db.ts'

/**
 * How many rows each listed type really has, in all and in its largest territory, so that the
 * complexity estimate counts a list at the size it can actually reach on this installation: Dijon
 * alone, or all 1,255 EPCIs. Read at start and then every minute (a few GROUP BY); until the first
 * reading, the fixed sizes of request-limits.ts apply.
 */
export interface ListSize {
  total: number
  largestTerritory: number
}

let sizes: ReadonlyMap<string, ListSize> = new Map()

export function listSizeOf(typeName: string): ListSize | undefined {
  return sizes.get(typeName)
}

function byTerritory(rows: ReadonlyArray<{ _count: { _all: number } }>): ListSize {
  const counts = rows.map((row) => row._count._all)
  return { total: counts.reduce((sum, count) => sum + count, 0), largestTerritory: Math.max(0, ...counts) }
}

export async function readListSizes(): Promise<void> {
  const [communes, organisations, domains, actions, sharedServices, jointContracts, offers, territories] = await Promise.all([
    db.organisation.groupBy({ by: ['territoryId'], where: { kind: 'COMMUNE' }, _count: { _all: true } }),
    db.organisation.groupBy({ by: ['territoryId'], _count: { _all: true } }),
    db.domain.groupBy({ by: ['territoryId'], _count: { _all: true } }),
    db.action.groupBy({ by: ['territoryId'], where: { archivedAt: null }, _count: { _all: true } }),
    db.offer.groupBy({ by: ['territoryId'], where: { kind: 'SERVICE_COMMUN' }, _count: { _all: true } }),
    db.offer.groupBy({ by: ['territoryId'], where: { kind: { in: ['GROUPEMENT_DE_COMMANDES', 'CENTRALE_D_ACHAT'] } }, _count: { _all: true } }),
    db.offer.groupBy({ by: ['territoryId'], _count: { _all: true } }),
    db.territory.count(),
  ])
  sizes = new Map([
    ['Commune', byTerritory(communes)],
    ['Organisation', byTerritory(organisations)],
    ['Domain', byTerritory(domains)],
    ['Action', byTerritory(actions)],
    ['SharedService', byTerritory(sharedServices)],
    ['JointContract', byTerritory(jointContracts)],
    ['Offer', byTerritory(offers)],
    ['Territory', { total: territories, largestTerritory: 1 }],
  ])
}

/** Reads the sizes, then keeps them current while the process runs; a failed reading keeps the previous one. */
export async function watchListSizes(everyMs = 60_000): Promise<void> {
  const read = () => readListSizes().catch((error: unknown) => console.error('Tailles des listes non lues :', error))
  await read()
  setInterval(read, everyMs).unref()
}
