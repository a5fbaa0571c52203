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

  it('records each undertaking once: no two actions share a title and a source text', () => {
    const ids = dijonSeed.actions.map((a) => `${a.title} | ${collapse(a.sourceText)}`)
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
  })
})

describe('Dijon seed offers', () => {
  const offerKeys = new Set(dijonSeed.offers.map((o) => o.key))

  it("resolves every action's offer", () => {
    expect(dijonSeed.actions.filter((a) => a.offer !== null && !offerKeys.has(a.offer)).map((a) => a.key)).toEqual([])
  })

  it('gives every offer at least one action, but the one whose note sits under another offer’s action (seeds/README.md)', () => {
    const withAction = new Set(dijonSeed.actions.map((a) => a.offer))
    expect(dijonSeed.offers.filter((o) => !withAction.has(o.key)).map((o) => o.key)).toEqual(['plateforme-dette-finance-active'])
  })

  it('names every offer so that it reads on its own, not as the start of a task', () => {
    const taskStart = /^(mise en place|mutualisation des|mutualiser|signature de|après|création|extension|etudier|étudier|a étudier|à étudier|en cours|perspectives|a court terme|a plus)\b/i
    expect(dijonSeed.offers.filter((o) => taskStart.test(o.name)).map((o) => o.name)).toEqual([])
  })

  // Services communs and arrangements whose perimeter the source leaves unstated: it names only the
  // body running them, or nobody (seeds/README.md, « Readings for offers »). No party is invented.
  const partiesNotStated = ['appui-direction-generale', 'courrier', 'assemblees', 'communication-externe', 'logistique', 'reprographie', 'documentation', 'epfl', 'prestations-traiteurs', 'paysage-espaces-publics', 'eclairage-public-conventions', 'relations-internationales', 'territoire-projets', 'attributions-logement', 'renovation-urbaine']

  it('names at least two parties (provider and members) for every offer closed to others, except those whose perimeter the source leaves unstated', () => {
    const parties = (o: (typeof dijonSeed.offers)[number]) => (o.provider ? 1 : 0) + o.members.length
    const closed = dijonSeed.offers.filter((o) => o.eligibility === 'CLOSED')
    expect(closed.filter((o) => parties(o) < 2).map((o) => o.key).sort()).toEqual([...partiesNotStated].sort())
  })
})
