import { getNamedType, getNullableType, GraphQLError, isListType, isObjectType, Lexer, Source, TokenKind, type GraphQLOutputType } from 'graphql'

/**
 * What one request may ask of the server. Mutualis is readable by anyone without an account, so
 * every bound here is reachable from the internet; docs/security.md lists the same values.
 */
export const requestLimits = {
  /** Nesting of `variables`: the deepest input of the schema is 3 levels; JSON walks recurse. */
  variablesDepth: 16,
  /** Items of one list in `variables`: each becomes a SQL parameter, and the database has a ceiling. */
  variablesListItems: 500,
  /** Brackets and braces open at once in a document's text: the parser recurses into each. */
  documentNesting: 64,
  /** Global ids in one `nodes(ids:)`. */
  nodesIds: 100,
  /**
   * Estimated objects and values an answer may hold: pages count `first`, other lists a realistic
   * size, nested lists multiply, and the `__typename`/`id` the response cache adds to each selection
   * count too. The commune page costs ~4,000, an export page of 100 actions ~26,000, a page of the
   * yearly report ~30,000; the document that once ate 4 GB, tens of billions.
   */
  estimatedObjects: 50_000,
  /** Realistic size of a list that has no page argument (a territory's communes, an action's participants). */
  listSize: 25,
  /** A list of the root query in one territory, and across all, until the real counts are read (list-sizes.ts). */
  territoryListSize: 150,
  nationalListSize: 1_000,
  /** Hard ceiling once running: field values resolved, then wall time. */
  resolvedValues: 250_000,
  executionMs: 10_000,
  /** Characters of a `search` filter. */
  searchText: 200,
} as const

/** An answer to a request refused before it runs, with the HTTP status it deserves. */
export function requestRefused(message: string, code = 'BAD_REQUEST', status = 400) {
  return new GraphQLError(message, { extensions: { code, http: { status } } })
}

/**
 * Why a `variables` value cannot be accepted, or undefined. Walks the value without recursion, so a
 * body nested 20,000 levels deep is refused instead of overflowing the stack of whatever walks it
 * next (the response cache's key, graphql-js's coercion).
 */
export function variablesProblem(variables: unknown): string | undefined {
  const stack: Array<[value: unknown, depth: number]> = [[variables, 0]]
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!
    if (value === null || typeof value !== 'object') continue
    if (depth >= requestLimits.variablesDepth) return `Variables trop imbriquées : ${requestLimits.variablesDepth} niveaux au plus.`
    if (Array.isArray(value) && value.length > requestLimits.variablesListItems) return `Liste trop longue dans les variables : ${requestLimits.variablesListItems} éléments au plus (${value.length} reçus).`
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push([child, depth + 1])
  }
  return undefined
}

/**
 * Why a document's text cannot be parsed safely, or undefined: graphql-js parses nested lists and
 * objects by recursion, and a few thousand `[` — well within the token limit — overflow the stack.
 * Counted with graphql-js's own lexer (strings and comments are single tokens), which does not recurse.
 */
export function documentProblem(query: unknown): string | undefined {
  if (typeof query !== 'string') return undefined
  const lexer = new Lexer(new Source(query))
  let depth = 0
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (opening.has(token.kind) && ++depth > requestLimits.documentNesting) {
        return `Document trop imbriqué : ${requestLimits.documentNesting} accolades, crochets ou parenthèses ouverts à la fois au plus.`
      }
      if (closing.has(token.kind)) depth--
    }
  } catch {
    return undefined // a syntax error: the parser reports it in its own words
  }
  return undefined
}

const opening = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L])
const closing = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R])

/**
 * The estimated cost of one field, for the complexity plugin: 1 for its own value, times what its
 * selection costs for each object it returns. A page counts `first` (or `last`, or the default page
 * size), never more than the largest page served nor than the rows of that type there are;
 * `nodes(ids:)` its ids; a list of the root query (they take a territory) the rows there are, in
 * its largest territory when one is named; any other list a realistic size; `edges` were already
 * counted by their connection.
 */
export function estimatedFieldCost(
  args: Record<string, unknown>,
  field: { name: string; type: GraphQLOutputType; args: readonly { name: string }[] },
  pageSize: { default: number; max: number },
  rowsOf: (typeName: string) => { total: number; largestTerritory: number } | undefined,
): { field: number; multiplier: number } {
  const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : undefined)
  const hasArg = (name: string) => field.args.some((arg) => arg.name === name)
  const rows = rowsOf(listedTypeName(field.type))
  if (hasArg('first') || hasArg('last')) {
    return { field: 1, multiplier: Math.min(count(args.first) ?? count(args.last) ?? pageSize.default, pageSize.max, rows?.total ?? Infinity) }
  }
  // Past its limit, nodes refuses with its own message; the estimate must not pre-empt it.
  if (field.name === 'nodes' && Array.isArray(args.ids)) return { field: 1, multiplier: Math.min(args.ids.length, requestLimits.nodesIds) }
  if (!isListType(getNullableType(field.type))) return { field: 1, multiplier: 1 }
  if (field.name === 'edges') return { field: 1, multiplier: 1 }
  // Only lists of the root query take a territory.
  if (hasArg('territory')) {
    const inTerritory = Boolean(args.territory)
    const multiplier = rows ? (inTerritory ? rows.largestTerritory : rows.total) : inTerritory ? requestLimits.territoryListSize : requestLimits.nationalListSize
    return { field: 1, multiplier }
  }
  return { field: 1, multiplier: requestLimits.listSize }
}

/** The object type a list or a connection holds (a connection's edges' node). */
function listedTypeName(type: GraphQLOutputType): string {
  const named = getNamedType(type)
  const edges = isObjectType(named) ? named.getFields().edges : undefined
  const node = edges && getNamedType(edges.type)
  return node && isObjectType(node) && node.getFields().node ? getNamedType(node.getFields().node.type).name : named.name
}
