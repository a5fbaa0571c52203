import { randomUUID } from 'node:crypto'
import { searchText } from '@mutualis/domain'
import type { Db } from '../db.ts'
import { officialEpci } from './official-data.ts'
import type { SeedFile, SeedOffer } from './seed-file.ts'

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

/** The rows of one offer of the seed: the offer, who it is offered to, its members and staff. */
function offerRows(o: SeedOffer, territoryId: string, domainIds: Map<string, string>, resolve: (ref: string, where: string) => string[]) {
  const where = `offre ${o.key}`
  const id = randomUUID()
  const single = (ref: string) => {
    const ids = resolve(ref, where)
    if (ids.length !== 1) throw new Error(`${where} : « ${ref} » désigne plusieurs organisations, une seule est attendue ici`)
    return ids[0]!
  }
  // « all-communes » among the members stands for each commune; a member named on its own keeps its own line.
  const members = new Map<string, SeedOffer['members'][number]>()
  for (const m of o.members) for (const organisationId of resolve(m.organisation, where)) if (m.organisation !== 'all-communes' || !members.has(organisationId)) members.set(organisationId, m)
  return {
    row: {
      id, territoryId, key: o.key, name: o.name, summary: o.summary, searchText: searchText(o.name, o.summary), kind: o.kind, domainId: lookup(domainIds, o.domain, where),
      providerId: o.provider ? single(o.provider) : null, status: o.status, eligibility: o.eligibility, openingStudied: o.openingStudied,
      unnamedMembers: o.unnamedMembers, startDate: optionalDay(o.terms.startDate), endDate: optionalDay(o.terms.endDate),
      renewalDate: optionalDay(o.terms.renewalDate), tacitRenewal: o.terms.tacitRenewal, noticeMonths: o.terms.noticeMonths,
      legalBasis: o.terms.legalBasis, joinDeliberations: o.terms.joinDeliberations ? JSON.stringify(o.terms.joinDeliberations) : null,
      costKind: o.cost.kind, annualCostCents: o.cost.annualAmount === null ? null : Math.round(o.cost.annualAmount * 100), costYear: o.cost.year,
      costKey: o.cost.key ? JSON.stringify(o.cost.key) : null,
    },
    listed: o.listed.flatMap((ref) => resolve(ref, where)),
    members: [...members.entries()].map(([organisationId, m]) => ({
      id: randomUUID(), offerId: id, organisationId, state: m.state, since: optionalDay(m.since), until: optionalDay(m.until),
      deliberationRef: m.deliberationRef, deliberationDate: optionalDay(m.deliberationDate),
    })),
    staff: o.staff.map((s) => ({ id: randomUUID(), offerId: id, organisationId: single(s.organisation), mode: s.mode, fte: s.fte, note: s.note })),
  }
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
  const domains = seed.domains.map((d, position) => ({ id: randomUUID(), territoryId, key: d.key, name: d.name, searchText: searchText(d.name), position }))
  const idsOf = (rows: Array<{ key: string; id: string }>) => new Map(rows.map((row) => [row.key, row.id]))
  const domainIds = idsOf(domains)
  const offers = seed.offers.map((o) => offerRows(o, territoryId, domainIds, resolve))
  const offerIds = idsOf(offers.map((o) => o.row))

  const actions = seed.actions.map((a, position) => {
    const where = `action ${a.key}`
    return {
      row: {
        id: randomUUID(), territoryId, key: a.key, position, title: a.title, description: a.description,
        searchText: searchText(a.title, a.description), domainId: lookup(domainIds, a.domain, where)!, instrument: a.instrument,
        status: a.status, openness: a.openness, effectiveDate: optionalDay(a.effectiveDate), plannedDate: optionalDay(a.plannedDate),
        sourceText: a.sourceText, offerId: lookup(offerIds, a.offer, where),
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
    await tx.offer.createMany({ data: offers.map((o) => o.row) })
    for (const { row, listed } of offers.filter((o) => o.listed.length > 0)) {
      await tx.offer.update({ where: { id: row.id }, data: { listed: { connect: listed.map((id) => ({ id })) } } })
    }
    await tx.offerMember.createMany({ data: offers.flatMap((o) => o.members) })
    await tx.offerStaff.createMany({ data: offers.flatMap((o) => o.staff) })
    await tx.action.createMany({ data: actions.map((a) => a.row) })
    for (const { row, openTo } of actions.filter((a) => a.openTo.length > 0)) {
      await tx.action.update({ where: { id: row.id }, data: { openTo: { connect: openTo.map((id) => ({ id })) } } })
    }
    await tx.participation.createMany({ data: participations })
    await tx.progressUpdate.createMany({ data: progressUpdates })
  }, { timeout: 60_000 })
  return { territoryId, actions: actions.length }
}
