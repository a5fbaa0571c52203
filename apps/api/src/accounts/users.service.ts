import { checkText, firstFailure, inputLimits } from '@mutualis/domain'
import { audit, type SystemActor } from '../audit/audit.service.ts'
import { hashPassword, passwordPolicy } from '../auth/password.ts'
import type { SignedInViewer } from '../auth/viewer.ts'
import { db } from '../db.ts'
import { NotFoundError, ValidationError } from '../errors.ts'
import type { Prisma, Role } from '../generated/sqlite/client.ts'

export interface NewUser {
  territoryId: string
  email: string
  name: string
  role: Role
  password: string
  organisationIds: string[]
  /** Only from the command line: no API write grants it. */
  platformAdmin?: boolean
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function checkPassword(password: string) {
  if (password.length < passwordPolicy.minLength) throw new ValidationError(`Le mot de passe doit compter au moins ${passwordPolicy.minLength} caractères.`, 'password')
  if (password.length > passwordPolicy.maxLength) throw new ValidationError(`Le mot de passe dépasse ${passwordPolicy.maxLength} caractères.`, 'password')
}

/** Validates a new account; editors must speak for at least one organisation of their territory. */
export async function checkNewUser(user: NewUser) {
  const check = firstFailure(checkText('name', user.name, inputLimits.name, true), checkText('email', user.email, 320, true))
  if (!check.ok) throw new ValidationError(check.reason, check.field)
  if (!emailPattern.test(user.email.trim())) throw new ValidationError('Adresse électronique invalide.', 'email')
  checkPassword(user.password)
  if (user.role === 'EDITOR' && user.organisationIds.length === 0) throw new ValidationError('Un éditeur représente au moins une organisation.', 'organisationIds')
  if (user.organisationIds.length > inputLimits.listItems) throw new ValidationError('Trop d’organisations.', 'organisationIds')
  const found = await db.organisation.count({ where: { id: { in: user.organisationIds }, territoryId: user.territoryId } })
  if (found !== new Set(user.organisationIds).size) throw new ValidationError('Organisation inconnue dans ce territoire.', 'organisationIds')
  if (await db.user.findUnique({ where: { email: user.email.trim().toLowerCase() } })) throw new ValidationError('Un compte existe déjà avec cette adresse.', 'email')
}

export async function createUserRecord(tx: Prisma.TransactionClient, user: NewUser) {
  return tx.user.create({
    data: {
      territoryId: user.territoryId,
      email: user.email.trim().toLowerCase(),
      name: user.name.trim(),
      role: user.role,
      platformAdmin: user.platformAdmin ?? false,
      passwordHash: await hashPassword(user.password),
      organisations: { connect: user.organisationIds.map((id) => ({ id })) },
    },
  })
}

export interface UserChanges {
  name?: string | null
  role?: Role | null
  organisationIds?: string[] | null
  active?: boolean | null
}

async function userOfTerritory(viewerTerritoryId: string, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, include: { organisations: { select: { id: true } } } })
  if (!user || user.territoryId !== viewerTerritoryId) throw new NotFoundError('Compte introuvable.')
  return user
}

/** Closes every way in: sessions and tokens. */
async function shutOut(tx: Prisma.TransactionClient, userId: string) {
  const now = new Date()
  await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } })
  await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } })
}

/** An account created by an operator at the command line (user:create, territory:create's first admin). */
export async function createUserAsOperator(operator: SystemActor, user: NewUser) {
  await checkNewUser(user)
  return db.$transaction(async (tx) => {
    const created = await createUserRecord(tx, user)
    await audit(tx, operator, { territoryId: user.territoryId, operation: 'createUser', entityType: 'User', entityId: created.id, after: { ...created, organisationIds: user.organisationIds } })
    return created
  })
}

export async function createUser(viewer: SignedInViewer, user: Omit<NewUser, 'territoryId'>) {
  const full = { ...user, platformAdmin: false, territoryId: viewer.territoryId }
  await checkNewUser(full)
  return db.$transaction(async (tx) => {
    const created = await createUserRecord(tx, full)
    await audit(tx, viewer, { territoryId: viewer.territoryId, operation: 'createUser', entityType: 'User', entityId: created.id, after: { ...created, organisationIds: user.organisationIds } })
    return created
  })
}

export async function updateUser(viewer: SignedInViewer, userId: string, changes: UserChanges) {
  const before = await userOfTerritory(viewer.territoryId, userId)
  if (changes.name !== undefined && changes.name !== null) {
    const check = checkText('name', changes.name, inputLimits.name, true)
    if (!check.ok) throw new ValidationError(check.reason, check.field)
  }
  const organisationIds = changes.organisationIds ?? before.organisations.map((o) => o.id)
  if ((changes.role ?? before.role) === 'EDITOR' && organisationIds.length === 0) throw new ValidationError('Un éditeur représente au moins une organisation.', 'organisationIds')
  if (changes.organisationIds) {
    const found = await db.organisation.count({ where: { id: { in: changes.organisationIds }, territoryId: viewer.territoryId } })
    if (found !== new Set(changes.organisationIds).size) throw new ValidationError('Organisation inconnue dans ce territoire.', 'organisationIds')
  }
  if (userId === viewer.userId && (changes.active === false || (changes.role && changes.role !== 'ADMIN'))) {
    throw new ValidationError('Vous ne pouvez pas vous retirer vous-même les droits d’administration.', 'role')
  }
  return db.$transaction(async (tx) => {
    const after = await tx.user.update({
      where: { id: userId },
      data: {
        name: changes.name?.trim() ?? undefined,
        role: changes.role ?? undefined,
        active: changes.active ?? undefined,
        organisations: changes.organisationIds ? { set: changes.organisationIds.map((id) => ({ id })) } : undefined,
      },
      include: { organisations: { select: { id: true } } },
    })
    // A deactivated account, or one whose rights changed, must sign in again under its new rights.
    if (changes.active === false || changes.role || changes.organisationIds) await shutOut(tx, userId)
    await audit(tx, viewer, { territoryId: viewer.territoryId, operation: 'updateUser', entityType: 'User', entityId: userId, before, after })
    return after
  })
}

export async function resetPassword(viewer: SignedInViewer, userId: string, password: string) {
  await userOfTerritory(viewer.territoryId, userId)
  checkPassword(password)
  const passwordHash = await hashPassword(password)
  return db.$transaction(async (tx) => {
    const after = await tx.user.update({ where: { id: userId }, data: { passwordHash } })
    await shutOut(tx, userId)
    await audit(tx, viewer, { territoryId: viewer.territoryId, operation: 'resetPassword', entityType: 'User', entityId: userId, after: { passwordChanged: true } })
    return after
  })
}
