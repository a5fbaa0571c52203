import type { TadaDocumentNode } from '@mutualis/schema/graphql'
import type { Reader } from './read-as.ts'

/** A list as our paged documents name it: `page: <list>(…, after: $after)`. */
export interface Paged<Node> {
  page: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: ReadonlyArray<{ node: Node }> }
}

/** Every node of a list, page after page, each page read as the API answers it. */
export async function allNodes<Node, Variables extends { after?: string | null }>(
  read: Reader,
  document: TadaDocumentNode<Paged<Node>, Variables>,
  variables: Omit<Variables, 'after'>,
): Promise<Node[]> {
  const nodes: Node[] = []
  let after: string | null = null
  do {
    const { page }: Paged<Node> = await read(document, { ...variables, after } as Variables)
    nodes.push(...page.edges.map((edge) => edge.node))
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null
  } while (after)
  return nodes
}
