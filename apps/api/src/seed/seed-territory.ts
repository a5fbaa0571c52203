import { randomUUID } from 'node:crypto'
import { searchText } from '@mutualis/domain'
import type { Db } from '../db.ts'
import { officialEpci } from './official-data.ts'
import type { SeedFile } from './seed-file.ts'

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`)
const optionalDay = (iso: string | null) => (iso ? day(iso) : null)

/** Resolves the seed's organisation references to organisation ids; unknown ones are errors. */
function organisationResolver(ids: { metropole: string; byKey: Map<string, string>; communeByName: Map<string, string> }) {
  return (ref: string, where: string): string[] => {
    if (ref === 'metropole') return [ids.metropole]
    if (ref === 'all-communes') return [...ids.communeByName.values()]
    if (ref.startsWith('commune:')) {
      const id = ids.communeByName.get(ref.slice('commune:'.length))
      if (!id) throw new Error(`${where} : commune inconnue « ${ref} » (nom officiel attendu)`)
      return [id]
    }
    const id = ids.byKey.get(ref)
    if (!id) throw new Error(`${where} : organisation inconnue « ${ref} »`)
    return [id]
  }
}

function lookup(map: Map<string, string>, key: string | null, where: string): string | null {
  if (key === null) return null
  const id = map.get(key)
  if (!id) throw new Error(`${where} : référence inconnue « ${key} »`)
  return id
}

/** Writes a territory's schéma in one transaction: its official communes plus the reviewed seed. */
export async function seedTerritory(db: Db, seed: SeedFile): Promise<{ territoryId: string; actions: number }> {
  const epci = officialEpci(seed.territory.siren)
  const territoryId = randomUUID()
  const metropoleId = randomUUID()
  const organisations = [
    { id: metropoleId, territoryId, key: 'metropole', kind: 'EPCI' as const, name: epci.name, searchName: searchText(epci.name), siren: epci.siren },
    ...epci.communes.map((c) => ({
      id: randomUUID(), territoryId, key: c.inseeCode, kind: 'COMMUNE' as const, name: c.name, searchName: searchText(c.name),
      inseeCode: c.inseeCode, siren: c.siren, population: c.population,
    })),
    ...seed.organisations.map((o) => ({ id: randomUUID(), territoryId, key: o.key, kind: o.kind, name: o.name, searchName: searchText(o.name) })),
  ]
  const resolve = organisationResolver({
    metropole: metropoleId,
    byKey: new Map(organisations.filter((o) => o.kind !== 'COMMUNE').map((o) => [o.key, o.id])),
    communeByName: new Map(organisations.filter((o) => o.kind === 'COMMUNE').map((o) => [o.name, o.id])),
  })
  const domains = seed.domains.map((d, position) => ({ id: randomUUID(), territoryId, key: d.key, name: d.name, position }))
  const sharedServices = seed.sharedServices.map((s) => ({ id: randomUUID(), territoryId, key: s.key, name: s.name, createdOn: optionalDay(s.createdOn) }))
  const jointContracts = seed.jointContracts.map((c) => ({
    id: randomUUID(), territoryId, key: c.key, subject: c.subject, procedure: c.procedure,
    startDate: optionalDay(c.startDate), endDate: optionalDay(c.endDate), renewalDate: optionalDay(c.renewalDate),
  }))
  const idsOf = (rows: Array<{ key: string; id: string }>) => new Map(rows.map((row) => [row.key, row.id]))
  const [domainIds, serviceIds, contractIds] = [idsOf(domains), idsOf(sharedServices), idsOf(jointContracts)]

  const actions = seed.actions.map((a, position) => {
    const where = `action ${a.key}`
    return {
      row: {
        id: randomUUID(), territoryId, key: a.key, position, title: a.title, description: a.description,
        searchText: searchText(a.title, a.description), domainId: lookup(domainIds, a.domain, where)!, instrument: a.instrument,
        status: a.status, openness: a.openness, effectiveDate: optionalDay(a.effectiveDate), plannedDate: optionalDay(a.plannedDate),
        sourceText: a.sourceText, sharedServiceId: lookup(serviceIds, a.sharedService, where), jointContractId: lookup(contractIds, a.jointContract, where),
      },
      openTo: a.openTo.flatMap((ref) => resolve(ref, where)),
      seed: a,
    }
  })
  const participations = actions.flatMap(({ row, seed: a }) => {
    const byOrganisation = new Map<string, { id: string; organisationId: string; actionId: string; role: typeof a.participants[number]['role']; state: typeof a.participants[number]['state']; since: Date | null }>()
    for (const p of a.participants) {
      // An organisation named individually keeps its own role over the one « toutes communes » gives it.
      const individual = p.organisation !== 'all-communes'
      for (const organisationId of resolve(p.organisation, `action ${a.key}`)) {
        if (byOrganisation.has(organisationId) && !individual) continue
        byOrganisation.set(organisationId, { id: randomUUID(), organisationId, actionId: row.id, role: p.role, state: p.state, since: optionalDay(p.since) })
      }
    }
    return [...byOrganisation.values()]
  })
  // Updates of one day are listed in recording order: give each a distinct recording time, in source order.
  const recordedAt = Date.now()
  const progressUpdates = actions
    .flatMap(({ row, seed: a }) => a.progress.map((p) => ({ id: randomUUID(), actionId: row.id, date: day(p.date), statusAfter: p.status, text: p.text, meeting: seed.report.label })))
    .map((update, i) => ({ ...update, createdAt: new Date(recordedAt + i) }))

  await db.$transaction(async (tx) => {
    await tx.territory.create({ data: { id: territoryId, siren: epci.siren, name: epci.name, legalType: epci.legalType } })
    await tx.organisation.createMany({ data: organisations })
    await tx.domain.createMany({ data: domains })
    await tx.sharedService.createMany({ data: sharedServices })
    await tx.jointContract.createMany({ data: jointContracts })
    await tx.action.createMany({ data: actions.map((a) => a.row) })
    for (const { row, openTo } of actions.filter((a) => a.openTo.length > 0)) {
      await tx.action.update({ where: { id: row.id }, data: { openTo: { connect: openTo.map((id) => ({ id })) } } })
    }
    await tx.participation.createMany({ data: participations })
    await tx.progressUpdate.createMany({ data: progressUpdates })
  }, { timeout: 60_000 })
  return { territoryId, actions: actions.length }
}
