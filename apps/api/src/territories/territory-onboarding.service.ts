import {
  canCreateTerritory,
  canRefreshTerritory,
  changeCount,
  findEpci,
  frenchText,
  legalTypeLabels,
  membershipChangeLines,
  membershipChanges,
  plural,
  searchText,
  type MembershipChanges,
  type OfficialTerritory,
} from '@mutualis/domain'
import { audit, auditMany, type SystemActor } from '../audit/audit.service.ts'
import type { SignedInViewer } from '../auth/viewer.ts'
import type { Db } from '../db.ts'
import { NotAllowedError, NotFoundError, ValidationError } from '../errors.ts'
import type { Prisma, Territory } from '../generated/sqlite/client.ts'
import { isUniqueViolation } from '../mutualisation/prisma-errors.ts'
import { officialRelease, type OfficialRelease } from '../seed/official-data.ts'

/** Who onboards: an account (its rights checked by packages/domain), or an operator at the command line. */
export type OnboardingActor = SignedInViewer | SystemActor

export interface OnboardingResult {
  territory: Territory
  /** The territory did not exist before this call. */
  created: boolean
  /** Something was written (false: the database already matched the release, nothing changed). */
  changed: boolean
  /** What was (or, in a dry run, would be) applied to the communes. */
  changes: MembershipChanges
  /** The territory's own name or kind as the release has them, when they differ from the record. */
  renamed: { name?: string; legalType?: Territory['legalType'] }
  /** One French line per change, then a closing sentence. */
  lines: string[]
}

interface OnboardingOptions {
  siren: string
  actor: OnboardingActor
  /** The official release to apply; the installed @etalab/decoupage-administratif by default. */
  release?: OfficialRelease
}

const noChanges: MembershipChanges = { added: [], rejoined: [], left: [], merged: [], updated: [] }
// The key by which the seeds and imports name the EPCI itself among a territory's organisations.
const epciKey = 'metropole'

function officialTerritory(siren: string, release: OfficialRelease): OfficialTerritory {
  const found = findEpci(siren, release.epcis)
  if (found.ok) return found.epci
  if (found.cause === 'INVALID') throw new ValidationError(found.reason, 'siren')
  throw new NotFoundError(found.reason)
}

function allow(permission: { ok: true } | { ok: false; reason: string }) {
  if (!permission.ok) throw new NotAllowedError(permission.reason)
}

const communeRow = (territoryId: string, member: OfficialTerritory['members'][number]) => ({
  territoryId, key: member.inseeCode, kind: 'COMMUNE' as const, name: member.name, searchName: searchText(member.name),
  inseeCode: member.inseeCode, siren: member.siren, population: member.population,
})

/** The EPCI itself among its organisations (it pilots most of the schéma), written when missing. */
async function ensureEpciOrganisation(tx: Prisma.TransactionClient, territoryId: string, epci: OfficialTerritory): Promise<boolean> {
  const existing = await tx.organisation.findFirst({ where: { territoryId, OR: [{ kind: 'EPCI', siren: epci.siren }, { key: epciKey }] } })
  if (existing) return false
  await tx.organisation.create({ data: { territoryId, key: epciKey, kind: 'EPCI', name: epci.name, searchName: searchText(epci.name), siren: epci.siren } })
  return true
}

/** Adds communes, each with its audit entry. */
async function addCommunes(tx: Prisma.TransactionClient, actor: OnboardingActor, territoryId: string, members: OfficialTerritory['members'], operation: string) {
  if (members.length === 0) return
  await tx.organisation.createMany({ data: members.map((member) => communeRow(territoryId, member)) })
  const rows = await tx.organisation.findMany({ where: { territoryId, inseeCode: { in: members.map((m) => m.inseeCode) } } })
  await auditMany(tx, actor, rows.map((row) => ({ territoryId, operation, entityType: 'Organisation', entityId: row.id, after: row })))
}

const closing = (lines: string[], done: string[]) => [...lines, ...done].map(frenchText)

async function createOrComplete(db: Db, epci: OfficialTerritory, actor: OnboardingActor, release: OfficialRelease): Promise<OnboardingResult> {
  return db.$transaction(async (tx) => {
    const existing = await tx.territory.findUnique({ where: { siren: epci.siren } })
    if (!existing) {
      const territory = await tx.territory.create({ data: { siren: epci.siren, name: epci.name, legalType: epci.legalType } })
      await audit(tx, actor, { territoryId: territory.id, operation: 'createTerritory', entityType: 'Territory', entityId: territory.id, after: { ...territory, release: release.label } })
      await ensureEpciOrganisation(tx, territory.id, epci)
      await addCommunes(tx, actor, territory.id, epci.members, 'addCommune')
      const changes = { ...noChanges, added: [...epci.members].sort((a, b) => a.inseeCode.localeCompare(b.inseeCode)) }
      const population = epci.members.reduce((sum, m) => sum + (m.population ?? 0), 0)
      const done = `Territoire créé : ${epci.name} (${legalTypeLabels[epci.legalType].toLowerCase()}, SIREN ${epci.siren}), ${plural(epci.members.length, 'commune', 'communes')}, ${plural(population, 'habitant', 'habitants')}, d’après le ${release.label}.`
      return { territory, created: true, changed: true, changes, renamed: {}, lines: closing(membershipChangeLines(changes), [done]) }
    }
    // Already there: only what is missing is added. Departures, mergers and new figures are a refresh's.
    const recorded = await tx.organisation.findMany({ where: { territoryId: existing.id, kind: 'COMMUNE', inseeCode: { not: null } } })
    const known = new Set(recorded.map((c) => c.inseeCode))
    const missing = epci.members.filter((m) => !known.has(m.inseeCode)).sort((a, b) => a.inseeCode.localeCompare(b.inseeCode))
    const epciAdded = await ensureEpciOrganisation(tx, existing.id, epci)
    await addCommunes(tx, actor, existing.id, missing, 'addCommune')
    const pending = changeCount(membershipChanges(recorded.map((c) => ({ ...c, inseeCode: c.inseeCode! })), { epci, communes: release.communes, effectiveOn: release.effectiveOn })) - missing.length
    const changes = { ...noChanges, added: missing }
    const done = [
      missing.length || epciAdded
        ? `${existing.name} existait déjà : ${[...(missing.length ? [`${plural(missing.length, 'commune ajoutée', 'communes ajoutées')}`] : []), ...(epciAdded ? ['l’EPCI ajouté à ses organisations'] : [])].join(', ')}, rien d’autre n’a changé.`
        : `${existing.name} existe déjà avec toutes ses communes : rien n’a changé.`,
      ...(pending > 0 ? [`Le ${release.label} apporte ${plural(pending, 'autre changement', 'autres changements')} : lancez territory:refresh pour ${pending > 1 ? 'les appliquer' : 'l’appliquer'}.`] : []),
    ]
    return { territory: existing, created: false, changed: missing.length > 0 || epciAdded, changes, renamed: {}, lines: closing(membershipChangeLines(changes), done) }
  }, { timeout: 60_000 })
}

/**
 * Creates the territory of an EPCI from the official data, with its member communes (INSEE code,
 * SIREN, population municipale), in one audited transaction. Run again, it changes nothing and says
 * so; on a territory that exists (Dijon, seeded) it adds only what is missing.
 */
export async function createTerritory(db: Db, options: OnboardingOptions): Promise<OnboardingResult> {
  const release = options.release ?? officialRelease()
  if (options.actor.kind === 'user') allow(canCreateTerritory(options.actor))
  const epci = officialTerritory(options.siren, release)
  try {
    return await createOrComplete(db, epci, options.actor, release)
  } catch (error) {
    // The same EPCI created at the same time by someone else: it exists now, complete it.
    if (isUniqueViolation(error)) return createOrComplete(db, epci, options.actor, release)
    throw error
  }
}

/** The territory's record against the release: its name and kind. */
function renaming(territory: Territory, epci: OfficialTerritory): OnboardingResult['renamed'] {
  return { ...(territory.name !== epci.name ? { name: epci.name } : {}), ...(territory.legalType !== epci.legalType ? { legalType: epci.legalType } : {}) }
}

function refreshLines(territory: Territory, renamed: OnboardingResult['renamed'], changes: MembershipChanges, release: OfficialRelease, dryRun: boolean): string[] {
  const count = changeCount(changes) + Object.keys(renamed).length
  const renames = [
    ...(renamed.name ? [`Nouveau nom : ${renamed.name} (au lieu de ${territory.name})`] : []),
    ...(renamed.legalType ? [`Nouvelle catégorie : ${legalTypeLabels[renamed.legalType].toLowerCase()} (au lieu de ${legalTypeLabels[territory.legalType].toLowerCase()})`] : []),
  ]
  const done = count === 0
    ? `${territory.name} est à jour du ${release.label} : rien n’a changé.`
    : dryRun
      ? `Essai à blanc : ${plural(count, 'changement', 'changements')} du ${release.label} à appliquer à ${territory.name}, rien n’a été écrit.`
      : `Territoire mis à jour : ${territory.name}, ${plural(count, 'changement', 'changements')} d’après le ${release.label}.`
  return [...renames, ...membershipChangeLines(changes), done].map(frenchText)
}

/**
 * Applies a release to a territory: new members added, a commune that left or merged into a commune
 * nouvelle marked (leftOn, mergedIntoInseeCode) and never deleted, so its participations and history
 * stay; populations and names updated. One audited transaction; nothing written when nothing changed.
 */
export async function refreshTerritory(db: Db, options: OnboardingOptions & { dryRun?: boolean }): Promise<OnboardingResult> {
  const release = options.release ?? officialRelease()
  const epci = officialTerritory(options.siren, release)
  const before = await db.territory.findUnique({ where: { siren: epci.siren } })
  if (options.actor.kind === 'user') allow(canRefreshTerritory(options.actor, before?.id ?? ''))
  if (!before) throw new NotFoundError(`Aucun territoire de SIREN ${epci.siren} dans Mutualis : créez d’abord ${epci.name} (territory:create).`)
  return db.$transaction(async (tx) => {
    const territory = await tx.territory.findUniqueOrThrow({ where: { id: before.id } })
    const recorded = await tx.organisation.findMany({ where: { territoryId: territory.id, kind: 'COMMUNE', inseeCode: { not: null } } })
    const changes = membershipChanges(recorded.map((c) => ({ ...c, inseeCode: c.inseeCode! })), { epci, communes: release.communes, effectiveOn: release.effectiveOn })
    const renamed = renaming(territory, epci)
    const changed = changeCount(changes) + Object.keys(renamed).length > 0
    const result = { territory, created: false, changed: changed && !options.dryRun, changes, renamed, lines: refreshLines(territory, renamed, changes, release, options.dryRun ?? false) }
    if (!changed || options.dryRun) return result
    const byCode = new Map(recorded.map((c) => [c.inseeCode!, c]))
    const write = async (operation: string, inseeCode: string, data: Prisma.OrganisationUpdateInput) => {
      const old = byCode.get(inseeCode)!
      const after = await tx.organisation.update({ where: { id: old.id }, data })
      await audit(tx, options.actor, { territoryId: territory.id, operation, entityType: 'Organisation', entityId: old.id, before: old, after })
    }
    await addCommunes(tx, options.actor, territory.id, changes.added, 'addCommune')
    for (const c of changes.rejoined) await write('rejoinCommune', c.inseeCode, { leftOn: null, mergedIntoInseeCode: null, name: c.name, searchName: searchText(c.name), population: c.population, siren: c.siren ?? undefined })
    for (const c of changes.left) await write('markCommuneLeft', c.inseeCode, { leftOn: c.leftOn })
    for (const c of changes.merged) await write('markCommuneMerged', c.inseeCode, { leftOn: c.leftOn, mergedIntoInseeCode: c.mergedIntoInseeCode })
    for (const c of changes.updated) await write('updateCommune', c.inseeCode, { ...c.changes, ...(c.changes.name ? { searchName: searchText(c.changes.name) } : {}) })
    const after = Object.keys(renamed).length ? await tx.territory.update({ where: { id: territory.id }, data: renamed }) : territory
    await audit(tx, options.actor, {
      territoryId: territory.id, operation: 'refreshTerritory', entityType: 'Territory', entityId: territory.id, before: territory,
      after: { ...after, release: release.label, added: changes.added.length, rejoined: changes.rejoined.length, left: changes.left.length, merged: changes.merged.length, updated: changes.updated.length },
    })
    if (renamed.name) await tx.organisation.updateMany({ where: { territoryId: territory.id, kind: 'EPCI', siren: epci.siren }, data: { name: renamed.name, searchName: searchText(renamed.name) } })
    return { ...result, territory: after }
  }, { timeout: 60_000 })
}
