import { checkText, firstFailure, inputLimits } from '@mutualis/domain'
import { hashPassword, passwordPolicy } from '../auth/password.ts'
import { db } from '../db.ts'
import { ValidationError } from '../errors.ts'
import type { Prisma, Role } from '../generated/sqlite/client.ts'

export interface NewUser {
  territoryId: string
  email: string
  name: string
  role: Role
  password: string
  organisationIds: string[]
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
      passwordHash: await hashPassword(user.password),
      organisations: { connect: user.organisationIds.map((id) => ({ id })) },
    },
  })
}
