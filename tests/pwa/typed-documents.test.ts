// @vitest-environment node
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const schemaPackage = path.resolve(import.meta.dirname, '../../packages/schema')

describe('typed documents', () => {
  it('use an introspection generated from the current schema.graphql (run `pnpm schema:print` after a change)', () => {
    const fresh = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-introspection-')), 'introspection.ts')
    execFileSync(path.join(schemaPackage, 'node_modules/.bin/gql.tada'), ['generate', 'output', '--output', fresh], { cwd: schemaPackage, stdio: 'pipe' })
    expect(fs.readFileSync(path.join(schemaPackage, 'src/introspection.ts'), 'utf8')).toBe(fs.readFileSync(fresh, 'utf8'))
  }, 30_000)
})
