import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { frenchText, instrumentLabels, participationStateLabels, roleLabels, type Instrument } from '@mutualis/domain'
import { db } from '@mutualis/api/db.ts'
import { createHttpHandler } from '@mutualis/api/http/handler.ts'
import { listenDuringTests } from '../fixtures/http-server.ts'
import { query } from '../fixtures/graphql.ts'
import { aCommune, aDomain, anAction, anOffer, aSignedInUser, aTerritory, someCommunes, type BuiltTerritory } from '../fixtures/builders.ts'

// Exports are read through the real HTTP handler, as a spreadsheet or a browser link would.
const server = listenDuringTests(createHttpHandler(() => false))

const download = (path: string, headers: Record<string, string> = {}) => fetch(`${server.origin}${path}`, { headers })
async function csvRows(path: string, headers: Record<string, string> = {}) {
  const response = await download(path, headers)
  expect(response.status, await response.clone().text()).toBe(200)
  const bytes = new Uint8Array(await response.arrayBuffer())
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
  return { bytes, text, rows: parse(text, { bom: true, delimiter: ';', relax_column_count: false }) as string[][] }
}
async function xlsxRows(path: string) {
  const response = await download(path)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/spreadsheetml/)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(await response.arrayBuffer())
  expect(workbook.worksheets).toHaveLength(1)
  const sheet = workbook.worksheets[0]
  const rows: unknown[][] = []
  sheet.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)))
  return { name: sheet.name, rows }
}

const frenchDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '')
const tricky = { title: `Test d'export : « guillemets » "citation" ; point-virgule à l'œuvre`, description: 'Première ligne ;\nseconde ligne avec "guillemets"' }

async function allActions(filter: Record<string, unknown>) {
  const { actions } = await query(
    `query ($filter: ActionFilter, $territory: String) { actions(filter: $filter, first: 150, territory: $territory) { totalCount edges { node {
      key title description statusLabel instrument effectiveDate plannedDate domain { name } offer { name kindLabel } sharedService { name } participants { organisation { name } } progressUpdates { date text }
    } } } }`,
    { filter, territory: territory.siren },
  )
  expect(actions.edges.length).toBe(actions.totalCount)
  return actions.edges.map((e: { node: any }) => e.node)
}

let territory: BuiltTerritory
let chenove: Awaited<ReturnType<typeof aCommune>>
let talant: Awaited<ReturnType<typeof aCommune>>
/** The territory's export of a list: its own rows only. */
const ofTerritory = (path: string) => `${path}${path.includes('?') ? '&' : '?'}territory=${territory.siren}`

beforeAll(async () => {
  territory = await aTerritory()
  ;[chenove, talant] = await someCommunes(territory, ['Chenôve', 'Talant'])
  const domain = await aDomain(territory, { name: 'Éclairage et voirie' })
  const service = await anOffer(territory, { name: 'Service commun de l’éclairage public', domain })
  const contract = await anOffer(territory, { name: 'Groupement de commandes de l’énergie', kind: 'GROUPEMENT_DE_COMMANDES', domain })
  await anAction(territory, {
    title: 'Maintenance de l’éclairage public', description: 'Marché mutualisé ; lots 1 et 2', domain, status: 'IN_PROGRESS', offer: service, effectiveDate: '2022-04-01',
    participants: [chenove, { organisation: talant, role: 'PILOT', since: '2022-04-01' }],
    progress: [{ date: '2022-06-15', status: 'IN_PROGRESS', text: 'Marché notifié : « lot 1 »' }, { date: '2022-11-30', status: 'IN_PROGRESS', text: 'Lot 2 en cours' }],
  })
  await anAction(territory, { title: 'Achat d’énergie', domain, status: 'PLANNED', instrument: 'GROUPEMENT_DE_COMMANDES', offer: contract, plannedDate: '2026-01-01', participants: [{ organisation: chenove, state: 'PLANNED' }] })
  await anAction(territory, { title: 'Éclairage public des stades', domain, status: 'IMPLEMENTED', participants: [talant, { organisation: chenove, state: 'FORMER' }], progress: [{ date: '2022-09-01', status: 'IMPLEMENTED', text: 'Terminé' }] })
  await anAction(territory, { title: 'Balayage', domain, status: 'PLANNED', participants: [talant] })
})

describe('CSV export of actions', () => {
  beforeAll(async () => {
    await anAction(territory, {
      ...tricky, position: 5000, instrument: 'GROUPEMENT_DE_COMMANDES', status: 'IN_PROGRESS', openness: 'OPEN', effectiveDate: '2024-03-05',
      participants: [chenove], progress: [{ date: '2024-03-05', status: 'IN_PROGRESS', text: 'Lancé ; "enfin"' }],
    })
  })

  it('parses back to the query result, accents, « ; » and quotes included, its prose set in French typography', async () => {
    const filter = { status: ['IN_PROGRESS', 'PLANNED'], communeInseeCode: chenove.inseeCode }
    const nodes = await allActions(filter)
    const { rows } = await csvRows(ofTerritory(`/export/actions.csv?status=IN_PROGRESS,PLANNED&communeInseeCode=${chenove.inseeCode}`))
    const [header, ...body] = rows
    expect(nodes).toHaveLength(3)
    expect(header).toEqual(['Clé', 'Domaine', 'Action', 'Description', 'Instrument', 'Statut', 'Ouverture', "Date d'effet", 'Date prévue', 'Offre', "Type d'offre", 'Service commun', 'Marché mutualisé', 'Participants', "Points d'avancement"])
    expect(body).toHaveLength(nodes.length)
    expect(body.map((r) => r[2])).toContain(frenchText(tricky.title))
    expect(nodes.some((node: any) => node.offer)).toBe(true)
    nodes.forEach((node: any, i: number) => {
      const row = Object.fromEntries(header.map((h, j) => [h, body[i][j]]))
      expect(row).toMatchObject({
        Clé: node.key, Domaine: node.domain.name, Action: frenchText(node.title), Description: frenchText(node.description ?? ''), Statut: node.statusLabel,
        Instrument: instrumentLabels[node.instrument as Instrument], "Date d'effet": frenchDate(node.effectiveDate), 'Date prévue': frenchDate(node.plannedDate),
        Offre: node.offer?.name ?? '', "Type d'offre": node.offer?.kindLabel ?? '', 'Service commun': node.sharedService?.name ?? '', Participants: node.participants.map((p: any) => p.organisation.name).join(', '),
        "Points d'avancement": frenchText(node.progressUpdates.map((p: any) => `${frenchDate(p.date)} : ${p.text}`).join('\n')),
      })
    })
  })

  it('is what French Excel opens: UTF-8 with BOM, « ; » separator, CRLF, dates JJ/MM/AAAA', async () => {
    const response = await download(ofTerritory('/export/actions.csv?effectiveFrom=2024-03-05&effectiveTo=2024-03-05'))
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="mutualis-actions-\d{4}-\d{2}-\d{2}\.csv"$/)
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    expect(text.split('\r\n')[0]).toBe('Clé;Domaine;Action;Description;Instrument;Statut;Ouverture;Date d\'effet;Date prévue;Offre;Type d\'offre;Service commun;Marché mutualisé;Participants;Points d\'avancement')
    // Non-breaking spaces before « : » and inside « », a narrow one before « ; »: only the spaces change.
    expect(text).toContain(`"Test d'export\u00A0: «\u00A0guillemets\u00A0» ""citation""\u202F; point-virgule à l'œuvre"`)
    expect(text).toContain(';05/03/2024;')
  })
})

describe('a download after a change', () => {
  it('shows the change, though the same download was just answered', async () => {
    const action = await anAction(territory, { title: 'Action exportée deux fois', description: 'Avant', status: 'PLANNED', effectiveDate: '2011-11-11' })
    const path = ofTerritory('/export/actions.csv?effectiveFrom=2011-11-11&effectiveTo=2011-11-11')
    const description = async () => (await csvRows(path)).rows.slice(1).map((row) => row[3])
    expect(await description()).toEqual(['Avant'])
    expect(await description()).toEqual(['Avant'])
    const admin = await aSignedInUser(territory, { role: 'ADMIN' })
    const updated = await admin.client<any>('mutation ($id: ID!, $v: Int!) { updateAction(id: $id, expectedVersion: $v, input: { description: "Après" }) { __typename } }', {
      id: encodeGlobalID('Action', action.id), v: action.version,
    })
    expect(updated.data?.updateAction.__typename, JSON.stringify(updated)).toBe('Action')
    expect(await description()).toEqual(['Après'])
  })
})

describe('export of a PWA search', () => {
  it('holds the actions the search page lists for the same words', async () => {
    const { actions } = await query('query ($t: String) { actions(filter: { search: "ÉCLAIRAGE public" }, first: 200, territory: $t) { edges { node { key } } } }', { t: territory.siren })
    const { rows } = await csvRows(ofTerritory(`/export/actions.csv?search=${encodeURIComponent('ÉCLAIRAGE public')}`))
    expect(actions.edges.length).toBeGreaterThan(1)
    expect(rows.slice(1).map((row) => row[0])).toEqual(actions.edges.map((edge: { node: { key: string } }) => edge.node.key))
  })
})

describe('other exports', () => {
  it('exports participations with the same filter as the API', async () => {
    const insee = talant.inseeCode
    const { participations } = await query(
      `query ($filter: ParticipationFilter, $t: String) { participations(filter: $filter, first: 200, territory: $t) { edges { node { role state since organisation { name } action { key } } } } }`,
      { filter: { communeInseeCode: insee }, t: territory.siren },
    )
    const { rows } = await csvRows(ofTerritory(`/export/participations.csv?communeInseeCode=${insee}`))
    const [header, ...body] = rows
    expect(participations.edges).toHaveLength(3)
    expect(body.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j]])))).toEqual(
      participations.edges.map(({ node }: any) =>
        expect.objectContaining({ 'Clé de l’action': node.action.key, Organisation: node.organisation.name, Rôle: roleLabels[node.role as 'MEMBER'], État: participationStateLabels[node.state as 'MEMBER'], Depuis: frenchDate(node.since) }),
      ),
    )
  })

  it('exports points d’avancement as a workbook with real dates', async () => {
    const { progressUpdates } = await query(
      `query ($t: String) { progressUpdates(filter: { dateFrom: "2022-06-01", dateTo: "2022-12-01" }, first: 200, territory: $t) { edges { node { date text action { key } } } } }`, { t: territory.siren },
    )
    const { name, rows } = await xlsxRows(ofTerritory('/export/progress-updates.xlsx?dateFrom=2022-06-01&dateTo=2022-12-01'))
    expect(name).toBe("Points d'avancement")
    const [header, ...body] = rows
    expect(header.slice(0, 2)).toEqual(['Date', 'Clé de l’action'])
    expect(body).toHaveLength(progressUpdates.edges.length)
    expect(body).toHaveLength(3)
    body.forEach((row, i) => {
      const node = progressUpdates.edges[i].node
      expect(row[0]).toBeInstanceOf(Date)
      expect((row[0] as Date).toISOString().slice(0, 10)).toBe(node.date)
      expect(row[1]).toBe(node.action.key)
      expect(row[header.indexOf("Point d'avancement")]).toBe(frenchText(node.text))
    })
  })

  it('exports the membership matrix as CSV and XLSX, equal to the query', async () => {
    await anOffer(territory, { name: 'Service commun des archives', members: [talant, { organisation: chenove, state: 'PLANNED' }] })
    const { membershipMatrix } = await query(`query ($t: String) { membershipMatrix(territory: $t) { sharedServices { name } rows { commune { name inseeCode } cellLabels } } }`, { t: territory.siren })
    expect(membershipMatrix.sharedServices.length).toBeGreaterThan(1)
    const expected: string[][] = [
      ['Commune', 'Code INSEE', ...membershipMatrix.sharedServices.map((s: { name: string }) => s.name)],
      ...membershipMatrix.rows.map((r: any) => [r.commune.name, r.commune.inseeCode, ...r.cellLabels]),
    ]
    expect((await csvRows(ofTerritory('/export/matrix.csv'))).rows).toEqual(expected)
    const workbook = await xlsxRows(ofTerritory('/export/matrix.xlsx'))
    expect(workbook.rows.map((row) => expected[0].map((_: string, j: number) => row[j] ?? ''))).toEqual(expected)
  })
})

describe('export errors and access', () => {
  it('names what is wrong with a URL', async () => {
    const unknownParameter = await download('/export/actions.csv?statut=IN_PROGRESS')
    expect(unknownParameter.status).toBe(400)
    expect(await unknownParameter.text()).toMatch(/Paramètre inconnu « statut ».*status/)
    const badValue = await download('/export/actions.csv?status=FINI')
    expect(badValue.status).toBe(400)
    expect(await badValue.text()).toMatch(/FINI/)
    const unknownList = await download('/export/budgets.csv')
    expect(unknownList.status).toBe(404)
    expect(await unknownList.text()).toMatch(/\/export\/actions\.csv/)
  })

  it('bounds a filter list as the API does', async () => {
    const statuses = (count: number) => Array.from({ length: count }, () => 'IN_PROGRESS').join(',')
    const tooMany = await download(`/export/actions.csv?status=${statuses(501)}`)
    expect(tooMany.status).toBe(400)
    expect(await tooMany.text()).toMatch(/Liste trop longue.*500 éléments au plus/)
    expect((await download(`/export/actions.csv?status=${statuses(500)}`)).status).toBe(200)
  })

  it('asks for the same sign-in as the API when a territory requires one, by cookie or bearer token', async () => {
    const admin = await aSignedInUser(territory, { role: 'ADMIN' })
    const analyst = await aSignedInUser(territory, { role: 'ANALYST' })
    const created = await analyst.client('mutation { createApiToken(name: "tableur") { ... on CreatedApiToken { secret } } }')
    const secret = created.data!.createApiToken.secret as string
    await admin.client('mutation { updateTerritorySettings(requireLoginToRead: true) { requireLoginToRead } }')
    try {
      const anonymous = await download(ofTerritory('/export/actions.csv'))
      expect(anonymous.status).toBe(401)
      expect(await anonymous.text()).toMatch(/Connectez-vous/)
      const actions = await db.action.count({ where: { territoryId: territory.id, archivedAt: null } })
      expect(actions).toBeGreaterThan(4)
      expect((await csvRows(ofTerritory('/export/actions.csv'), { authorization: `Bearer ${secret}` })).rows).toHaveLength(actions + 1)
      expect((await download(ofTerritory('/export/matrix.xlsx'), { authorization: 'Bearer faux-jeton' })).status).toBe(401)
    } finally {
      await admin.client('mutation { updateTerritorySettings(requireLoginToRead: false) { requireLoginToRead } }')
    }
  })
})
