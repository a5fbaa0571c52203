import { builder } from '../builder.ts'
import { db } from '../db.ts'
import { territoryArgs, territoryWhere } from './lists.ts'

export const DomainRef = builder.prismaNode('Domain', {
  id: { field: 'id' },
  nullable: true,
  description: 'A thématique of the schéma (Courrier, Achats publics, Finances…).',
  fields: (t) => ({
    key: t.exposeString('key'),
    name: t.exposeString('name'),
    position: t.exposeInt('position', { description: 'Order of the domain in the source document.' }),
    actions: t.relation('actions', { query: { orderBy: { position: 'asc' } } }),
  }),
})

builder.queryFields((t) => ({
  domains: t.prismaField({
    type: ['Domain'],
    args: { ...territoryArgs },
    resolve: (query, _root, args) => db.domain.findMany({ ...query, where: territoryWhere(args.territory), orderBy: [{ territoryId: 'asc' }, { position: 'asc' }] }),
  }),
}))
