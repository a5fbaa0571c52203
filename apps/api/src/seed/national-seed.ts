import type { Db } from '../db.ts'
import { syntheticSchema } from './national-schema.ts'
import { allOfficialEpcis } from './official-data.ts'
import { readSeedFile } from './seed-file.ts'
import { seedTerritory } from './seed-territory.ts'

export interface NationalSeedOptions {
  /** Stop after this many new territories (a quicker, partial data set). */
  limit?: number
  log?: (line: string) => void
}

/**
 * Loads every EPCI of the official data set that the database does not hold yet, each with its
 * member communes and a synthetic schéma, one territory per transaction: an interrupted run
 * resumes where it stopped. Territories already present (Dijon Métropole's reviewed schéma) are kept.
 */
export async function seedNational(db: Db, options: NationalSeedOptions = {}) {
  const log = options.log ?? console.log
  const template = readSeedFile()
  const present = new Set((await db.territory.findMany({ select: { siren: true } })).map((t) => t.siren))
  const todo = allOfficialEpcis().filter((epci) => !present.has(epci.siren)).slice(0, options.limit)
  log(`${present.size} territoire(s) déjà en base ; ${todo.length} à charger.`)
  const started = Date.now()
  let actions = 0
  for (const [index, epci] of todo.entries()) {
    actions += (await seedTerritory(db, syntheticSchema(epci, template))).actions
    const done = index + 1
    if (done % 25 === 0 || done === todo.length) {
      const seconds = (Date.now() - started) / 1000
      const eta = Math.round((seconds / done) * (todo.length - done))
      log(`${done}/${todo.length} territoires, ${actions} actions — ${Math.round(seconds)} s écoulées, reste ≈ ${eta} s`)
    }
  }
  return { territories: todo.length, actions, seconds: (Date.now() - started) / 1000 }
}
