import { searchText } from '@mutualis/domain'
import { dbConfig, db } from './db.ts'
import { describeDatabase } from './db/database-config.ts'
import { applyMigrations } from './db/migrations.ts'
import { readSeedFile } from './seed/seed-file.ts'
import { seedTerritory } from './seed/seed-territory.ts'
import { demoPassword, ensureDemoAccounts } from './seed/demo-accounts.ts'

/**
 * Domains and offers written by a migration get their accent-free search text, which SQL alone
 * cannot compute the way searchText() does (the migrations leave it empty). Nothing to do on
 * every later start.
 */
export async function backfillSearchText() {
  const [domains, offers] = await Promise.all([
    db.domain.findMany({ where: { searchText: '' }, select: { id: true, name: true } }),
    db.offer.findMany({ where: { searchText: '' }, select: { id: true, name: true, summary: true } }),
  ])
  for (const domain of domains) await db.domain.update({ where: { id: domain.id }, data: { searchText: searchText(domain.name) } })
  for (const offer of offers) await db.offer.update({ where: { id: offer.id }, data: { searchText: searchText(offer.name, offer.summary) } })
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
