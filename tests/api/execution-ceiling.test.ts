import { beforeAll, describe, expect, it } from 'vitest'
import { createYoga } from 'graphql-yoga'
import { createContext } from '@mutualis/api/context.ts'
import { useExecutionCeiling } from '@mutualis/api/plugins/use-execution-ceiling.ts'
import { schema } from '@mutualis/api/schema/index.ts'
import { aTerritory, someCommunes } from '../fixtures/builders.ts'

// The real schema behind a ceiling low enough to reach with a territory's 23 communes.
async function ask(limits: { resolvedValues: number; executionMs: number }, query: string) {
  const yoga = createYoga({ schema, context: createContext, plugins: [useExecutionCeiling(limits)] })
  const response = await yoga.fetch('http://mutualis.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> } }
}

let communes: string
beforeAll(async () => {
  const territory = await aTerritory()
  await someCommunes(territory, 23)
  communes = `{ communes(territory: "${territory.siren}") { name inseeCode population } }`
})

describe('the execution ceiling', () => {
  it('answers in full below it', async () => {
    const { body } = await ask({ resolvedValues: 1_000, executionMs: 10_000 }, communes)
    expect(body.errors).toBeUndefined()
    expect(body.data?.communes).toHaveLength(23)
  })

  it('stops an execution that resolves more values than allowed, with a French error and no data', async () => {
    const { status, body } = await ask({ resolvedValues: 50, executionMs: 10_000 }, communes)
    expect(status).toBe(200)
    expect(body.data).toBeNull()
    expect(body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Requête interrompue : elle dépassait 50 valeurs/), extensions: { code: 'EXECUTION_LIMIT' } })
  })

  it('stops an execution that runs past its time', async () => {
    const { body } = await ask({ resolvedValues: 1_000, executionMs: 0 }, communes)
    expect(body.errors?.[0].extensions?.code).toBe('EXECUTION_LIMIT')
    // What came before the clock was read may stand (nullable fields); nothing after it was computed.
    const populations = ((body.data?.communes ?? []) as Array<{ population: number | null }>).map((c) => c.population)
    expect(populations.filter((p) => p !== null).length).toBeLessThan(23)
  })
})
