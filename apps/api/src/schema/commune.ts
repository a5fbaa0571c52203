import { queryFromInfo } from '@pothos/plugin-prisma'
import { visibleParticipationsWhere } from '../auth/visibility.ts'
import { builder } from '../builder.ts'
import { requestLimits } from '../request-limits.ts'
import { db } from '../db.ts'
import { joinOpportunitiesOf } from '../mutualisation/join-opportunities.service.ts'
import { territoryArgs, territoryWhere } from './territory.ts'
import { JoinOpportunity } from './join-opportunity.ts'

export const Commune = builder.prismaNode('Organisation', {
  variant: 'Commune',
  id: { field: 'id' },
  nullable: true,
  description: 'A member commune of the territory, with its official codes.',
  fields: (t) => ({
    inseeCode: t.string({ resolve: (commune) => commune.inseeCode ?? '' }),
    siren: t.string({ resolve: (commune) => commune.siren ?? '' }),
    name: t.exposeString('name'),
    population: t.exposeInt('population', { nullable: true }),
    territory: t.relation('territory'),
    participations: t.relation('participations', {
      // One row per action the body takes part in: the EPCI itself takes part in most of its schéma, so
      // this list is counted as long as a territory's list, not as an ordinary nested one.
      complexity: { field: 1, multiplier: requestLimits.territoryListSize },
      query: (_args, { viewer }) => ({ where: visibleParticipationsWhere(viewer), orderBy: { action: { position: 'asc' } } }),
    }),
    joinable: t.field({
      type: [JoinOpportunity],
      description: 'What the commune can join: open actions, or actions whose opening is studied, it is not yet a member of.',
      deprecationReason: 'Use offers(membership: [JOINABLE, UNDER_STUDY]): a commune joins an offer, not an action; a convention between other parties is never offered.',
      select: { id: true, territoryId: true },
      resolve: (commune, _args, context, info) => joinOpportunitiesOf(commune, context.viewer, queryFromInfo({ context, info, typeName: 'Action', path: ['action'] })),
    }),
  }),
})

builder.queryFields((t) => ({
  communes: t.prismaField({
    type: [Commune],
    args: { ...territoryArgs },
    resolve: (query, _root, args) =>
      db.organisation.findMany({ ...query, where: { kind: 'COMMUNE', ...territoryWhere(args.territory) }, orderBy: { searchName: 'asc' } }),
  }),
  commune: t.prismaField({
    type: Commune,
    nullable: true,
    args: { inseeCode: t.arg.string({ required: true, description: 'Code officiel géographique (INSEE) of the commune, e.g. 21231.' }) },
    resolve: (query, _root, args) => db.organisation.findFirst({ ...query, where: { kind: 'COMMUNE', inseeCode: args.inseeCode } }),
  }),
}))
