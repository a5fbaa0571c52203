// What an import compares a spreadsheet with: the territory's organisations, domains, offers and
// actions as they stand, and the matcher of its commune names (with every official commune, so a
// former or non-member commune is told apart from a misspelling).
import { createRequire } from 'node:module'
import { createCommuneMatcher, type ImportOrganisation, type OfficialCommune, type SchemaRowContext } from '@mutualis/domain'
import type { Db } from '../db.ts'
import { NotFoundError } from '../errors.ts'

const require = createRequire(import.meta.url)
let officialCommunes: OfficialCommune[] | undefined
/** The Code officiel géographique's communes (current, déléguées, associées), read once. */
function allOfficialCommunes(): OfficialCommune[] {
  officialCommunes ??= require('@etalab/decoupage-administratif/data/communes.json') as OfficialCommune[]
  return officialCommunes
}

export async function loadTerritoryState(db: Db, territoryId: string) {
  const territory = await db.territory.findUnique({ where: { id: territoryId }, select: { id: true, siren: true, name: true } })
  if (!territory) throw new NotFoundError('Territoire introuvable.')
  const [organisations, domains, offers, actions] = await Promise.all([
    db.organisation.findMany({ where: { territoryId }, select: { id: true, key: true, kind: true, name: true, inseeCode: true, siren: true, leftOn: true }, orderBy: { name: 'asc' } }),
    db.domain.findMany({ where: { territoryId }, orderBy: { position: 'asc' } }),
    db.offer.findMany({ where: { territoryId }, include: { members: true, staff: true }, orderBy: { createdAt: 'asc' } }),
    db.action.findMany({
      where: { territoryId },
      include: { participants: true, progressUpdates: { orderBy: [{ date: 'desc' }, { createdAt: 'desc' }] } },
      orderBy: { position: 'asc' },
    }),
  ])
  // A commune that left or merged is no longer a member: the matcher reports it as such, with the reason.
  const communes = organisations.filter((organisation) => organisation.kind === 'COMMUNE' && organisation.leftOn === null)
  const epci = organisations.find((organisation) => organisation.kind === 'EPCI' && organisation.siren === territory.siren) ?? organisations.find((organisation) => organisation.kind === 'EPCI') ?? null
  const others: ImportOrganisation[] = organisations.filter((organisation) => organisation.kind !== 'COMMUNE' && organisation.id !== epci?.id).map(({ key, name }) => ({ key, name }))
  const context: SchemaRowContext = {
    matcher: createCommuneMatcher(
      { name: territory.name, aliases: epci && epci.name !== territory.name ? [epci.name] : [], members: communes.map((commune) => ({ code: commune.inseeCode ?? commune.key, name: commune.name })) },
      { communes: allOfficialCommunes() },
    ),
    organisations: others,
    today: new Date(),
  }
  return {
    territory,
    epci,
    context,
    /** Organisation ids by INSEE code (communes) and by key (the others). */
    communeIds: new Map(communes.map((commune) => [commune.inseeCode ?? commune.key, commune.id])),
    organisationIds: new Map(organisations.map((organisation) => [organisation.key, organisation.id])),
    organisationNames: new Map(organisations.map((organisation) => [organisation.id, organisation.name])),
    organisationKinds: new Map(organisations.map((organisation) => [organisation.id, organisation.kind])),
    domains,
    offers,
    actions,
  }
}

export type TerritoryState = Awaited<ReturnType<typeof loadTerritoryState>>
export type ActionRecord = TerritoryState['actions'][number]
export type OfferRecord = TerritoryState['offers'][number]
