import { describe, expect, it } from 'vitest'
import { dijonSeed, dijonSourceText } from '../fixtures/seed.ts'

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim()
const sourceLines = dijonSourceText.split('\n').map(collapse).filter(Boolean)

describe('Dijon seed against the source document', () => {
  it('covers every line of the source: in an action, a domain heading, or a listed non-action line', () => {
    const actionTexts = dijonSeed.actions.map((a) => collapse(a.sourceText))
    // A heading may wrap over two lines of the source (« ANIMATION EQUIPEMENTS » / « SPORTIFS »).
    const headings = dijonSeed.domains.flatMap((d) => (d.sourceHeading ? [collapse(d.sourceHeading)] : []))
    const other = new Set(dijonSeed.nonActionLines.map(collapse))
    const uncovered = sourceLines.filter((line) => !headings.some((heading) => heading.includes(line)) && !other.has(line) && !actionTexts.some((text) => text.includes(line)))
    expect(uncovered).toEqual([])
  })

  it("keeps each action's title, description and progress notes verbatim from its source text", () => {
    for (const action of dijonSeed.actions) {
      const source = collapse(action.sourceText)
      for (const piece of [action.title, action.description, ...action.progress.map((p) => p.text)]) {
        if (piece) expect(source, `${action.key}`).toContain(collapse(piece))
      }
    }
  })

  it("builds each action's source text from whole lines of the source, nothing added", () => {
    const lines = [...new Set(sourceLines)].sort((a, b) => b.length - a.length)
    for (const action of dijonSeed.actions) {
      let rest = collapse(action.sourceText)
      while (rest) {
        const line = lines.find((candidate) => rest.startsWith(candidate))
        expect(line, `${action.key}: « ${rest.slice(0, 60)}… » is not a line of the source`).toBeDefined()
        rest = rest.slice(line!.length).trimStart()
      }
    }
  })

  it('has about 120 actions in about 30 domains, each domain used', () => {
    expect(dijonSeed.actions.length).toBeGreaterThanOrEqual(100)
    expect(dijonSeed.domains.length).toBeGreaterThanOrEqual(25)
    const used = new Set(dijonSeed.actions.map((a) => a.domain))
    expect(dijonSeed.domains.filter((d) => !used.has(d.key))).toEqual([])
  })
})
