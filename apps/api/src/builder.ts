import SchemaBuilder from '@pothos/core'
import ErrorsPlugin from '@pothos/plugin-errors'
import PrismaPlugin from '@pothos/plugin-prisma'
import RelayPlugin from '@pothos/plugin-relay'
import ScopeAuthPlugin from '@pothos/plugin-scope-auth'
import { canReadPrivate } from './auth/viewer.ts'
import { anonymousMayRead } from './auth/read-access.ts'
import type { Context } from './context.ts'
import { db } from './db.ts'
import { forbidden, unauthenticated } from './errors.ts'
import type PrismaTypes from './generated/pothos-types.ts'
import { getDatamodel } from './generated/pothos-types.ts'

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
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin],
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
  errors: { defaultTypes: [] },
  prisma: {
    client: db,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    maxConnectionSize: 200,
    defaultConnectionSize: 50,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
  },
})

builder.queryType({ authScopes: { readPublished: true } })
builder.mutationType({})
