import { visibleParticipationsWhere } from '../auth/visibility.ts'
import { builder } from '../builder.ts'
import { db } from '../db.ts'
import { OrganisationKindEnum } from './enums.ts'
import { territoryArgs, territoryLongList, territoryWhere } from './lists.ts'

export const OrganisationRef = builder.prismaNode('Organisation', {
  id: { field: 'id' },
  nullable: true,
  description: 'A body taking part in the schéma: the EPCI, a commune, a CCAS, an EPL, an office de tourisme…',
  fields: (t) => ({
    kind: t.expose('kind', { type: OrganisationKindEnum }),
    name: t.exposeString('name'),
    inseeCode: t.exposeString('inseeCode', { nullable: true }),
    siren: t.exposeString('siren', { nullable: true }),
    population: t.exposeInt('population', { nullable: true }),
    territory: t.relation('territory'),
    participations: t.relation('participations', {
      complexity: territoryLongList,
      query: (_args, { viewer }) => ({ where: visibleParticipationsWhere(viewer), orderBy: { action: { position: 'asc' } } }),
    }),
  }),
})

builder.queryFields((t) => ({
  organisations: t.prismaField({
    type: ['Organisation'],
    args: { ...territoryArgs },
    resolve: (query, _root, args) =>
      db.organisation.findMany({ ...query, where: territoryWhere(args.territory), orderBy: [{ kind: 'asc' }, { searchName: 'asc' }] }),
  }),
}))
