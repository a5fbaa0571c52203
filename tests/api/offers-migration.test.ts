import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// The offers migration on a database of the previous shape (SQLite): what services communs were
// open to must survive as the offers' eligibility, and their names must stay searchable.
const migrations = path.resolve(import.meta.dirname, '../../apps/api/prisma/sqlite/migrations')
const offers = '20261201004618_offers'
const Database = createRequire(path.resolve(import.meta.dirname, '../../apps/api/package.json'))('better-sqlite3')

function migratedDatabase(fill: (db: any) => void) {
  const db = new Database(path.join(mkdtempSync(path.join(tmpdir(), 'mutualis-migration-')), 'db.sqlite'))
  const names = readdirSync(migrations).filter((name) => /^\d+_/.test(name)).sort()
  for (const name of names.slice(0, names.indexOf(offers))) db.exec(readFileSync(path.join(migrations, name, 'migration.sql'), 'utf8'))
  fill(db)
  db.exec(readFileSync(path.join(migrations, offers, 'migration.sql'), 'utf8'))
  return db
}

describe.skipIf(process.env.TEST_DATABASE === 'postgresql')('the offers migration', () => {
  const db = migratedDatabase((db) => {
    db.exec(`
      INSERT INTO "Territory" ("id", "siren", "name", "legalType") VALUES ('t', '200000001', 'EPCI', 'METROPOLE');
      INSERT INTO "Organisation" ("id", "territoryId", "key", "kind", "name", "searchName") VALUES
        ('epci', 't', 'epci', 'EPCI', 'EPCI', 'epci'), ('a', 't', 'a', 'COMMUNE', 'A', 'a'), ('b', 't', 'b', 'COMMUNE', 'B', 'b'), ('c', 't', 'c', 'COMMUNE', 'C', 'c');
      INSERT INTO "Domain" ("id", "territoryId", "key", "name", "position") VALUES ('d', 't', 'd', 'D', 0);
      INSERT INTO "SharedService" ("id", "territoryId", "key", "name") VALUES
        ('open', 't', 'open', 'Équipements sportifs et Œuvres'), ('listed', 't', 'listed', 'Voirie'), ('studied', 't', 'studied', 'Archives'), ('closed', 't', 'closed', 'Paie');
    `)
    const action = db.prepare(`INSERT INTO "Action" ("id", "territoryId", "key", "position", "title", "searchText", "domainId", "instrument", "status", "openness", "sourceText", "sharedServiceId", "updatedAt")
      VALUES (?, 't', ?, 0, ?, '', 'd', 'SERVICE_COMMUN', 'IN_PROGRESS', ?, '', ?, CURRENT_TIMESTAMP)`)
    for (const [id, openness, service] of [['a-open', 'OPEN', 'open'], ['a-listed', 'OPEN', 'listed'], ['a-studied', 'UNDER_STUDY', 'studied'], ['a-closed', 'CLOSED', 'closed']]) action.run(id, id, id, openness, service)
    db.exec(`INSERT INTO "_ActionOpenTo" ("A", "B") VALUES ('a-listed', 'c');
      INSERT INTO "Participation" ("id", "organisationId", "actionId", "role", "state", "updatedAt") VALUES
        ('p1', 'epci', 'a-open', 'PILOT', 'MEMBER', CURRENT_TIMESTAMP), ('p2', 'a', 'a-open', 'MEMBER', 'MEMBER', CURRENT_TIMESTAMP), ('p3', 'b', 'a-closed', 'MEMBER', 'MEMBER', CURRENT_TIMESTAMP);`)
  })
  const offer = (id: string) => db.prepare(`SELECT "eligibility", "openingStudied", "searchText" FROM "Offer" WHERE "id" = ?`).get(id)

  it('keeps what each service was open to: every commune, the listed ones, an opening studied, or nobody', () => {
    expect(offer('open')).toMatchObject({ eligibility: 'ALL_COMMUNES', openingStudied: 0 })
    expect(offer('listed')).toMatchObject({ eligibility: 'LISTED', openingStudied: 0 })
    expect(db.prepare(`SELECT "B" FROM "_OfferListed" WHERE "A" = 'listed'`).all()).toEqual([{ B: 'c' }])
    expect(offer('studied')).toMatchObject({ eligibility: 'ALL_COMMUNES', openingStudied: 1 })
    expect(offer('closed')).toMatchObject({ eligibility: 'CLOSED', openingStudied: 0 })
  })

  it('writes a search text without accents, as searchText() does', () => {
    expect(offer('open').searchText).toBe('equipements sportifs et oeuvres')
  })

  it('carries the members, the pilot being the provider', () => {
    expect(db.prepare(`SELECT "offerId", "organisationId", "state" FROM "OfferMember" ORDER BY "offerId", "organisationId"`).all()).toEqual([
      { offerId: 'closed', organisationId: 'b', state: 'MEMBER' },
      { offerId: 'open', organisationId: 'a', state: 'MEMBER' },
    ])
  })
})
