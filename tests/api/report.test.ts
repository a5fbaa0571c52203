import { inflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { statusLabels } from '@mutualis/domain'
import { createHttpHandler } from '@mutualis/api/http.ts'
import { listenDuringTests } from '../fixtures/http-server.ts'
import { signedInAs } from '../fixtures/accounts.ts'
import { dijonSeed } from '../fixtures/seed.ts'
import { createOtherTerritory } from '../fixtures/territories.ts'

const server = listenDuringTests(createHttpHandler(() => false))

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" }
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, name: string) => entities[name])
/** The text a reader sees: tags dropped, entities decoded, spaces collapsed. */
const visibleText = (markup: string) => decode(markup.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ')
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim()

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
      expect(text, action.key).toContain(squeeze(action.title))
      for (const update of action.progress) expect(text, action.key).toContain(squeeze(update.text))
    }
    const domainStarts = dijonSeed.domains.filter((d) => dijonSeed.actions.some((a) => a.domain === d.key)).map((d) => page.indexOf(`id="domaine-${d.key}"`))
    expect(domainStarts.every((position) => position > 0)).toBe(true)
    expect(domainStarts).toEqual([...domainStarts].sort((a, b) => a - b))
    for (const action of dijonSeed.actions) {
      const section = page.slice(page.indexOf(`id="domaine-${action.domain}"`))
      expect(visibleText(section.slice(0, section.indexOf('</section>')))).toContain(squeeze(action.title))
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
    for (const action of dijonSeed.actions) expect(text, action.key).toContain(action.title)
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

describe('rapport with several territories', () => {
  it('is about the reader’s territory, or the one named, and asks anonymous readers to name one', async () => {
    const other = await createOtherTerritory()
    const anonymous = await fetch(`${server.origin}/rapport`)
    expect(anonymous.status).toBe(400)
    expect(await anonymous.text()).toMatch(/territoire=/)
    const named = visibleText(await (await fetch(`${server.origin}/rapport?territoire=${other.territory.siren}`)).text())
    expect(named).toContain('Action ailleurs')
    expect(named).not.toContain(squeeze(dijonSeed.actions[0].title))
    const analyst = await signedInAs('ANALYST')
    const created = await analyst.client('mutation { createApiToken(name: "rapport") { ... on CreatedApiToken { secret } } }')
    const own = await fetch(`${server.origin}/rapport`, { headers: { authorization: `Bearer ${created.data!.createApiToken.secret}` } })
    expect(visibleText(await own.text())).toContain(squeeze(dijonSeed.actions[0].title))
  })
})
