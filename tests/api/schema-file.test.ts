import fs from 'node:fs'
import path from 'node:path'
import { printSchema } from 'graphql'
import { describe, expect, it } from 'vitest'
import { schema } from '@mutualis/api/schema/index.ts'

describe('packages/schema/schema.graphql', () => {
  it('is the printed schema of the API (run `pnpm schema:print` after changing a type)', () => {
    const checkedIn = fs.readFileSync(path.resolve(import.meta.dirname, '../../packages/schema/schema.graphql'), 'utf8')
    expect(checkedIn).toBe(`${printSchema(schema)}\n`)
  })
})
