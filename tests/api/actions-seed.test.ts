import { describe, expect, it } from 'vitest'
import { query } from '../fixtures/graphql.ts'
import { dijonOfficial, dijonSeed } from '../fixtures/seed.ts'

// Dijon's actions as its document gives them: the seed is the subject here. Filters, search and
// writes are tested on data of their own in actions.test.ts.

interface ActionNode {
  key: string
  title: string
  status: string
  effectiveDate: string | null
  plannedDate: string | null
  domain: { name: string }
  participants: Array<{ organisation: { name: string }; role: string; state: string }>
  progressUpdates: Array<{ date: string; text: string; statusAfter: string }>
}

async function allActions() {
  const nodes: ActionNode[] = []
  let after: string | null = null
  let totalCount = 0
  do {
    const { actions }: { actions: any } = await query(
      `query ($after: String) {
        actions(first: 50, after: $after, territory: "242100410") {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { key title status effectiveDate plannedDate domain { name }
            participants { organisation { name } role state }
            progressUpdates { date text statusAfter } } }
        }
      }`,
      { after },
    )
    totalCount = actions.totalCount
    nodes.push(...actions.edges.map((edge: { node: ActionNode }) => edge.node))
    after = actions.pageInfo.hasNextPage ? actions.pageInfo.endCursor : null
  } while (after)
  return { nodes, totalCount }
}

/** The names the seed's organisation references stand for, worked out from the seed and official data alone. */
function expectedNames(ref: string): string[] {
  if (ref === 'metropole') return [dijonOfficial.name]
  if (ref === 'all-communes') return dijonOfficial.communes.map((c) => c.name)
  if (ref.startsWith('commune:')) return [ref.slice('commune:'.length)]
  return [dijonSeed.organisations.find((o) => o.key === ref)!.name]
}

describe('Dijon’s actions', () => {
  it('returns every action of the seed, in order, with its status, dates, domain, participants and progress', async () => {
    const { nodes, totalCount } = await allActions()
    expect(totalCount).toBe(dijonSeed.actions.length)
    expect(nodes.map((n) => n.key)).toEqual(dijonSeed.actions.map((a) => a.key))
    const domainName = new Map(dijonSeed.domains.map((d) => [d.key, d.name]))
    for (const [i, seeded] of dijonSeed.actions.entries()) {
      const node = nodes[i]
      expect(node).toMatchObject({ title: seeded.title, status: seeded.status, effectiveDate: seeded.effectiveDate, plannedDate: seeded.plannedDate })
      expect(node.domain.name).toBe(domainName.get(seeded.domain))
      expect(node.progressUpdates.map((p) => p.text)).toEqual(seeded.progress.map((p) => p.text))
      const names = new Set(seeded.participants.flatMap((p) => expectedNames(p.organisation)))
      expect(new Set(node.participants.map((p) => p.organisation.name))).toEqual(names)
    }
  })
})
