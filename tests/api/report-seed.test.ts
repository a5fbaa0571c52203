import { describe, expect, it } from 'vitest'
import { frenchText, statusLabels, typographyMistakes } from '@mutualis/domain'
import { createHttpHandler } from '@mutualis/api/http/handler.ts'
import { listenDuringTests } from '../fixtures/http-server.ts'
import { decode, docxText, printedText, squeeze, unzipEntry, visibleText } from '../fixtures/report-text.ts'
import { dijonSeed } from '../fixtures/seed.ts'

// Dijon's rapport d'avancement: its 31 pages carry the source document, in French typography. How
// the report is made (impact, due dates, access, several territories) is tested on data of its own
// in report.test.ts.
const server = listenDuringTests(createHttpHandler(() => false))

describe('rapport d’avancement of Dijon Métropole', () => {
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
    const docx = await docxText(`${server.origin}/rapport.docx?depuis=2022-01-01`)
    expect(docx).toContain('Depuis le 01/01/2022\u00A0: ')
    expect(typographyMistakes(docx)).toEqual([])
  })
})
