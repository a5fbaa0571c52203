import { afterEach, describe, expect, it } from 'vitest'
import { db } from '@mutualis/api/db.ts'
import { demoPassword, ensureDemoAccounts } from '@mutualis/api/seed/demo-accounts.ts'
import { graphql } from '../fixtures/graphql.ts'

const environment = process.env.NODE_ENV
afterEach(() => {
  process.env.NODE_ENV = environment
})

describe('demo accounts', () => {
  it('exist outside production, one per role, and open with the documented password', async () => {
    const users = await db.user.findMany({ where: { email: { endsWith: '@demo.mutualis.fr' } }, include: { organisations: true } })
    expect(users.map((u) => [u.email, u.role, u.organisations.map((o) => o.name)]).sort()).toEqual([
      ['admin@demo.mutualis.fr', 'ADMIN', []],
      ['analyste@demo.mutualis.fr', 'ANALYST', []],
      ['maire.chenove@demo.mutualis.fr', 'EDITOR', ['Chenôve']],
    ])
    const login = await graphql('mutation ($p: String!) { login(email: "maire.chenove@demo.mutualis.fr", password: $p) { __typename } }', { p: demoPassword })
    expect(login.data?.login.__typename).toBe('LoginSuccess')
  })

  it('are never created in production mode', async () => {
    await db.user.deleteMany({ where: { email: { endsWith: '@demo.mutualis.fr' } } })
    process.env.NODE_ENV = 'production'
    expect(await ensureDemoAccounts('242100410')).toEqual([])
    expect(await db.user.count({ where: { email: { endsWith: '@demo.mutualis.fr' } } })).toBe(0)
  })
})
