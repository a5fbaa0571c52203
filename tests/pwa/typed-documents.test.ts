// @vitest-environment node
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const schemaPackage = path.resolve(import.meta.dirname, '../../packages/schema')
const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-schema-'))
const committed = (file: string) => fs.readFileSync(path.join(schemaPackage, 'src', file), 'utf8')

// Both files are generated from schema.graphql by `pnpm --filter @mutualis/schema generate`
// (which `pnpm schema:print` runs): stale ones would type documents or cache data against an old API.
describe('files generated from schema.graphql', () => {
  it('the introspection typing the documents is fresh', () => {
    const fresh = path.join(scratch(), 'introspection.ts')
    execFileSync(path.join(schemaPackage, 'node_modules/.bin/gql.tada'), ['generate', 'output', '--output', fresh], { cwd: schemaPackage, stdio: 'pipe' })
    expect(committed('introspection.ts')).toBe(fs.readFileSync(fresh, 'utf8'))
  }, 30_000)

  it('the schema graphcache reads in the app is fresh', () => {
    const fresh = path.join(scratch(), 'cache-schema.json')
    execFileSync(process.execPath, [path.join(schemaPackage, 'scripts/cache-schema.mjs'), fresh], { cwd: schemaPackage, stdio: 'pipe' })
    expect(committed('cache-schema.json')).toBe(fs.readFileSync(fresh, 'utf8'))
  })
})
