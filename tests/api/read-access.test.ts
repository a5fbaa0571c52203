import { beforeAll, describe, expect, it } from 'vitest'
import { graphql } from '../fixtures/graphql.ts'
import { anAction, aSignedInUser, aTerritory, someCommunes, type BuiltTerritory } from '../fixtures/builders.ts'

let territory: BuiltTerritory
let chenove: { id: string }
beforeAll(async () => {
  territory = await aTerritory()
  const communes = await someCommunes(territory, ['Chenôve', 'Talant', 'Ahuy'])
  chenove = communes[0]
  for (let i = 0; i < 3; i++) await anAction(territory, { participants: communes })
})

const signedInAs = (role: 'ADMIN' | 'EDITOR' | 'ANALYST') => aSignedInUser(territory, { role, organisations: role === 'EDITOR' ? [chenove] : [] })

describe('who may read', () => {
  it('keeps users, tokens and the audit log from the public, and the audit log for admins only', async () => {
    const analyst = await signedInAs('ANALYST')
    const editor = await signedInAs('EDITOR')
    const admin = await signedInAs('ADMIN')
    const auditLog = '{ auditLog(first: 5) { edges { node { operation } } } }'
    expect((await graphql(auditLog)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
    expect((await editor.client(auditLog)).errors?.[0].extensions?.code).toBe('FORBIDDEN')
    expect((await analyst.client(auditLog)).errors?.[0].extensions?.code).toBe('FORBIDDEN')
    expect((await admin.client(auditLog)).errors).toBeUndefined()
    expect((await graphql('{ users { email } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
    expect((await analyst.client('{ users { email } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN')
    expect((await graphql('{ myApiTokens { name } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
  })

  it('hides join requests from the public and shows editors only their own organisations’', async () => {
    const query = `{ actions(first: 3, territory: "${territory.siren}") { edges { node { joinRequests { status organisation { name } } } } } }`
    expect((await graphql(query)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
    const editor = await signedInAs('EDITOR')
    const seen = await editor.client(query)
    expect(seen.errors).toBeUndefined()
    expect(seen.data?.actions.edges).toHaveLength(3)
  })

  it('lets a territory require a login to read the published schéma, and lift it again', async () => {
    const admin = await signedInAs('ADMIN')
    const analyst = await signedInAs('ANALYST')
    const communes = `{ communes(territory: "${territory.siren}") { name } }`
    expect((await graphql(communes)).data?.communes).toHaveLength(3)

    await admin.client('mutation { updateTerritorySettings(requireLoginToRead: true) { requireLoginToRead } }')
    const refused = await graphql(communes)
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
    expect(refused.data?.communes ?? null).toBeNull()
    expect((await analyst.client(communes)).data?.communes).toHaveLength(3)
    expect((await graphql('{ me { email } }')).data).toEqual({ me: null })

    await admin.client('mutation { updateTerritorySettings(requireLoginToRead: false) { requireLoginToRead } }')
    expect((await graphql(communes)).data?.communes).toHaveLength(3)
  })
})
