import { decodeGlobalID } from '@pothos/plugin-relay'
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql'

/**
 * What a cached answer shows, collected while it is computed: the territories of the objects its
 * root fields resolved or of the SIREN they were given, or every territory (national lists, an id
 * that names nothing yet). Everything below a root field belongs to the territory of the object it
 * starts from, as the writes keep it: an offer's members, a commune's participations, an account's
 * organisations are all of one territory. The root value of a cached execution.
 */
export class AnswerScope {
  readonly territories = new Set<string>()
  readonly sirens = new Set<string>()
  anyTerritory = false

  /** An object a root field resolved, of GraphQL type `typename`; null: nothing now, perhaps something anywhere later. */
  shows(typename: string | undefined, object: unknown) {
    const row = object as { id?: unknown; territoryId?: unknown } | null | undefined
    const territoryId = typename === 'Territory' ? row?.id : row?.territoryId
    if (typeof territoryId === 'string') this.territories.add(territoryId)
    else this.anyTerritory = true
  }

  /** The clock's parts (invalidation-clock.ts) the answer depends on, with those of its reader. */
  parts(reader: { userId: string; territoryId: string } | undefined): string[] {
    const parts = ['anywhere']
    if (this.anyTerritory) parts.push('territories')
    for (const id of this.territories) parts.push(`territory:${id}`)
    for (const siren of this.sirens) parts.push(`siren:${siren}`)
    if (reader) parts.push(`territory:${reader.territoryId}`, `user:${reader.userId}`)
    return parts
  }
}

/** The parts of the clock a write moves: its territories (by id and by SIREN, as answers name them) and accounts. */
export function partsWritten(territories: ReadonlyArray<{ id: string; siren: string }>, userIds: readonly string[]): string[] {
  return [...territories.flatMap(({ id, siren }) => [`territory:${id}`, `siren:${siren}`]), ...(territories.length > 0 ? ['territories'] : []), ...userIds.map((id) => `user:${id}`)]
}

/** The global id's type, or undefined for an id that is not one. */
function typenameOf(id: unknown): string | undefined {
  try {
    return decodeGlobalID(String(id)).typename
  } catch {
    return undefined
  }
}

type Args = Record<string, unknown>
type Rule = (scope: AnswerScope, args: Args, result: unknown) => void

/**
 * What each root field's answer shows, when it is not the rule of every other: a root field with a
 * `territory` argument shows that territory when it is given, and any other shows every territory.
 * A new root field is thus never cached too narrowly; it is listed here to be cached better.
 */
const rules: Record<string, Rule> = {
  // The reader's own account and tokens, the accounts and audit log of their territory: what every
  // signed-in answer depends on already (AnswerScope.parts). Anonymous readers get null or an error.
  me: () => {},
  myApiTokens: () => {},
  users: () => {},
  auditLog: () => {},
  territory: (scope, args) => void scope.sirens.add(String(args.siren)),
  // Any territory's row with the code could answer; writes that add, move or retire one reach every
  // answer (db/write-scopes.ts), the others change only the row found, of its territory.
  commune: (scope, args, commune) => {
    if (typeof args.territory === 'string' && args.territory) scope.sirens.add(args.territory)
    scope.shows('Commune', commune)
  },
  node: (scope, args, object) => scope.shows(typenameOf(args.id), object),
  nodes: (scope, args, objects) => {
    const ids = args.ids as unknown[]
    ;(objects as unknown[]).forEach((object, index) => scope.shows(typenameOf(ids[index]), object))
  },
}

const byTerritoryArgument: Rule = (scope, args) => {
  if (typeof args.territory === 'string' && args.territory) scope.sirens.add(args.territory)
  else scope.anyTerritory = true
}
const everyTerritory: Rule = (scope) => void (scope.anyTerritory = true)

/**
 * Makes each root query field record what it shows into the execution's root value, when that is an
 * AnswerScope (a cached read); other executions pass through unchanged.
 */
export function withAnswerScopes(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    const rule = rules[field.name] ?? (field.args.some((arg) => arg.name === 'territory') ? byTerritoryArgument : everyTerritory)
    const resolve = field.resolve as GraphQLFieldResolver<unknown, unknown>
    field.resolve = (root, args, context, info) => {
      if (!(root instanceof AnswerScope)) return resolve(root, args, context, info)
      return Promise.resolve(resolve(root, args, context, info)).then((result) => {
        rule(root, args, result)
        return result
      })
    }
  }
  return schema
}
