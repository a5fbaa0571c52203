import { describe, expect, it } from 'vitest'
import { db } from '@mutualis/api/db.ts'
import { officialRelease } from '@mutualis/api/seed/official-data.ts'
import { as, createAccount, signIn } from '../fixtures/accounts.ts'
import { graphql } from '../fixtures/graphql.ts'

const release = officialRelease()
const cc = release.epcis.filter((epci) => epci.type === 'CC')[11]!
const ca = release.epcis.filter((epci) => epci.type === 'CA')[11]!
const dijon = '242100410'

const createDocument = `mutation ($siren: String!) { createTerritory(siren: $siren) {
  __typename
  ... on TerritoryOnboarding { created changed added report territory { siren name legalType communes { inseeCode } } }
  ... on UserError { code message }
  ... on ValidationError { field }
} }`
const refreshDocument = `mutation ($siren: String!, $dryRun: Boolean) { refreshTerritory(siren: $siren, dryRun: $dryRun) {
  __typename
  ... on TerritoryOnboarding { changed added left merged updated report territory { siren } }
  ... on UserError { code message }
} }`

/** A signed-in client; a platform admin when asked (a flag no API write sets). */
async function client(role: 'ADMIN' | 'EDITOR' | 'ANALYST', { platformAdmin = false, organisations = [] as string[] } = {}) {
  const account = await createAccount(role, organisations)
  if (platformAdmin) await db.user.update({ where: { id: account.user.id }, data: { platformAdmin: true } })
  return as(await signIn(account.email))
}

describe('createTerritory', () => {
  it('lets a platform admin create a communauté de communes from its SIREN, then answers that nothing changed', async () => {
    const platform = await client('ANALYST', { platformAdmin: true })
    const first = await platform(createDocument, { siren: cc.code })
    expect(first.data?.createTerritory).toMatchObject({
      __typename: 'TerritoryOnboarding', created: true, changed: true, added: cc.membres.length,
      territory: { siren: cc.code, name: cc.nom, legalType: 'COMMUNAUTE_DE_COMMUNES' },
    })
    expect(first.data?.createTerritory.territory.communes.map((c: { inseeCode: string }) => c.inseeCode).sort()).toEqual(cc.membres.map((m) => m.code).sort())
    const again = await platform(createDocument, { siren: cc.code })
    expect(again.data?.createTerritory).toMatchObject({ __typename: 'TerritoryOnboarding', created: false, changed: false, added: 0, report: [`${cc.nom} existe déjà avec toutes ses communes\u00A0: rien n’a changé.`] })
  })

  it('refuses everyone else, with the reason, and writes nothing', async () => {
    for (const role of ['ADMIN', 'EDITOR', 'ANALYST'] as const) {
      const someone = await client(role, { organisations: role === 'EDITOR' ? ['Chenôve'] : [] })
      const refused = await someone(createDocument, { siren: ca.code })
      expect(refused.data?.createTerritory).toEqual({ __typename: 'NotAllowedError', code: 'FORBIDDEN', message: 'Seuls les administrateurs de la plateforme Mutualis créent un territoire.' })
    }
    const anonymous = await graphql(createDocument, { siren: ca.code })
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    expect(await db.territory.count({ where: { siren: ca.code } })).toBe(0)
  })

  it('answers an unknown SIREN and a malformed one with typed French errors', async () => {
    const platform = await client('ADMIN', { platformAdmin: true })
    const unknown = await platform(createDocument, { siren: '000000000' })
    expect(unknown.data?.createTerritory).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND', message: 'Aucun EPCI à fiscalité propre de SIREN 000000000 dans le découpage administratif officiel.' })
    const commune = await platform(createDocument, { siren: cc.membres[0]!.siren })
    expect(commune.data?.createTerritory).toMatchObject({ __typename: 'NotFoundError', message: expect.stringContaining(`est le SIREN de la commune de ${cc.membres[0]!.nom}, pas d’un EPCI`) })
    const malformed = await platform(createDocument, { siren: 'Dijon' })
    expect(malformed.data?.createTerritory).toEqual({ __typename: 'ValidationError', code: 'VALIDATION', field: 'siren', message: '« Dijon » n’est pas un SIREN : 9 chiffres attendus.' })
  })
})

describe('refreshTerritory', () => {
  it('lets the territory’s admins refresh it: Dijon is up to date', async () => {
    const admin = await client('ADMIN')
    const result = await admin(refreshDocument, { siren: dijon })
    expect(result.data?.refreshTerritory).toMatchObject({ __typename: 'TerritoryOnboarding', changed: false, added: 0, left: 0, merged: 0, updated: 0, territory: { siren: dijon } })
    expect(result.data?.refreshTerritory.report.at(-1)).toMatch(/^Dijon Métropole est à jour du découpage administratif officiel 2026/)
  })

  it('refuses the admins of another territory, editors and analysts', async () => {
    const platform = await client('ANALYST', { platformAdmin: true })
    await platform(createDocument, { siren: ca.code })
    const cases = [
      { who: await client('ADMIN'), siren: ca.code, message: 'Cet élément relève d’un autre territoire.' },
      { who: await client('EDITOR', { organisations: ['Chenôve'] }), siren: dijon, message: 'Réservé à la mission de coordination du territoire (administrateurs) et aux administrateurs de la plateforme.' },
      { who: await client('ANALYST'), siren: dijon, message: 'Réservé à la mission de coordination du territoire (administrateurs) et aux administrateurs de la plateforme.' },
    ]
    for (const { who, siren, message } of cases) {
      expect((await who(refreshDocument, { siren })).data?.refreshTerritory).toEqual({ __typename: 'NotAllowedError', code: 'FORBIDDEN', message })
    }
  })

  it('lets a platform admin refresh any territory, or dry-run it, and says when Mutualis does not hold it yet', async () => {
    const platform = await client('EDITOR', { platformAdmin: true, organisations: ['Chenôve'] })
    expect((await platform(refreshDocument, { siren: cc.code, dryRun: true })).data?.refreshTerritory).toMatchObject({ __typename: 'TerritoryOnboarding', changed: false, territory: { siren: cc.code } })
    const absent = release.epcis.filter((epci) => epci.type === 'CU')[3]!
    expect((await platform(refreshDocument, { siren: absent.code })).data?.refreshTerritory).toEqual({
      __typename: 'NotFoundError', code: 'NOT_FOUND', message: `Aucun territoire de SIREN ${absent.code} dans Mutualis : créez d’abord ${absent.nom} (territory:create).`,
    })
  })

  it('shows who is a platform admin on the account, and no API write grants it', async () => {
    const account = await createAccount('ADMIN')
    await db.user.update({ where: { id: account.user.id }, data: { platformAdmin: true } })
    const login = await graphql<{ login: { user: { platformAdmin: boolean } } }>(
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { ... on LoginSuccess { user { platformAdmin } } } }',
      { e: account.email, p: account.password },
    )
    expect(login.data?.login.user.platformAdmin).toBe(true)
    const platform = as(await signIn(account.email))
    const created = await platform(
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { __typename ... on User { role platformAdmin } } }',
      { input: { email: `nouveau-${Date.now()}@test.mutualis.fr`, name: 'Nouvel administrateur', role: 'ADMIN', password: 'un mot de passe assez long' } },
    )
    expect(created.data?.createUser).toEqual({ __typename: 'User', role: 'ADMIN', platformAdmin: false })
  })
})
