import { describe, expect, it } from 'vitest'
import { signedInAs } from '../fixtures/accounts.ts'
import { graphql } from '../fixtures/graphql.ts'

describe('who may read', () => {
  it('keeps users, tokens and the audit log from the public, and the audit log for admins only', async () => {
    const analyst = await signedInAs('ANALYST')
    const editor = await signedInAs('EDITOR', ['Chenôve'])
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
    const query = '{ actions(first: 3) { edges { node { joinRequests { status organisation { name } } } } } }'
    expect((await graphql(query)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
    const editor = await signedInAs('EDITOR', ['Chenôve'])
    expect((await editor.client(query)).errors).toBeUndefined()
  })

  it('lets a territory require a login to read the published schéma, and lift it again', async () => {
    const admin = await signedInAs('ADMIN')
    const analyst = await signedInAs('ANALYST')
    expect((await graphql('{ communes { name } }')).data?.communes).toHaveLength(23)

    await admin.client('mutation { updateTerritorySettings(requireLoginToRead: true) { requireLoginToRead } }')
    const refused = await graphql('{ communes { name } }')
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED')
    expect(refused.data?.communes ?? null).toBeNull()
    expect((await analyst.client('{ communes { name } }')).data?.communes).toHaveLength(23)
    expect((await graphql('{ me { email } }')).data).toEqual({ me: null })

    await admin.client('mutation { updateTerritorySettings(requireLoginToRead: false) { requireLoginToRead } }')
    expect((await graphql('{ communes { name } }')).data?.communes).toHaveLength(23)
  })
})
