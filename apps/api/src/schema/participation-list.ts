import { builder } from '../builder.ts'
import { db } from '../db.ts'
import { participationWhere } from '../analytics/list-filters.ts'
import { visibleParticipationsWhere } from '../auth/visibility.ts'
import type { Prisma } from '../generated/sqlite/client.ts'
import type { Viewer } from '../auth/viewer.ts'
import { InstrumentEnum, OrganisationKindEnum, ParticipationRoleEnum, ParticipationStateEnum } from './enums.ts'
import { listOrder } from './list-order.ts'
import { territoryArgs } from './territory.ts'

export const ParticipationFilter = builder.inputType('ParticipationFilter', {
  fields: (t) => ({
    state: t.field({ type: [ParticipationStateEnum], required: false }),
    role: t.field({ type: [ParticipationRoleEnum], required: false }),
    organisationKind: t.field({ type: [OrganisationKindEnum], required: false }),
    organisation: t.globalID({ required: false, description: 'Global id of an Organisation or Commune.' }),
    communeInseeCode: t.string({ required: false }),
    action: t.globalID({ required: false, description: 'Global id of an Action.' }),
    domain: t.globalID({ required: false, description: 'Global id of the Domain of the action.' }),
    instrument: t.field({ type: [InstrumentEnum], required: false, description: 'Instrument of the action.' }),
    sharedService: t.globalID({ required: false, description: 'Global id of the offer (or SharedService) the action advances.' }),
    sinceFrom: t.field({ type: 'Date', required: false, description: 'Taking part since this day or later.' }),
    sinceTo: t.field({ type: 'Date', required: false, description: 'Taking part since this day or earlier.' }),
    updatedSince: t.field({ type: 'Date', required: false, description: 'Only participations changed on or after this day.' }),
  }),
})

export const participationOrder = listOrder<'ACTION' | 'ORGANISATION' | 'SINCE' | 'UPDATED_AT', Prisma.ParticipationOrderByWithRelationInput>(
  'Participation',
  {
    ACTION: { description: 'Action in document order, then organisation name (default).', orderBy: (d) => [{ action: { position: d } }, { organisation: { searchName: d } }] },
    ORGANISATION: { description: 'Organisation name, then action in document order.', orderBy: (d) => [{ organisation: { searchName: d } }, { action: { position: d } }] },
    SINCE: { description: 'Start date; unknown ones last.', orderBy: (d) => [{ since: { sort: d, nulls: 'last' } }] },
    UPDATED_AT: { description: 'Last change.', orderBy: (d) => [{ updatedAt: d }] },
  },
  'ACTION',
)

const visibleWhere = (args: { filter?: Parameters<typeof participationWhere>[0]; territory?: string | null }, viewer: Viewer) => ({
  AND: [participationWhere(args.filter, args.territory), visibleParticipationsWhere(viewer)],
})

builder.queryFields((t) => ({
  participations: t.prismaConnection({
    type: 'Participation',
    cursor: 'id',
    description: 'Who takes part in what, with role and state: one row per organisation and action.',
    args: { filter: t.arg({ type: ParticipationFilter, required: false }), orderBy: t.arg({ type: participationOrder.Input, required: false }), ...territoryArgs },
    resolve: (query, _root, args, { viewer }) =>
      db.participation.findMany({ ...query, where: visibleWhere(args, viewer), orderBy: participationOrder.toOrderBy(args.orderBy) }),
    totalCount: (_connection, args, { viewer }) => db.participation.count({ where: visibleWhere(args, viewer) }),
  }),
}))
