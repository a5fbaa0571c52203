import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { db } from '@mutualis/api/db.ts'
import { officialRelease } from '@mutualis/api/seed/official-data.ts'
import { createTerritory, refreshTerritory } from '@mutualis/api/territories/territory-onboarding.service.ts'
import { findEpci, membershipChanges, type OfficialEpciEntry } from '@mutualis/domain'
import { query } from '../fixtures/graphql.ts'

// The package's own file, read here without the API's loader: what the database must match.
const epciFile = createRequire(import.meta.url)('@etalab/decoupage-administratif/data/epci.json') as OfficialEpciEntry[]
const operator = { kind: 'system' as const, label: 'test' }
const release = officialRelease()
const kinds = { CC: 'COMMUNAUTE_DE_COMMUNES', CA: 'COMMUNAUTE_D_AGGLOMERATION', CU: 'COMMUNAUTE_URBAINE', METRO: 'METROPOLE', MET69: 'METROPOLE' } as const
const dijon = '242100410'

interface TerritoryAnswer {
  territory: { siren: string; name: string; legalType: string; communes: Array<{ inseeCode: string; siren: string; name: string; population: number | null }> } | null
}
const territoryQuery = 'query ($siren: String!) { territory(siren: $siren) { siren name legalType communes { inseeCode siren name population } } }'

/** What the package says of an EPCI, in the shape the API answers. */
function expected(entry: OfficialEpciEntry) {
  return {
    siren: entry.code,
    name: entry.nom,
    legalType: kinds[entry.type as keyof typeof kinds],
    communes: entry.membres.map((m) => ({ inseeCode: m.code, siren: m.siren, name: m.nom, population: m.populationMunicipale ?? null })).sort((a, b) => a.inseeCode.localeCompare(b.inseeCode)),
  }
}
const byCode = <T extends { inseeCode: string }>(list: T[]) => [...list].sort((a, b) => a.inseeCode.localeCompare(b.inseeCode))
const firstOf = (type: string) => epciFile.find((epci) => epci.type === type && epci.code !== dijon && epci.membres.length > 3)!

describe('territory:create from the official data', () => {
  it.each(['CC', 'CA', 'CU', 'METRO'])('creates a %s with its communes, INSEE codes, SIREN and populations as the package gives them', async (type) => {
    const entry = firstOf(type)
    const result = await createTerritory(db, { siren: entry.code, actor: operator })
    expect(result).toMatchObject({ created: true, changed: true })
    expect(result.lines.at(-1)).toContain(`Territoire créé\u00A0: ${entry.nom} (`)
    const { territory } = await query<TerritoryAnswer>(territoryQuery, { siren: entry.code })
    expect({ ...territory, communes: byCode(territory!.communes) }).toEqual(expected(entry))
    const epci = await db.organisation.findMany({ where: { territory: { siren: entry.code }, kind: 'EPCI' } })
    expect(epci.map((o) => [o.name, o.siren])).toEqual([[entry.nom, entry.code]])
  })

  it('is idempotent: run again, it writes nothing and says so', async () => {
    const entry = epciFile.filter((epci) => epci.type === 'CC')[1]!
    await createTerritory(db, { siren: entry.code, actor: operator })
    const counts = () => Promise.all([db.organisation.count(), db.auditEntry.count(), db.territory.count()])
    const before = await counts()
    const again = await createTerritory(db, { siren: entry.code, actor: operator })
    expect(again).toMatchObject({ created: false, changed: false, changes: { added: [] } })
    expect(again.lines).toEqual([`${entry.nom} existe déjà avec toutes ses communes\u00A0: rien n’a changé.`])
    expect(await counts()).toEqual(before)
  })

  it('audits the creation: the territory and each commune, by whom', async () => {
    const entry = epciFile.filter((epci) => epci.type === 'CA')[1]!
    const { territory } = await createTerritory(db, { siren: entry.code, actor: { kind: 'system', label: 'ligne de commande (dgs)' } })
    const entries = await db.auditEntry.findMany({ where: { territoryId: territory.id } })
    expect(entries.filter((e) => e.operation === 'createTerritory').map((e) => [e.entityType, e.actorLabel])).toEqual([['Territory', 'ligne de commande (dgs)']])
    const added = entries.filter((e) => e.operation === 'addCommune').map((e) => JSON.parse(e.after!).inseeCode).sort()
    expect(added).toEqual(entry.membres.map((m) => m.code).sort())
  })

  it('adds only what is missing to a territory that exists', async () => {
    const entry = epciFile.filter((epci) => epci.type === 'CC')[2]!
    const { territory } = await createTerritory(db, { siren: entry.code, actor: operator })
    const lost = entry.membres[0]!
    await db.organisation.delete({ where: { territoryId_inseeCode: { territoryId: territory.id, inseeCode: lost.code } } })
    const result = await createTerritory(db, { siren: entry.code, actor: operator })
    expect(result).toMatchObject({ created: false, changed: true, changes: { added: [{ inseeCode: lost.code, name: lost.nom }] } })
    expect(result.lines).toEqual([
      `Commune ajoutée\u00A0: ${lost.nom} (${lost.code}, ${lost.populationMunicipale!.toLocaleString('fr-FR')} habitants)`,
      `${entry.nom} existait déjà\u00A0: 1 commune ajoutée, rien d’autre n’a changé.`,
    ])
    expect(await db.organisation.count({ where: { territoryId: territory.id, kind: 'COMMUNE' } })).toBe(entry.membres.length)
  })

  it('changes nothing in the seeded Dijon Métropole, whose communes and EPCI the seed already wrote', async () => {
    const before = await db.auditEntry.count()
    const result = await createTerritory(db, { siren: dijon, actor: operator })
    expect(result).toMatchObject({ created: false, changed: false, territory: { siren: dijon, name: 'Dijon Métropole' } })
    const refreshed = await refreshTerritory(db, { siren: dijon, actor: operator })
    expect(refreshed).toMatchObject({ changed: false, renamed: {} })
    expect(await db.auditEntry.count()).toBe(before)
    const { territory } = await query<TerritoryAnswer>(territoryQuery, { siren: dijon })
    expect({ ...territory, communes: byCode(territory!.communes) }).toEqual(expected(epciFile.find((e) => e.code === dijon)!))
  })

  it('refuses an unknown SIREN and a text that is no SIREN, writing nothing', async () => {
    const before = await db.territory.count()
    await expect(createTerritory(db, { siren: '000000000', actor: operator })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Aucun EPCI à fiscalité propre de SIREN 000000000 dans le découpage administratif officiel.' })
    await expect(createTerritory(db, { siren: '2421', actor: operator })).rejects.toMatchObject({ code: 'VALIDATION', field: 'siren' })
    expect(await db.territory.count()).toBe(before)
  })
})

describe('every EPCI of the package', () => {
  it('resolves all 1,255 in memory, then creates 20 of every kind in the database', async () => {
    expect(release.epcis).toHaveLength(1255)
    const resolved = epciFile.map((entry) => {
      const found = findEpci(entry.code, release.epcis)
      if (!found.ok) throw new Error(found.reason)
      // A first onboarding: every member is added, nothing else happens.
      const changes = membershipChanges([], { epci: found.epci, communes: release.communes, effectiveOn: release.effectiveOn })
      expect(changes.added.map((m) => m.inseeCode).sort()).toEqual(entry.membres.map((m) => m.code).sort())
      expect(changes.left.length + changes.merged.length + changes.updated.length + changes.rejoined.length).toBe(0)
      expect(found.epci.legalType).toBe(kinds[entry.type as keyof typeof kinds])
      return found.epci
    })
    expect(resolved.reduce((sum, epci) => sum + epci.members.length, 0)).toBe(epciFile.reduce((sum, epci) => sum + epci.membres.length, 0))

    // 20 of each kind, spread over the list rather than its first rows (only 14 communautés urbaines exist).
    const sample = Object.values(kinds).filter((kind, i, all) => all.indexOf(kind) === i).flatMap((kind) => {
      const ofKind = resolved.filter((epci) => epci.legalType === kind)
      const step = Math.max(1, Math.floor(ofKind.length / 20))
      return ofKind.filter((_, i) => i % step === 0).slice(0, 20)
    })
    const perKind = Object.fromEntries(Object.values(kinds).map((kind) => [kind, sample.filter((epci) => epci.legalType === kind).length]))
    expect(perKind).toEqual({ COMMUNAUTE_DE_COMMUNES: 20, COMMUNAUTE_D_AGGLOMERATION: 20, COMMUNAUTE_URBAINE: 14, METROPOLE: 20 })

    // Those an earlier test (or the seed: Dijon) created are left as they are.
    const present = new Set((await db.territory.findMany({ select: { siren: true } })).map((t) => t.siren))
    for (const epci of sample) {
      const result = await createTerritory(db, { siren: epci.siren, actor: operator })
      expect([epci.siren, result.created, result.changed]).toEqual([epci.siren, !present.has(epci.siren), !present.has(epci.siren)])
    }
    const rows = await db.organisation.groupBy({ by: ['territoryId'], where: { kind: 'COMMUNE', territory: { siren: { in: sample.map((e) => e.siren) } } }, _count: { _all: true }, _sum: { population: true } })
    const territories = new Map((await db.territory.findMany({ where: { siren: { in: sample.map((e) => e.siren) } } })).map((t) => [t.id, t]))
    const inDatabase = rows.map((row) => ({ siren: territories.get(row.territoryId)!.siren, communes: row._count._all, population: row._sum.population }))
    expect(byCode(inDatabase.map((r) => ({ ...r, inseeCode: r.siren })))).toEqual(
      byCode(sample.map((epci) => ({ siren: epci.siren, inseeCode: epci.siren, communes: epci.members.length, population: epci.members.reduce((sum, m) => sum + (m.population ?? 0), 0) }))),
    )
  }, 120_000)
})
