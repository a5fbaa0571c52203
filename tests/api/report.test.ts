import { randomUUID } from 'node:crypto'
import { inflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { encodeGlobalID } from '@pothos/plugin-relay'
import { euroAmount, frenchText, longFrenchDate, statusLabels, typographyMistakes } from '@mutualis/domain'
import { db } from '@mutualis/api/db.ts'
import { createHttpHandler } from '@mutualis/api/http/handler.ts'
import { listenDuringTests } from '../fixtures/http-server.ts'
import { signedInAs } from '../fixtures/accounts.ts'
import { query } from '../fixtures/graphql.ts'
import { dijonSeed } from '../fixtures/seed.ts'
import { createOtherTerritory } from '../fixtures/territories.ts'

const server = listenDuringTests(createHttpHandler(() => false))

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" }
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, name: string) => entities[name])
/** The text a reader sees: tags dropped, entities decoded, spaces collapsed. */
const visibleText = (markup: string) => decode(markup.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ')
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim()
/** The text a reader sees, its spaces as printed: one line per block, inline tags dropped. */
const printedText = (markup: string) =>
  decode(markup.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<\/?(?:p|li|ul|tr|td|th|h\d|table|thead|tbody|tfoot|section|header|nav|main|details|summary|form|label|button)\b[^>]*>/g, '\n').replace(/<[^>]+>/g, ''))

/** One file of a zip archive (a .docx), found through the central directory. */
function unzipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  let offset = zip.readUInt32LE(end + 16)
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const [method, size, nameLength, extra, comment, local] = [zip.readUInt16LE(offset + 10), zip.readUInt32LE(offset + 20), zip.readUInt16LE(offset + 28), zip.readUInt16LE(offset + 30), zip.readUInt16LE(offset + 32), zip.readUInt32LE(offset + 42)]
    if (zip.toString('utf8', offset + 46, offset + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
      const data = zip.subarray(start, start + size)
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8')
    }
    offset += 46 + nameLength + extra + comment
  }
  throw new Error(`${name} not in archive`)
}

describe('rapport d’avancement', () => {
  it('carries every action and every point d’avancement of the source document, grouped by domain in its order', async () => {
    const response = await fetch(`${server.origin}/rapport?depuis=2022-01-01`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    // Node's fetch accepts gzip (newer ones and browsers, brotli): the 31-page report travels compressed.
    expect(['gzip', 'br']).toContain(response.headers.get('content-encoding'))
    const page = await response.text()
    const text = visibleText(page)
    expect(text).toContain('Rapport d’avancement du schéma de mutualisation')
    expect(text).toContain('Dijon Métropole')
    for (const action of dijonSeed.actions) {
      expect(text, action.key).toContain(squeeze(frenchText(action.title)))
      for (const update of action.progress) expect(text, action.key).toContain(squeeze(frenchText(update.text)))
    }
    const domainStarts = dijonSeed.domains.filter((d) => dijonSeed.actions.some((a) => a.domain === d.key)).map((d) => page.indexOf(`id="domaine-${d.key}"`))
    expect(domainStarts.every((position) => position > 0)).toBe(true)
    expect(domainStarts).toEqual([...domainStarts].sort((a, b) => a - b))
    for (const action of dijonSeed.actions) {
      const section = page.slice(page.indexOf(`id="domaine-${action.domain}"`))
      expect(visibleText(section.slice(0, section.indexOf('</section>')))).toContain(squeeze(frenchText(action.title)))
    }
  })

  it('sums up the statuses and what changed since the chosen date, as the seed says', async () => {
    const text = visibleText(await (await fetch(`${server.origin}/rapport?depuis=2022-01-01`)).text())
    const counts = new Map<string, number>()
    for (const action of dijonSeed.actions) counts.set(action.status, (counts.get(action.status) ?? 0) + 1)
    for (const [status, count] of counts) expect(text).toContain(`${statusLabels[status as keyof typeof statusLabels]} ${count}`)
    expect(text).toContain(`Total ${dijonSeed.actions.length}`)
    const completed = dijonSeed.actions.filter((a) => {
      let previous = 'NOT_REPORTED'
      return a.progress.some((p) => {
        const done = p.date >= '2022-01-01' && p.status === 'IMPLEMENTED' && previous !== 'IMPLEMENTED'
        previous = p.status
        return done
      })
    })
    expect(completed.length).toBeGreaterThan(0)
    expect(text).toContain(`Depuis le 01/01/2022 : ${completed.length} actions mises en œuvre`)
    expect(text).toContain('Changements depuis le 01/01/2022')
  })

  it('prints on A4', async () => {
    const page = await (await fetch(`${server.origin}/rapport`)).text()
    expect(page).toMatch(/@page\s*{\s*size:\s*A4/)
    expect(page).toMatch(/@media print/)
  })

  it('is also a Word document with every action title', async () => {
    const response = await fetch(`${server.origin}/rapport.docx?depuis=2022-01-01`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(response.headers.get('content-encoding')).toBeNull()
    const xml = unzipEntry(Buffer.from(await response.arrayBuffer()), 'word/document.xml')
    const text = decode([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n'))
    expect(text).toContain('Rapport d’avancement du schéma de mutualisation')
    for (const action of dijonSeed.actions) expect(text, action.key).toContain(frenchText(action.title))
  })

  it('is set in French typography, in HTML and in Word: no space before « : ; ? ! » or inside « » that may break a line', async () => {
    const page = await (await fetch(`${server.origin}/rapport?depuis=2022-01-01`)).text()
    expect(printedText(page)).toContain('Depuis le 01/01/2022\u00A0: ')
    expect(typographyMistakes(printedText(page))).toEqual([])
    const docx = await docxText('/rapport.docx?depuis=2022-01-01')
    expect(docx).toContain('Depuis le 01/01/2022\u00A0: ')
    expect(typographyMistakes(docx)).toEqual([])
  })

  it('refuses a malformed date, and a reader the territory has not let in', async () => {
    const bad = await fetch(`${server.origin}/rapport?depuis=2022-13-01`)
    expect(bad.status).toBe(400)
    expect(await bad.text()).toMatch(/AAAA-MM-JJ/)
    const admin = await signedInAs('ADMIN')
    await admin.client('mutation { updateTerritorySettings(requireLoginToRead: true) { requireLoginToRead } }')
    try {
      expect((await fetch(`${server.origin}/rapport`)).status).toBe(401)
      const analyst = await signedInAs('ANALYST')
      const created = await analyst.client('mutation { createApiToken(name: "rapport") { ... on CreatedApiToken { secret } } }')
      expect((await fetch(`${server.origin}/rapport`, { headers: { authorization: `Bearer ${created.data!.createApiToken.secret}` } })).status).toBe(200)
    } finally {
      await admin.client('mutation { updateTerritorySettings(requireLoginToRead: false) { requireLoginToRead } }')
    }
  })
})

async function docxText(path: string) {
  const response = await fetch(`${server.origin}${path}`)
  expect(response.status).toBe(200)
  const xml = unzipEntry(Buffer.from(await response.arrayBuffer()), 'word/document.xml')
  return decode([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n'))
}

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
    const admin = await signedInAs('ADMIN')
    const saved = await admin.client<any>(`mutation ($input: OfferInput!) { saveOffer(input: $input) { __typename ... on Offer { id } ... on UserError { message } } }`, {
      input: {
        name: offerName, kind: 'SERVICE_COMMUN', eligibility: 'ALL_COMMUNES', costKind: 'AMOUNT', annualAmount: 90000, costYear: year, proRataFirstYear: false,
        costKey: [{ basis: 'POPULATION', percent: 100 }], startDate: '2020-01-01', renewalDate: renewal, tacitRenewal: true, noticeMonths: 1,
      },
    })
    expect(saved.data?.saveOffer.__typename, JSON.stringify(saved)).toBe('Offer')
    offerId = saved.data!.saveOffer.id
    for (const insee of ['21166', '21617']) {
      const commune = await db.organisation.findFirstOrThrow({ where: { inseeCode: insee } })
      const member = await admin.client<any>(`mutation ($input: OfferMemberInput!) { setOfferMember(input: $input) { __typename } }`, {
        input: { offerId, organisationId: encodeGlobalID('Commune', commune.id), state: 'MEMBER', since: '2020-01-01' },
      })
      expect(member.data?.setOfferMember.__typename).toBe('OfferMember')
    }
  }

  /** What Commune.impact answers for every commune of Dijon, read commune by commune. */
  async function impacts() {
    const communes = await db.organisation.findMany({ where: { kind: 'COMMUNE', territory: { siren: '242100410' } }, orderBy: { searchName: 'asc' } })
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
    const page = await (await fetch(`${server.origin}/rapport`)).text()
    const section = sectionOf(page, 'impact')
    const text = visibleText(section)
    expect(text).toContain(`Impact par commune en ${year}`)
    const line = (name: string, cost: number, unknown: number, staff: number, offers: number) => squeeze(`${name} ${euros(cost)} ${unknown} ${fte(staff)} ${offers}`)
    for (const c of expected) expect(text).toContain(line(c.name, c.annualCost, c.unknownCostOffers, c.staffFte, c.byOffer.length))
    const sum = (value: (c: (typeof expected)[number]) => number) => expected.reduce((total, c) => total + value(c), 0)
    expect(text).toContain(line('Total', sum((c) => c.annualCost), sum((c) => c.unknownCostOffers), sum((c) => c.staffFte), sum((c) => c.byOffer.length)))
    expect(expected.find((c) => c.name === 'Chenôve')!.byOffer).toContainEqual({ offer: { id: offerId } })

    const docx = squeeze((await docxText('/rapport.docx')).replace(/\n/g, ' '))
    expect(docx).toContain(`Impact par commune en ${year}`)
    for (const c of expected) expect(docx).toContain(line(c.name, c.annualCost, c.unknownCostOffers, c.staffFte, c.byOffer.length))
  })

  it('lists the due dates of the next twelve months in French, as offersDue gives them, in HTML and in Word', async () => {
    await createOffer()
    const { offersDue } = await query(`{ offersDue(withinMonths: 12, territory: "242100410") { date label offer { name kindLabel } } }`)
    const mine = offersDue.filter((due: any) => due.offer.name === offerName)
    expect(mine.map((due: any) => [due.date, due.label])).toEqual([[notice, 'Date limite de préavis'], [renewal, 'Reconduction']])
    const longDate = (iso: string) => longFrenchDate(new Date(`${iso}T00:00:00.000Z`))
    expect(longDate(renewal)).toMatch(/^1er [a-zéû]+ \d{4}$/)

    const section = sectionOf(await (await fetch(`${server.origin}/rapport`)).text(), 'echeances')
    expect(visibleText(section)).toContain('Échéances à venir')
    expect(section.match(/<tr>/g)).toHaveLength(offersDue.length + 1)
    for (const due of offersDue) expect(visibleText(section)).toContain(squeeze(`${longDate(due.date)} ${due.offer.name} (${due.offer.kindLabel}) ${due.label}`))

    const docx = await docxText('/rapport.docx')
    expect(docx).toContain('Échéances à venir')
    for (const due of mine) expect(docx).toContain(`${longDate(due.date)}\n${offerName}\n${due.offer.kindLabel}\n${due.label}`)
  })

  it('stacks its tables on a phone (all but the two-column counts): every cell names its column', async () => {
    await createOffer()
    const page = await (await fetch(`${server.origin}/rapport?depuis=2022-01-01`)).text()
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
    const other = await createOtherTerritory()
    const anonymous = await fetch(`${server.origin}/rapport`)
    expect(anonymous.status).toBe(400)
    expect(await anonymous.text()).toMatch(/territoire=/)
    const named = visibleText(await (await fetch(`${server.origin}/rapport?territoire=${other.territory.siren}`)).text())
    expect(named).toContain('Action ailleurs')
    expect(named).not.toContain(squeeze(frenchText(dijonSeed.actions[0].title)))
    const analyst = await signedInAs('ANALYST')
    const created = await analyst.client('mutation { createApiToken(name: "rapport") { ... on CreatedApiToken { secret } } }')
    const own = await fetch(`${server.origin}/rapport`, { headers: { authorization: `Bearer ${created.data!.createApiToken.secret}` } })
    expect(visibleText(await own.text())).toContain(squeeze(frenchText(dijonSeed.actions[0].title)))
  })
})

describe('rapport: its Word and Excel versions', () => {
  const wordType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  const excelType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  /** The download links of the page: address and label. */
  const downloads = (page: string) =>
    [...page.slice(page.indexOf('<section id="telecharger"'), page.indexOf('</section>', page.indexOf('<section id="telecharger"'))).matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map(([, href, label]) => ({ href: decode(href), label: decode(label) }))

  it('are linked for the territory shown and its period, and each link answers with its file', async () => {
    const other = await createOtherTerritory()
    for (const siren of ['242100410', other.territory.siren]) {
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
