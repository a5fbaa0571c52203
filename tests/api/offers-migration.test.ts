import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createClient } from '@libsql/client'
import { beforeAll, describe, expect, it } from 'vitest'

// The offers migration on a database of the previous shape (SQLite): what services communs were
// open to must survive as the offers' eligibility, and their names must stay searchable.
const migrations = path.resolve(import.meta.dirname, '../../apps/api/prisma/sqlite/migrations')
const offers = '20261201004618_offers'
/** The SQLite the app runs on (libsql), with the migrations applied up to the offers one, `fill` in between. */
async function migratedDatabase(fill: string) {
  const db = createClient({ url: `file:${path.join(mkdtempSync(path.join(tmpdir(), 'mutualis-migration-')), 'db.sqlite')}` })
  const names = readdirSync(migrations).filter((name) => /^\d+_/.test(name)).sort()
  for (const name of names.slice(0, names.indexOf(offers))) await db.executeMultiple(readFileSync(path.join(migrations, name, 'migration.sql'), 'utf8'))
  await db.executeMultiple(fill)
  await db.executeMultiple(readFileSync(path.join(migrations, offers, 'migration.sql'), 'utf8'))
  return db
}

const actions = [['a-open', 'OPEN', 'open'], ['a-listed', 'OPEN', 'listed'], ['a-studied', 'UNDER_STUDY', 'studied'], ['a-closed', 'CLOSED', 'closed']]
const previousRows = `
  INSERT INTO "Territory" ("id", "siren", "name", "legalType") VALUES ('t', '200000001', 'EPCI', 'METROPOLE');
  INSERT INTO "Organisation" ("id", "territoryId", "key", "kind", "name", "searchName") VALUES
    ('epci', 't', 'epci', 'EPCI', 'EPCI', 'epci'), ('a', 't', 'a', 'COMMUNE', 'A', 'a'), ('b', 't', 'b', 'COMMUNE', 'B', 'b'), ('c', 't', 'c', 'COMMUNE', 'C', 'c');
  INSERT INTO "Domain" ("id", "territoryId", "key", "name", "position") VALUES ('d', 't', 'd', 'D', 0);
  INSERT INTO "SharedService" ("id", "territoryId", "key", "name") VALUES
    ('open', 't', 'open', 'Équipements sportifs et Œuvres'), ('listed', 't', 'listed', 'Voirie'), ('studied', 't', 'studied', 'Archives'), ('closed', 't', 'closed', 'Paie');
  INSERT INTO "Action" ("id", "territoryId", "key", "position", "title", "searchText", "domainId", "instrument", "status", "openness", "sourceText", "sharedServiceId", "updatedAt") VALUES
    ${actions.map(([id, openness, service]) => `('${id}', 't', '${id}', 0, '${id}', '', 'd', 'SERVICE_COMMUN', 'IN_PROGRESS', '${openness}', '', '${service}', CURRENT_TIMESTAMP)`).join(',\n    ')};
  INSERT INTO "_ActionOpenTo" ("A", "B") VALUES ('a-listed', 'c');
  INSERT INTO "Participation" ("id", "organisationId", "actionId", "role", "state", "updatedAt") VALUES
    ('p1', 'epci', 'a-open', 'PILOT', 'MEMBER', CURRENT_TIMESTAMP), ('p2', 'a', 'a-open', 'MEMBER', 'MEMBER', CURRENT_TIMESTAMP), ('p3', 'b', 'a-closed', 'MEMBER', 'MEMBER', CURRENT_TIMESTAMP);
`

describe('the offers migration (SQLite files, whatever database the suite runs on)', () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>
  beforeAll(async () => {
    db = await migratedDatabase(previousRows)
  })
  const rows = async (sql: string) => (await db.execute(sql)).rows.map((row) => ({ ...row }))
  const offer = async (id: string) => (await rows(`SELECT "eligibility", "openingStudied", "searchText" FROM "Offer" WHERE "id" = '${id}'`))[0]

  it('keeps what each service was open to: every commune, the listed ones, an opening studied, or nobody', async () => {
    expect(await offer('open')).toMatchObject({ eligibility: 'ALL_COMMUNES', openingStudied: 0 })
    expect(await offer('listed')).toMatchObject({ eligibility: 'LISTED', openingStudied: 0 })
    expect(await rows(`SELECT "B" FROM "_OfferListed" WHERE "A" = 'listed'`)).toEqual([{ B: 'c' }])
    expect(await offer('studied')).toMatchObject({ eligibility: 'ALL_COMMUNES', openingStudied: 1 })
    expect(await offer('closed')).toMatchObject({ eligibility: 'CLOSED', openingStudied: 0 })
  })

  it('leaves the search text for the server to write at start (searchText() of packages/domain)', async () => {
    expect(await offer('open')).toMatchObject({ searchText: '' })
  })

  it('carries the members, the pilot being the provider', async () => {
    expect(await rows(`SELECT "offerId", "organisationId", "state" FROM "OfferMember" ORDER BY "offerId", "organisationId"`)).toEqual([
      { offerId: 'closed', organisationId: 'b', state: 'MEMBER' },
      { offerId: 'open', organisationId: 'a', state: 'MEMBER' },
    ])
  })
})

describe('the server at start', () => {
  it('writes the accent-free search text the migrations leave empty, so a migrated offer is found without accents', async () => {
    const { db } = await import('@mutualis/api/db.ts')
    const { backfillSearchText } = await import('@mutualis/api/startup.ts')
    const { query } = await import('../fixtures/graphql.ts')
    const { anOffer, aTerritory } = await import('../fixtures/builders.ts')
    const territory = await aTerritory()
    const offer = await anOffer(territory, { name: 'Équipements sportifs et Œuvres', searchText: '' })
    expect(offer.searchText).toBe('')
    await backfillSearchText()
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).searchText).toMatch(/^equipements/)
    const found = await query(`query ($s: String!, $t: String) { search(text: $s, first: 50, territory: $t) { name } }`, { s: 'equipements', t: territory.siren })
    expect(found.search.map((hit: { name: string }) => hit.name)).toContain(offer.name)
  })
})
