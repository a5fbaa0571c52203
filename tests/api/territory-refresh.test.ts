import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@mutualis/api/db.ts'
import { officialRelease, type OfficialRelease } from '@mutualis/api/seed/official-data.ts'
import { createTerritory, refreshTerritory } from '@mutualis/api/territories/territory-onboarding.service.ts'
import type { Organisation } from '@mutualis/api/generated/sqlite/client.ts'
import { query } from '../fixtures/graphql.ts'

// A real communauté de communes of the package, then a next year's release made from it: one member
// merges into another (a commune nouvelle), one leaves, a commune of another EPCI joins, a
// population changes and the EPCI is renamed.
const operator = { kind: 'system' as const, label: 'test' }
const current = officialRelease()
const entry = current.epcis.filter((epci) => epci.type === 'CC' && epci.membres.length >= 6)[7]!
const [merging, nouvelle, leaving, growing] = entry.membres
const joining = current.epcis.find((epci) => epci.code !== entry.code && epci.type === 'CC')!.membres[0]!
const nextYear = new Date('2027-01-01T00:00:00.000Z')
const renamed = `${entry.nom} (nouveau nom)`

const next: OfficialRelease = {
  label: 'découpage de test 2027',
  effectiveOn: nextYear,
  epcis: current.epcis.map((epci) =>
    epci.code !== entry.code
      ? epci
      : {
          ...epci,
          nom: renamed,
          membres: [
            ...epci.membres.filter((m) => m.code !== merging!.code && m.code !== leaving!.code).map((m) => (m.code === growing!.code ? { ...m, populationMunicipale: m.populationMunicipale! + 100 } : m)),
            joining,
          ],
        },
  ),
  // The merged commune is now a commune déléguée of the commune nouvelle, as the COG lists it.
  communes: [...current.communes.filter((c) => c.code !== merging!.code), { code: merging!.code, nom: merging!.nom, type: 'commune-deleguee', chefLieu: nouvelle!.code }],
}

let territoryId: string
const commune = (code: string) => db.organisation.findUniqueOrThrow({ where: { territoryId_inseeCode: { territoryId, inseeCode: code } } })
const history = async (organisation: Organisation) => ({
  participations: await db.participation.count({ where: { organisationId: organisation.id } }),
  offerMembers: await db.offerMember.count({ where: { organisationId: organisation.id } }),
  progress: await db.progressUpdate.count({ where: { action: { participants: { some: { organisationId: organisation.id } } } } }),
})

beforeAll(async () => {
  territoryId = (await createTerritory(db, { siren: entry.code, actor: operator })).territory.id
  // The merging commune has a history: it takes part in an action, is a member of an offer, and the action has a point d'avancement.
  const organisation = await commune(merging!.code)
  const domain = await db.domain.create({ data: { territoryId, key: 'rh', name: 'Ressources humaines', position: 0 } })
  const offer = await db.offer.create({ data: { territoryId, key: 'paie', name: 'Paie mutualisée', kind: 'SERVICE_COMMUN', eligibility: 'ALL_COMMUNES', members: { create: { organisationId: organisation.id, state: 'MEMBER' } } } })
  await db.action.create({
    data: {
      territoryId, key: 'paie-1', position: 0, title: 'Service commun de paie', searchText: 'service commun de paie', domainId: domain.id, offerId: offer.id,
      instrument: 'SERVICE_COMMUN', status: 'IN_PROGRESS', openness: 'OPEN', sourceText: '',
      participants: { create: { organisationId: organisation.id, role: 'MEMBER', state: 'MEMBER' } },
      progressUpdates: { create: { date: new Date('2026-03-01'), statusAfter: 'IN_PROGRESS', text: 'Convention signée.' } },
    },
  })
})

type Answer = { communes: Array<{ inseeCode: string; leftOn: string | null; mergedIntoInseeCode: string | null }> }
const communeList = (includeFormer: boolean) =>
  query<Answer>('query ($s: String!, $f: Boolean) { communes(territory: $s, includeFormer: $f) { inseeCode leftOn mergedIntoInseeCode } }', { s: entry.code, f: includeFormer }).then((a) => a.communes.map((c) => c.inseeCode).sort())

describe('territory:refresh with a newer release', () => {
  it('says what a dry run would change, and writes nothing', async () => {
    const before = await db.auditEntry.count({ where: { territoryId } })
    const result = await refreshTerritory(db, { siren: entry.code, actor: operator, release: next, dryRun: true })
    expect(result.changed).toBe(false)
    expect(result.lines.at(-1)).toBe(`Essai à blanc\u00A0: 5 changements du découpage de test 2027 à appliquer à ${entry.nom}, rien n’a été écrit.`)
    expect((await commune(merging!.code)).leftOn).toBeNull()
    expect(await db.organisation.count({ where: { territoryId, inseeCode: joining.code } })).toBe(0)
    expect(await db.auditEntry.count({ where: { territoryId } })).toBe(before)
  })

  it('marks the merged and the departed commune, adds the newcomer, updates the population and the name', async () => {
    const historyBefore = await history(await commune(merging!.code))
    const result = await refreshTerritory(db, { siren: entry.code, actor: operator, release: next })
    expect(result).toMatchObject({ changed: true, renamed: { name: renamed } })
    expect(result.lines).toEqual(expect.arrayContaining([
      `Nouveau nom\u00A0: ${renamed} (au lieu de ${entry.nom})`,
      `Commune sortie le 1er janvier 2027\u00A0: ${leaving!.nom} (${leaving!.code}), son historique est gardé`,
      `Commune fusionnée le 1er janvier 2027 dans ${nouvelle!.nom} (${nouvelle!.code})\u00A0: ${merging!.nom} (${merging!.code}), son historique est gardé`,
    ]))
    expect(result.lines.at(-1)).toBe(`Territoire mis à jour\u00A0: ${entry.nom}, 5 changements d’après le découpage de test 2027.`)

    const merged = await commune(merging!.code)
    expect([merged.leftOn, merged.mergedIntoInseeCode]).toEqual([nextYear, nouvelle!.code])
    const left = await commune(leaving!.code)
    expect([left.leftOn, left.mergedIntoInseeCode]).toEqual([nextYear, null])
    expect((await commune(joining.code)).population).toBe(joining.populationMunicipale)
    expect((await commune(growing!.code)).population).toBe(growing!.populationMunicipale! + 100)
    expect(await history(merged)).toEqual(historyBefore)
    expect(historyBefore).toEqual({ participations: 1, offerMembers: 1, progress: 1 })
    expect((await db.territory.findUniqueOrThrow({ where: { id: territoryId } })).name).toBe(renamed)
    expect((await db.organisation.findFirstOrThrow({ where: { territoryId, kind: 'EPCI' } })).name).toBe(renamed)
  })

  it('lists current members only, former ones with includeFormer, and still finds a former commune by its code', async () => {
    const members = next.epcis.find((e) => e.code === entry.code)!.membres.map((m) => m.code).sort()
    expect(await communeList(false)).toEqual(members)
    expect(await communeList(true)).toEqual([...members, merging!.code, leaving!.code].sort())
    const nested = await query<{ territory: { current: Array<{ inseeCode: string }>; all: Array<{ inseeCode: string }> } }>(
      'query ($s: String!) { territory(siren: $s) { current: communes { inseeCode } all: communes(includeFormer: true) { inseeCode } } }',
      { s: entry.code },
    )
    expect(nested.territory.current.map((c) => c.inseeCode).sort()).toEqual(members)
    expect(nested.territory.all).toHaveLength(members.length + 2)
    const connection = await query<{ communesConnection: { totalCount: number } }>('query ($s: String!) { communesConnection(territory: $s, first: 5) { totalCount } }', { s: entry.code })
    expect(connection.communesConnection.totalCount).toBe(members.length)
    const matrix = await query<{ membershipMatrix: { rows: Array<{ commune: { inseeCode: string } }> } }>('query ($s: String!) { membershipMatrix(territory: $s) { rows { commune { inseeCode } } } }', { s: entry.code })
    expect(matrix.membershipMatrix.rows.map((r) => r.commune.inseeCode).sort()).toEqual(members)
    const former = await query<{ commune: { name: string; leftOn: string; mergedIntoInseeCode: string; participations: unknown[] } }>(
      'query ($c: String!, $s: String!) { commune(inseeCode: $c, territory: $s) { name leftOn mergedIntoInseeCode participations { state } } }',
      { c: merging!.code, s: entry.code },
    )
    expect(former.commune).toEqual({ name: merging!.nom, leftOn: '2027-01-01', mergedIntoInseeCode: nouvelle!.code, participations: [{ state: 'MEMBER' }] })
  })

  it('audits each commune’s change (before → after) and the refresh', async () => {
    const entries = await db.auditEntry.findMany({ where: { territoryId, operation: { in: ['markCommuneMerged', 'markCommuneLeft', 'updateCommune', 'addCommune', 'refreshTerritory'] }, createdAt: { gte: new Date(Date.now() - 60_000) } } })
    const merged = entries.find((e) => e.operation === 'markCommuneMerged')!
    expect([JSON.parse(merged.before!).leftOn, JSON.parse(merged.after!).mergedIntoInseeCode]).toEqual([null, nouvelle!.code])
    expect(entries.find((e) => e.operation === 'markCommuneLeft')?.entityId).toBe((await commune(leaving!.code)).id)
    expect(JSON.parse(entries.find((e) => e.operation === 'refreshTerritory')!.after!)).toMatchObject({ name: renamed, release: 'découpage de test 2027', added: 1, left: 1, merged: 1, updated: 1 })
  })

  it('applied again, changes nothing and says so', async () => {
    const before = await db.auditEntry.count({ where: { territoryId } })
    const again = await refreshTerritory(db, { siren: entry.code, actor: operator, release: next })
    expect(again).toMatchObject({ changed: false, changes: { added: [], left: [], merged: [], updated: [], rejoined: [] } })
    expect(again.lines).toEqual([`${renamed} est à jour du découpage de test 2027\u00A0: rien n’a changé.`])
    expect(await db.auditEntry.count({ where: { territoryId } })).toBe(before)
  })

  it('takes back communes a later release lists again, their history intact', async () => {
    const result = await refreshTerritory(db, { siren: entry.code, actor: operator, release: current })
    expect(result.changes.rejoined.map((c) => c.inseeCode).sort()).toEqual([merging!.code, leaving!.code].sort())
    expect(result.changes.left).toEqual([{ inseeCode: joining.code, name: joining.nom, leftOn: current.effectiveOn }])
    const back = await commune(merging!.code)
    expect([back.leftOn, back.mergedIntoInseeCode]).toEqual([null, null])
    expect(await history(back)).toEqual({ participations: 1, offerMembers: 1, progress: 1 })
    expect(await communeList(false)).toEqual(entry.membres.map((m) => m.code).sort())
  })

  it('holds one commune in two territories’ records: by its code alone, the territory it is a member of answers', async () => {
    const home = current.epcis.find((epci) => epci.membres.some((m) => m.code === joining.code))!
    await createTerritory(db, { siren: home.code, actor: operator })
    const found = await query<{ commune: { leftOn: string | null; territory: { siren: string } } }>('query ($c: String!) { commune(inseeCode: $c) { leftOn territory { siren } } }', { c: joining.code })
    expect(found.commune).toEqual({ leftOn: null, territory: { siren: home.code } })
    const everywhere = await query<{ communesConnection: { edges: Array<{ node: { leftOn: string | null; territory: { siren: string } } }> } }>(
      'query ($c: String!) { communesConnection(filter: { search: $c }, includeFormer: true, first: 50) { edges { node { leftOn territory { siren } } } } }',
      { c: joining.nom },
    )
    expect(everywhere.communesConnection.edges.map((e) => e.node)).toEqual(expect.arrayContaining([
      { leftOn: current.effectiveOn.toISOString().slice(0, 10), territory: { siren: entry.code } },
      { leftOn: null, territory: { siren: home.code } },
    ]))
  })

  it('refuses a territory Mutualis does not hold, naming the command that creates it', async () => {
    const absent = current.epcis.find((epci) => epci.type === 'CA' && epci.code !== entry.code)!
    await db.territory.deleteMany({ where: { siren: absent.code } })
    await expect(refreshTerritory(db, { siren: absent.code, actor: operator })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `Aucun territoire de SIREN ${absent.code} dans Mutualis : créez d’abord ${absent.nom} (territory:create).`,
    })
  })
})
