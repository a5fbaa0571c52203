import { Kind, type DocumentNode } from 'graphql'
import type { TadaDocumentNode } from '@mutualis/schema/graphql'
import { allNodes, type Paged } from '../reads/all-nodes.ts'
import type { Reader } from '../reads/read-as.ts'
import type { Cell } from './csv.ts'

/** A list as exported: its title, the filter its URL's parameters name, one column per header. */
export interface ExportList {
  title: string
  /** The list's filter input (`$filter: ActionFilter`), whose fields the URL's parameters name; null when it has none. */
  filterType: string | null
  header: string[]
  /** Every row, read page after page with the variables the URL gave. */
  rows(read: Reader, variables: Record<string, unknown>): Promise<Cell[][]>
}

/**
 * An export of a list, its columns typed by its document: a column reads only fields the document
 * asks for, with the types the schema gives them. `pageSize` rows a page must stay under the query
 * cost limit.
 */
export function exportList<Node, Variables extends { first?: number | null; after?: string | null }>(spec: {
  title: string
  pageSize: number
  document: TadaDocumentNode<Paged<Node>, Variables>
  columns: Array<[header: string, value: (node: Node) => Cell]>
}): ExportList {
  return {
    title: spec.title,
    filterType: variableType(spec.document, 'filter'),
    header: spec.columns.map(([header]) => header),
    async rows(read, variables) {
      // Read from the URL: GraphQL coerces and checks them against the document, as for any request to the API.
      const nodes = await allNodes(read, spec.document, { ...variables, first: spec.pageSize } as Omit<Variables, 'after'>)
      return nodes.map((node) => spec.columns.map(([, value]) => value(node)))
    },
  }
}

/** The named type of one of a document's variables, or null. */
function variableType(document: DocumentNode, name: string): string | null {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue
    const type = definition.variableDefinitions?.find((v) => v.variable.name.value === name)?.type
    if (type) return type.kind === Kind.NAMED_TYPE ? type.name.value : null
  }
  return null
}

/** A calendar day of the API (`2024-03-05`) as a spreadsheet date. */
export const day = (iso: string | null | undefined): Date | null => (iso ? new Date(`${iso}T00:00:00.000Z`) : null)
