// Prints the GraphQL schema to packages/schema/schema.graphql (sorted), or with --check fails when
// the checked-in file is stale.
import fs from 'node:fs'
import path from 'node:path'
import { printSchema } from 'graphql'
import { schema } from '../src/schema/index.ts'

const target = path.resolve(import.meta.dirname, '../../../packages/schema/schema.graphql')
const printed = `${printSchema(schema)}\n`
if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : ''
  if (current !== printed) {
    console.error('packages/schema/schema.graphql est périmé : lancez `pnpm schema:print` et committez le résultat.')
    process.exit(1)
  }
  console.log('schema.graphql à jour.')
} else {
  fs.writeFileSync(target, printed)
  console.log(`Schéma écrit dans ${path.relative(process.cwd(), target)}`)
}
