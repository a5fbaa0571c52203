// `pnpm --filter @mutualis/api seed:national [--limit N]`: the database of DATABASE_URL (SQLite or
// PostgreSQL) with every EPCI of France and a synthetic schéma each, for scale measurements.
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { db, dbConfig } from '../db.ts'
import { prepareDatabase } from '../startup.ts'
import { seedNational } from './national-seed.ts'

const { values } = parseArgs({ options: { limit: { type: 'string' } } })
await prepareDatabase()
const result = await seedNational(db, { limit: values.limit ? Number(values.limit) : undefined })
// Fresh statistics after a bulk load: without them PostgreSQL estimates lists ten times too long
// and prefers scanning whole tables to index lookups.
await db.$executeRawUnsafe('ANALYZE')
const [territories, communes, actions, participations] = await Promise.all([
  db.territory.count(), db.organisation.count({ where: { kind: 'COMMUNE' } }), db.action.count(), db.participation.count(),
])
const size = dbConfig.provider === 'sqlite'
  ? fs.statSync(dbConfig.file).size
  : Number((await db.$queryRawUnsafe<Array<{ size: bigint }>>('SELECT pg_database_size(current_database()) AS size'))[0].size)
console.log(`Chargé en ${Math.round(result.seconds)} s. En base : ${territories} territoires, ${communes} communes, ${actions} actions, ${participations} participations ; ${Math.round(size / 1024 / 1024)} Mio.`)
await db.$disconnect()
