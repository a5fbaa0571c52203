import { canSeeApiToken } from '@mutualis/domain'
import { signedIn } from '../auth/viewer.ts'
import { readerOf } from '../auth/visibility.ts'
import { builder } from '../builder.ts'
import { db } from '../db.ts'
import { createApiToken, revokeApiToken } from '../accounts/api-tokens.service.ts'
import { writeErrors } from './errors.ts'
import { readBack } from './writes.ts'

const ApiTokenRef = builder.prismaNode('ApiToken', {
  id: { field: 'id' },
  description: 'A bearer token for scripts (Authorization: Bearer …). Its secret is shown once, at creation.',
  nullable: true,
  authScopes: (token, { viewer }) => canSeeApiToken(readerOf(viewer), token),
  fields: (t) => ({
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'First characters of the secret, to recognise it.' }),
    createdAt: t.expose('createdAt', { type: 'Date' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'Date', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'Date', nullable: true }),
  }),
})

const CreatedApiToken = builder.objectRef<{ tokenId: string; secret: string }>('CreatedApiToken').implement({
  fields: (t) => ({
    secret: t.exposeString('secret', { description: 'The token itself: copy it now, it will not be shown again.' }),
    token: t.prismaField({ type: ApiTokenRef, resolve: (query, created) => db.apiToken.findUniqueOrThrow({ ...query, where: { id: created.tokenId } }) }),
  }),
})

builder.queryField('myApiTokens', (t) =>
  t.prismaField({
    type: [ApiTokenRef],
    skipTypeScopes: true,
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, { viewer }) =>
      viewer.kind === 'user' ? db.apiToken.findMany({ ...query, where: { userId: viewer.userId }, orderBy: { createdAt: 'desc' } }) : [],
  }),
)

builder.mutationFields((t) => ({
  createApiToken: t.field({
    type: CreatedApiToken,
    authScopes: { signedIn: true },
    errors: { types: writeErrors, directResult: true, union: { name: 'CreateApiTokenResult' } },
    args: { name: t.arg.string({ required: true, description: 'What the token is for (« tableur budget », « script DGS »…).' }) },
    resolve: async (_root, { name }, { viewer }) => {
      const user = signedIn(viewer)
      const { token, secret } = await createApiToken(user, name)
      return { tokenId: token.id, secret }
    },
  }),
  revokeApiToken: t.prismaField({
    type: ApiTokenRef,
    authScopes: { signedIn: true },
    errors: { types: writeErrors, directResult: true, union: { name: 'RevokeApiTokenResult' } },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: (query, _root, { id }, { viewer }) =>
      readBack(query, revokeApiToken(signedIn(viewer), id.id), (args) => db.apiToken.findUniqueOrThrow(args)),
  }),
}))
