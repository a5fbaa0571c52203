import { decodeGlobalID, resolveNodes } from '@pothos/plugin-relay'
import { isObjectType, type GraphQLResolveInfo } from 'graphql'
import { builder } from '../builder.ts'
import type { Context } from '../context.ts'
import { ValidationError } from '../errors.ts'
import { requestLimits } from '../request-limits.ts'

/**
 * `node` and `nodes`, written here rather than taken from the relay plugin: its fields fail the
 * whole answer on one unreadable id, and hand back any object whatever its type's own rule says.
 * Here an id that names nothing readable is `null` — malformed, of no known type, of no record
 * (node types load with `nullable: true`), or of a record the caller may not see — so the answer
 * never tells a private object from a missing one.
 */
const NodeRef = builder.nodeInterfaceRef()

async function visibleNodes(ids: readonly string[], context: Context, info: GraphQLResolveInfo): Promise<unknown[]> {
  const decoded = ids.map((id) => {
    try {
      const globalID = decodeGlobalID(id)
      const type = info.schema.getType(globalID.typename)
      return isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node') ? globalID : null
    } catch {
      return null
    }
  })
  const loaded = await resolveNodes(builder, context, info, decoded)
  return Promise.all(loaded.map(async (object, index) => (object && (await mayRead(decoded[index]!.typename, object, context)) ? object : null)))
}

/**
 * A node type's own authScopes (a function of the object, as User, JoinRequest, AuditEntry and
 * ApiToken declare), the rule scope-auth applies wherever else the object is reached. A type
 * without one is published: the query's readPublished scope already admitted the caller.
 */
async function mayRead(typename: string, object: unknown, context: Context): Promise<boolean> {
  const { authScopes } = builder.configStore.getTypeConfig(typename).pothosOptions as { authScopes?: unknown }
  if (authScopes === undefined) return true
  // Anything but a rule of the object (a map of scopes) is not understood here: closed.
  return typeof authScopes === 'function' && (await authScopes(object, context)) === true
}

builder.queryFields((t) => ({
  node: t.field({
    type: NodeRef,
    nullable: true,
    description: 'Any object by its global id; null when the id names nothing you may read.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, context, info) => (await visibleNodes([String(id)], context, info))[0] as never,
  }),
  nodes: t.field({
    type: [NodeRef],
    nullable: { list: false, items: true },
    description: `Objects by their global ids, in order (${requestLimits.nodesIds} at most); null for each id that names nothing you may read.`,
    args: { ids: t.arg.idList({ required: true }) },
    resolve: (_root, { ids }, context, info) => {
      if (ids.length > requestLimits.nodesIds) throw new ValidationError(`nodes accepte ${requestLimits.nodesIds} identifiants au plus (${ids.length} reçus).`, 'ids')
      return visibleNodes(ids.map(String), context, info) as never
    },
  }),
}))
