import { searchText } from '@mutualis/domain'
import { dbConfig, db } from './db.ts'
import { describeDatabase } from './db/database-config.ts'
import { applyMigrations } from './db/migrations.ts'
import { readSeedFile } from './seed/seed-file.ts'
import { seedTerritory } from './seed/seed-territory.ts'
import { demoPassword, ensureDemoAccounts } from './seed/demo-accounts.ts'

/**
 * Domains recorded before their name was searchable get their accent-free form, which SQL alone
 * cannot compute (a migration leaves it empty). Nothing to do on every later start.
 */
async function backfillSearchText() {
  const domains = await db.domain.findMany({ where: { searchText: '' }, select: { id: true, name: true } })
  for (const domain of domains) await db.domain.update({ where: { id: domain.id }, data: { searchText: searchText(domain.name) } })
}

/** Brings the database up to date and, when it holds no territory yet, loads Dijon Métropole's schéma. */
export async function prepareDatabase(log: (line: string) => void = console.log) {
  log(`Base de données : ${describeDatabase(dbConfig)}`)
  const applied = await applyMigrations(dbConfig)
  if (applied.length) log(`Migrations appliquées : ${applied.join(', ')}`)
  await backfillSearchText()
  if ((await db.territory.count()) === 0) {
    const seed = readSeedFile()
    log(`Base vide : chargement du schéma de ${seed.territory.name}…`)
    const { actions } = await seedTerritory(db, seed)
    log(`${seed.territory.name} chargée : ${actions} actions.`)
    const demo = await ensureDemoAccounts(seed.territory.siren)
    if (demo.length) log(`Comptes de démonstration (mot de passe ${demoPassword}) : ${demo.join(', ')}`)
  }
}
