import { db } from '../db.ts'
import { createUserRecord } from '../accounts/users.service.ts'

export const demoPassword = 'demo-mutualis-2026'

/**
 * Demo accounts for trying Mutualis (listed in the README). Never created in production mode
 * (NODE_ENV=production), where the first admin comes from `user:create`.
 */
export async function ensureDemoAccounts(territorySiren: string): Promise<string[]> {
  if (process.env.NODE_ENV === 'production') return []
  const territory = await db.territory.findUnique({ where: { siren: territorySiren } })
  if (!territory) return []
  const chenove = await db.organisation.findFirst({ where: { territoryId: territory.id, kind: 'COMMUNE', name: 'Chenôve' } })
  const accounts = [
    { email: 'admin@demo.mutualis.fr', name: 'Mission coordination (démo)', role: 'ADMIN' as const, organisationIds: [] },
    { email: 'maire.chenove@demo.mutualis.fr', name: 'Mairie de Chenôve (démo)', role: 'EDITOR' as const, organisationIds: chenove ? [chenove.id] : [] },
    { email: 'analyste@demo.mutualis.fr', name: 'Analyste (démo)', role: 'ANALYST' as const, organisationIds: [] },
  ]
  const created: string[] = []
  for (const account of accounts) {
    if (await db.user.findUnique({ where: { email: account.email } })) continue
    await db.$transaction((tx) => createUserRecord(tx, { ...account, territoryId: territory.id, password: demoPassword }))
    created.push(account.email)
  }
  return created
}
