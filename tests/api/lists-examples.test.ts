import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { analystExamples } from '@mutualis/api/analytics/analyst-examples.ts'
import { yoga } from '@mutualis/api/http/yoga.ts'
import { signedInAs } from '../fixtures/accounts.ts'
import { graphql } from '../fixtures/graphql.ts'

const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/analysts.md'), 'utf8')
const documented = [...doc.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1])

describe('analysts’ example queries', () => {
  it('are the fourteen shown in docs/analysts.md, verbatim', () => {
    expect(analystExamples).toHaveLength(14)
    expect(documented).toEqual(analystExamples.map((example) => example.query))
  })

  it.each(analystExamples.map((example) => [example.title, example.query]))('« %s » runs and returns data', async (_title, document) => {
    const analyst = await signedInAs('ANALYST')
    const result = await analyst.client(document)
    expect(result.errors).toBeUndefined()
    expect(JSON.stringify(result.data)).not.toBe('{}')
    expect((await graphql(document)).errors).toBeUndefined()
  })

  it('open as tabs in GraphiQL', async () => {
    const page = await (await yoga.fetch('http://mutualis.test/graphql', { headers: { accept: 'text/html' } })).text()
    for (const example of analystExamples) expect(page).toContain(JSON.stringify(example.query).slice(1, -1).slice(0, 60))
  })
})
