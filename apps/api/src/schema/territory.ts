import { signedIn } from '../auth/viewer.ts'
import { builder } from '../builder.ts'
import { audit } from '../audit/audit.service.ts'
import { db } from '../db.ts'
import { LegalTypeEnum } from './enums.ts'

builder.prismaNode('Territory', {
  id: { field: 'id' },
  nullable: true,
  description: "An intercommunality (EPCI) and its schéma de mutualisation.",
  fields: (t) => ({
    siren: t.exposeString('siren'),
    name: t.exposeString('name'),
    legalType: t.expose('legalType', { type: LegalTypeEnum }),
  }),
})

builder.queryFields((t) => ({
  territories: t.prismaField({
    type: ['Territory'],
    resolve: (query) => db.territory.findMany({ ...query, orderBy: { name: 'asc' } }),
  }),
  territory: t.prismaField({
    type: 'Territory',
    nullable: true,
    args: { siren: t.arg.string({ required: true }) },
    resolve: (query, _root, args) => db.territory.findUnique({ ...query, where: { siren: args.siren } }),
  }),
}))

builder.prismaObjectField('Territory', 'requireLoginToRead', (t) =>
  t.exposeBoolean('requireLoginToRead', { description: 'When true, reading even the published schéma needs a login.' }),
)

builder.mutationField('updateTerritorySettings', (t) =>
  t.prismaField({
    type: 'Territory',
    authScopes: { admin: true },
    args: { requireLoginToRead: t.arg.boolean({ required: true }) },
    resolve: async (query, _root, args, { viewer }) => {
      const user = signedIn(viewer)
      return db.$transaction(async (tx) => {
        const before = await tx.territory.findUniqueOrThrow({ where: { id: user.territoryId } })
        const after = await tx.territory.update({ ...query, where: { id: user.territoryId }, data: { requireLoginToRead: args.requireLoginToRead } })
        await audit(tx, user, { territoryId: user.territoryId, operation: 'updateTerritorySettings', entityType: 'Territory', entityId: user.territoryId, before, after })
        return after
      })
    },
  }),
)
