// Dijon Métropole exported as the import template (/export/schema.xlsx), then imported: into Dijon
// itself it changes nothing; into an empty territory it gives the same offers, actions, members and
// statuses.
import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { db } from '@mutualis/api/db.ts'
import { createHttpHandler } from '@mutualis/api/http/handler.ts'
import { importSchema } from '@mutualis/api/import/schema-import.service.ts'
import { importColumnLabels, importColumns, searchText } from '@mutualis/domain'
import { listenDuringTests } from '../fixtures/http-server.ts'
import { importActor } from '../fixtures/import-territory.ts'
import { dijonOfficial, dijonSeed } from '../fixtures/seed.ts'

const server = listenDuringTests(createHttpHandler(() => false))
const dijon = await db.territory.findUniqueOrThrow({ where: { siren: '242100410' } })

async function exported(format: 'xlsx' | 'csv' = 'xlsx'): Promise<Uint8Array> {
  const response = await fetch(`${server.origin}/export/schema.${format}?territory=242100410`)
  expect(response.status, await response.clone().text()).toBe(200)
  return new Uint8Array(await response.arrayBuffer())
}

/** Dijon's communes and organisations under another SIREN, and no schéma. The INSEE codes are the communes' keys: main keeps them unique across territories. */
async function emptyCopyOfDijon() {
  const territory = await db.territory.create({ data: { siren: '999000001', name: dijonOfficial.name, legalType: 'METROPOLE' } })
  const organisation = (key: string, kind: 'COMMUNE' | 'EPCI' | (typeof dijonSeed.organisations)[number]['kind'], name: string) => ({ id: randomUUID(), territoryId: territory.id, key, kind, name, searchName: searchText(name) })
  await db.organisation.createMany({
    data: [
      organisation('metropole', 'EPCI', dijonOfficial.name),
      ...dijonOfficial.communes.map((commune) => organisation(commune.inseeCode, 'COMMUNE', commune.name)),
      ...dijonSeed.organisations.map((o) => organisation(o.key, o.kind, o.name)),
    ],
  })
  return territory
}

/** A territory's schéma as the round trip must keep it: per action, its offer, members and status. */
async function schemaAsKept(territoryId: string) {
  const actions = await db.action.findMany({
    where: { territoryId, archivedAt: null },
    orderBy: { position: 'asc' },
    include: { domain: true, offer: true, participants: { where: { state: { in: ['MEMBER', 'PLANNED'] } }, include: { organisation: true } } },
  })
  return actions.map((action) => ({
    reference: action.reference ?? action.key,
    title: action.title,
    domain: action.domain.name,
    status: action.status,
    offer: action.offer && { name: action.offer.name, kind: action.offer.kind },
    members: action.participants.map((p) => `${p.organisation.name}${p.role === 'PILOT' ? ' (porteur)' : ''}`).sort(),
  }))
}

describe('GET /export/schema.xlsx', () => {
  it('writes the import template filled with the territory’s actions, the reference included', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await exported()).buffer as ArrayBuffer)
    const sheet = workbook.getWorksheet('Schéma')!
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(importColumns.map((column) => importColumnLabels[column]))
    expect(sheet.rowCount).toBe(1 + (await db.action.count({ where: { territoryId: dijon.id, archivedAt: null } })))
    const first = dijonSeed.actions[0]
    expect(sheet.getRow(2).getCell(1).value).toBe(first.key)
    expect(sheet.getRow(2).getCell(5).value).toBe(first.title)
    expect(workbook.getWorksheet('Aide')).toBeDefined()
  })

  it.each(['xlsx', 'csv'] as const)('imported back into the same territory as %s, changes nothing', async (format) => {
    const report = await importSchema(db, { territoryId: dijon.id, bytes: await exported(format), fileName: `dijon.${format}`, actor: importActor, dryRun: true })
    expect(report.refusals).toEqual([])
    expect(report.rows.filter((row) => row.outcome !== 'unchanged')).toEqual([])
    expect(report.counts.unchanged).toBe(dijonSeed.actions.length)
  })

  it('imported into an empty territory, gives the same offers, actions, members and statuses', async () => {
    const copy = await emptyCopyOfDijon()
    const report = await importSchema(db, { territoryId: copy.id, bytes: await exported(), fileName: 'dijon.xlsx', actor: importActor, dryRun: false })
    expect(report.refusals).toEqual([])
    expect(report).toMatchObject({ accepted: true, written: true, counts: { created: dijonSeed.actions.length } })
    expect(await schemaAsKept(copy.id)).toEqual(await schemaAsKept(dijon.id))
    const offersWithActions = (territoryId: string) => db.offer.findMany({ where: { territoryId, actions: { some: {} } }, select: { name: true, kind: true }, orderBy: { name: 'asc' } })
    expect(await offersWithActions(copy.id)).toEqual(await offersWithActions(dijon.id))
    // And the copy exports as Dijon does: a second import changes nothing.
    const again = await importSchema(db, { territoryId: copy.id, bytes: await exported(), fileName: 'dijon.xlsx', actor: importActor, dryRun: true })
    expect(again.counts.unchanged).toBe(dijonSeed.actions.length)
  })
})
