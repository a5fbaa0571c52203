import SchemaBuilder from '@pothos/core'
import ComplexityPlugin from '@pothos/plugin-complexity'
import ErrorsPlugin from '@pothos/plugin-errors'
import PrismaPlugin from '@pothos/plugin-prisma'
import RelayPlugin from '@pothos/plugin-relay'
import ScopeAuthPlugin from '@pothos/plugin-scope-auth'
import { canReadPrivate } from './auth/viewer.ts'
import { anonymousMayRead } from './auth/read-access.ts'
import type { Context } from './context.ts'
import { db } from './db.ts'
import { forbidden, unauthenticated } from './errors.ts'
import { listSizeOf } from './list-sizes.ts'
import { estimatedFieldCost, requestLimits, requestRefused } from './request-limits.ts'
import type PrismaTypes from './generated/pothos-types.ts'
import { getDatamodel } from './generated/pothos-types.ts'

const pageSize = { default: 50, max: 200 }
const formatCount = (count: number) => count.toLocaleString('fr-FR')

export const builder = new SchemaBuilder<{
  Context: Context
  PrismaTypes: PrismaTypes
  DefaultFieldNullability: false
  AuthScopes: {
    /** Published data: anyone, unless a territory asks for a login. */
    readPublished: boolean
    signedIn: boolean
    admin: boolean
    /** Admins and analysts: what is never public (pending requests, users, audit log). */
    readPrivate: boolean
    /** Editors (and admins) may speak for organisations; which ones is checked against the data. */
    editor: boolean
  }
  Scalars: {
    Date: { Input: Date; Output: Date }
    ID: { Input: string; Output: string }
  }
}>({
  plugins: [ScopeAuthPlugin, ComplexityPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: ({ viewer }) => ({
      readPublished: () => viewer.kind === 'user' || anonymousMayRead(),
      signedIn: viewer.kind === 'user',
      admin: viewer.kind === 'user' && viewer.role === 'ADMIN',
      readPrivate: canReadPrivate(viewer),
      editor: viewer.kind === 'user' && (viewer.role === 'EDITOR' || viewer.role === 'ADMIN'),
    }),
    unauthorizedError: (_parent, context) => (context.viewer.kind === 'user' ? forbidden() : unauthenticated()),
  },
  // Depth stays graphql-armor's (use-query-limits.ts); this counts what the answer would hold.
  complexity: {
    fieldComplexity: (args, _context, field) => estimatedFieldCost(args, field, pageSize, listSizeOf),
    limit: { complexity: requestLimits.estimatedObjects },
    complexityError: (_kind, { complexity }) =>
      requestRefused(
        `Requête trop coûteuse : environ ${formatCount(complexity)} objets estimés, ${formatCount(requestLimits.estimatedObjects)} au plus. Paginez (first, after) ou demandez moins de listes imbriquées.`,
        'QUERY_TOO_EXPENSIVE',
      ),
  },
  errors: { defaultTypes: [] },
  prisma: {
    client: db,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    maxConnectionSize: pageSize.max,
    defaultConnectionSize: pageSize.default,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // schema/node.ts defines them, each id read on its own and checked against its type's rule.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
})

builder.queryType({ authScopes: { readPublished: true } })
builder.mutationType({})
