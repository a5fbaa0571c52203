import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { euroAmount, longFrenchDate } from '@mutualis/domain'
import { db } from '@mutualis/api/db.ts'
import { createHttpHandler } from '@mutualis/api/http/handler.ts'
import { listenDuringTests } from '../fixtures/http-server.ts'
import { query } from '../fixtures/graphql.ts'
import { decode, docxText, squeeze, visibleText } from '../fixtures/report-text.ts'
import { aDomain, anAction, aSignedInUser, aTerritory, someCommunes, type BuiltTerritory } from '../fixtures/builders.ts'

// How the rapport d'avancement is made, on a territory of its own. Dijon's report, its content and
// typography: report-seed.test.ts.
const server = listenDuringTests(createHttpHandler(() => false))

let territory: BuiltTerritory
/** The report (or another page) of the territory. */
const ofTerritory = (path: string) => `${server.origin}${path}${path.includes('?') ? '&' : '?'}territoire=${territory.siren}`

/** A territory whose schéma has actions in two domains, points d'avancement since 2022, and communes taking part. */
async function aTerritoryWithSchema(name: string) {
  const own = await aTerritory({ name })
  const communes = await someCommunes(own, ['Chenôve', 'Talant', 'Ahuy', 'Daix'])
  const [voirie, achats] = [await aDomain(own, { name: 'Voirie' }), await aDomain(own, { name: 'Achats' })]
  const word = name.split(' ').at(-1)
  await anAction(own, { title: `Déneigement de ${word}`, domain: voirie, status: 'IMPLEMENTED', participants: communes.slice(0, 2), progress: [{ date: '2021-11-01', status: 'IN_PROGRESS', text: 'Convention en préparation.' }, { date: '2022-02-01', status: 'IMPLEMENTED', text: 'Conventions signées.' }] })
  await anAction(own, { title: `Groupement de l’énergie de ${word}`, domain: achats, status: 'IN_PROGRESS', instrument: 'GROUPEMENT_DE_COMMANDES', participants: communes, progress: [{ date: '2022-06-15', status: 'IN_PROGRESS', text: 'Marché lancé.' }] })
  await anAction(own, { title: `Archives de ${word}`, domain: achats, status: 'TO_STUDY' })
  return own
}

beforeAll(async () => {
  territory = await aTerritoryWithSchema('Communauté de communes des Trois Rivières')
})

describe('rapport d’avancement', () => {
  it('prints on A4', async () => {
    const page = await (await fetch(ofTerritory('/rapport'))).text()
    expect(page).toMatch(/@page\s*{\s*size:\s*A4/)
    expect(page).toMatch(/@media print/)
  })

  it('refuses a malformed date, and a reader the territory has not let in', async () => {
    const bad = await fetch(ofTerritory('/rapport?depuis=2022-13-01'))
    expect(bad.status).toBe(400)
    expect(await bad.text()).toMatch(/AAAA-MM-JJ/)
    const admin = await aSignedInUser(territory, { role: 'ADMIN' })
    await admin.client('mutation { updateTerritorySettings(requireLoginToRead: true) { requireLoginToRead } }')
    try {
      expect((await fetch(ofTerritory('/rapport'))).status).toBe(401)
      const analyst = await aSignedInUser(territory, { role: 'ANALYST' })
      const created = await analyst.client('mutation { createApiToken(name: "rapport") { ... on CreatedApiToken { secret } } }')
      expect((await fetch(`${server.origin}/rapport`, { headers: { authorization: `Bearer ${created.data!.createApiToken.secret}` } })).status).toBe(200)
    } finally {
      await admin.client('mutation { updateTerritorySettings(requireLoginToRead: false) { requireLoginToRead } }')
    }
  })
})

/** The markup of one section of the report page, by its id. */
function sectionOf(page: string, id: string) {
  const start = page.indexOf(`<section id="${id}">`)
  expect(start, id).toBeGreaterThan(0)
  return page.slice(start, page.indexOf('</section>', start))
}

describe('rapport: impact per commune and due dates (art. L5211-39-1 CGCT)', () => {
  const year = new Date().getUTCFullYear()
  const offerName = `Instruction des autorisations d’urbanisme ${randomUUID().slice(0, 8)}`
  const firstOfMonth = (months: number) => {
    const now = new Date()
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1)).toISOString().slice(0, 10)
  }
  const renewal = firstOfMonth(3)
  const notice = firstOfMonth(2)
  const euros = (amount: number) => euroAmount(Math.round(amount * 100))
  const fte = (value: number) => value.toLocaleString('fr-FR', { maximumFractionDigits: 2 })
  let offerId = ''

  async function createOffer() {
    if (offerId) return
    const admin = await aSignedInUser(territory, { role: 'ADMIN' })
    const saved = await admin.client<any>(`mutation ($input: OfferInput!) { saveOffer(input: $input) { __typename ... on Offer { id } ... on UserError { message } } }`, {
      input: {
        name: offerName, kind: 'SERVICE_COMMUN', eligibility: 'ALL_COMMUNES', costKind: 'AMOUNT', annualAmount: 90000, costYear: year, proRataFirstYear: false,
        costKey: [{ basis: 'POPULATION', percent: 100 }], startDate: '2020-01-01', renewalDate: renewal, tacitRenewal: true, noticeMonths: 1,
      },
    })
    expect(saved.data?.saveOffer.__typename, JSON.stringify(saved)).toBe('Offer')
    offerId = saved.data!.saveOffer.id
    for (const name of ['Chenôve', 'Talant']) {
      const commune = await db.organisation.findFirstOrThrow({ where: { territoryId: territory.id, name } })
      const member = await admin.client<any>(`mutation ($input: OfferMemberInput!) { setOfferMember(input: $input) { __typename } }`, {
        input: { offerId, organisationId: encodeGlobalID('Commune', commune.id), state: 'MEMBER', since: '2020-01-01' },
      })
      expect(member.data?.setOfferMember.__typename).toBe('OfferMember')
    }
  }

  /** What Commune.impact answers for every commune of the territory, read commune by commune. */
  async function impacts() {
    const communes = await db.organisation.findMany({ where: { kind: 'COMMUNE', territoryId: territory.id }, orderBy: { searchName: 'asc' } })
    const rows = []
    for (const { inseeCode } of communes) {
      const { commune } = await query(`query ($insee: String!, $year: Int) { commune(inseeCode: $insee) { name impact(year: $year) { annualCost unknownCostOffers staffFte byOffer { offer { id } } } } }`, { insee: inseeCode, year })
      rows.push({ name: commune.name as string, ...(commune.impact as { annualCost: number; unknownCostOffers: number; staffFte: number; byOffer: unknown[] }) })
    }
    return rows
  }

  it('tells each commune’s known annual cost, offers of unknown cost, FTE and offers, with a total, as the API does', async () => {
    await createOffer()
    const expected = await impacts()
    expect(expected).toHaveLength(4)
    const page = await (await fetch(ofTerritory('/rapport'))).text()
    const section = sectionOf(page, 'impact')
    const text = visibleText(section)
    expect(text).toContain(`Impact par commune en ${year}`)
    const line = (name: string, cost: number, unknown: number, staff: number, offers: number) => squeeze(`${name} ${euros(cost)} ${unknown} ${fte(staff)} ${offers}`)
    for (const c of expected) expect(text).toContain(line(c.name, c.annualCost, c.unknownCostOffers, c.staffFte, c.byOffer.length))
    const sum = (value: (c: (typeof expected)[number]) => number) => expected.reduce((total, c) => total + value(c), 0)
    expect(text).toContain(line('Total', sum((c) => c.annualCost), sum((c) => c.unknownCostOffers), sum((c) => c.staffFte), sum((c) => c.byOffer.length)))
    expect(expected.find((c) => c.name === 'Chenôve')!.byOffer).toContainEqual({ offer: { id: offerId } })

    const docx = squeeze((await docxText(ofTerritory('/rapport.docx'))).replace(/\n/g, ' '))
    expect(docx).toContain(`Impact par commune en ${year}`)
    for (const c of expected) expect(docx).toContain(line(c.name, c.annualCost, c.unknownCostOffers, c.staffFte, c.byOffer.length))
  })

  it('lists the due dates of the next twelve months in French, as offersDue gives them, in HTML and in Word', async () => {
    await createOffer()
    const { offersDue } = await query(`query ($t: String) { offersDue(withinMonths: 12, territory: $t) { date label offer { name kindLabel } } }`, { t: territory.siren })
    const mine = offersDue.filter((due: any) => due.offer.name === offerName)
    expect(mine.map((due: any) => [due.date, due.label])).toEqual([[notice, 'Date limite de préavis'], [renewal, 'Reconduction']])
    const longDate = (iso: string) => longFrenchDate(new Date(`${iso}T00:00:00.000Z`))
    expect(longDate(renewal)).toMatch(/^1er [a-zéû]+ \d{4}$/)

    const section = sectionOf(await (await fetch(ofTerritory('/rapport'))).text(), 'echeances')
    expect(visibleText(section)).toContain('Échéances à venir')
    expect(section.match(/<tr>/g)).toHaveLength(offersDue.length + 1)
    for (const due of offersDue) expect(visibleText(section)).toContain(squeeze(`${longDate(due.date)} ${due.offer.name} (${due.offer.kindLabel}) ${due.label}`))

    const docx = await docxText(ofTerritory('/rapport.docx'))
    expect(docx).toContain('Échéances à venir')
    for (const due of mine) expect(docx).toContain(`${longDate(due.date)}\n${offerName}\n${due.offer.kindLabel}\n${due.label}`)
  })

  it('stacks its tables on a phone (all but the two-column counts): every cell names its column', async () => {
    await createOffer()
    const page = await (await fetch(ofTerritory('/rapport?depuis=2022-01-01'))).text()
    const tableClasses = [...page.matchAll(/<table class="([^"]*)"/g)].map((match) => match[1].split(' '))
    expect(tableClasses.length).toBe(page.match(/<table\b/g)!.length)
    expect(tableClasses.filter((classes) => !classes.includes('stack'))).toEqual([['counts']])
    expect(page).toMatch(/@media screen and \(max-width: 40rem\)[^@]*table\.stack thead \{ display: none; \}/)
    for (const id of ['impact', 'echeances']) {
      const section = sectionOf(page, id)
      expect(section).toContain('<table class="stack">')
      expect(section.match(/<td(?![^>]*data-label)/g), id).toBeNull()
    }
  })
})

describe('rapport with several territories', () => {
  it('is about the reader’s territory, or the one named, and asks anonymous readers to name one', async () => {
    const other = await aTerritoryWithSchema('Communauté de communes des Deux Vallées')
    const anonymous = await fetch(`${server.origin}/rapport`)
    expect(anonymous.status).toBe(400)
    expect(await anonymous.text()).toMatch(/territoire=/)
    const named = visibleText(await (await fetch(`${server.origin}/rapport?territoire=${other.siren}`)).text())
    expect(named).toContain('Déneigement de Vallées')
    expect(named).not.toContain('Déneigement de Rivières')
    const analyst = await aSignedInUser(territory, { role: 'ANALYST' })
    const created = await analyst.client('mutation { createApiToken(name: "rapport") { ... on CreatedApiToken { secret } } }')
    const own = visibleText(await (await fetch(`${server.origin}/rapport`, { headers: { authorization: `Bearer ${created.data!.createApiToken.secret}` } })).text())
    expect(own).toContain('Déneigement de Rivières')
    expect(own).not.toContain('Déneigement de Vallées')
  })
})

describe('rapport: its Word and Excel versions', () => {
  const wordType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  const excelType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  /** The download links of the page: address and label. */
  const downloads = (page: string) =>
    [...page.slice(page.indexOf('<section id="telecharger"'), page.indexOf('</section>', page.indexOf('<section id="telecharger"'))).matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map(([, href, label]) => ({ href: decode(href), label: decode(label) }))

  it('are linked for the territory shown and its period, and each link answers with its file', async () => {
    const other = await aTerritory()
    for (const siren of [territory.siren, other.siren]) {
      const links = downloads(await (await fetch(`${server.origin}/rapport?depuis=2022-01-01&territoire=${siren}`)).text())
      const word = links.filter((link) => /Word/.test(link.label))
      expect(word.map((link) => link.href)).toEqual([`/rapport.docx?depuis=2022-01-01&territoire=${siren}`])
      const excel = links.filter((link) => /Excel/.test(link.label)).map((link) => link.href)
      expect(excel).toEqual([
        `/export/actions.xlsx?territory=${siren}`,
        `/export/progress-updates.xlsx?territory=${siren}&dateFrom=2022-01-01`,
        `/export/impact.xlsx?territory=${siren}&year=${new Date().getUTCFullYear()}`,
        `/export/matrix.xlsx?territory=${siren}`,
      ])
      for (const href of [...word.map((link) => link.href), ...excel]) {
        const response = await fetch(`${server.origin}${href}`)
        expect(response.status, href).toBe(200)
        expect(response.headers.get('content-type'), href).toBe(href.startsWith('/rapport') ? wordType : excelType)
      }
    }
  })
})
