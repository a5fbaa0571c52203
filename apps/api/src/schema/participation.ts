import { signedIn, type Viewer } from '../auth/viewer.ts'
import { visibleParticipationsWhere } from '../auth/visibility.ts'
import { builder } from '../builder.ts'
import { db } from '../db.ts'
import type { Prisma } from '../generated/sqlite/client.ts'
import { setParticipation } from '../mutualisation/catalog-admin.service.ts'
import { InstrumentEnum, OrganisationKindEnum, ParticipationRoleEnum, ParticipationStateEnum } from './enums.ts'
import { adminWrite, readBack } from './writes.ts'
import { dayRange, defined, idOf, listArgs, listed, listOrder, since, territoryWhere } from './lists.ts'

builder.prismaObject('Participation', {
  description: 'An organisation taking part in an action.',
  fields: (t) => ({
    organisation: t.relation('organisation'),
    action: t.relation('action'),
    role: t.expose('role', { type: ParticipationRoleEnum }),
    state: t.expose('state', { type: ParticipationStateEnum }),
    since: t.expose('since', { type: 'Date', nullable: true }),
  }),
})

const ParticipationFilter = builder.inputType('ParticipationFilter', {
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

type ParticipationFilterInput = typeof ParticipationFilter.$inferInput

/** The Prisma condition for a ParticipationFilter, among the participations the viewer may see. */
function participationWhere(filter: ParticipationFilterInput | null | undefined, territorySiren: string | null | undefined, viewer: Viewer): Prisma.ParticipationWhereInput {
  const filtered = defined({
    state: listed(filter?.state),
    role: listed(filter?.role),
    organisationId: idOf(filter?.organisation, 'Organisation', 'Commune'),
    organisation: filter?.communeInseeCode || filter?.organisationKind?.length
      ? defined({ inseeCode: filter.communeInseeCode ?? undefined, kind: listed(filter.organisationKind) })
      : undefined,
    actionId: idOf(filter?.action, 'Action'),
    action: defined({
      archivedAt: null,
      ...territoryWhere(territorySiren),
      domainId: idOf(filter?.domain, 'Domain'),
      instrument: listed(filter?.instrument),
      offerId: idOf(filter?.sharedService, 'SharedService', 'Offer'),
    }),
    since: dayRange(filter?.sinceFrom, filter?.sinceTo),
    updatedAt: since(filter?.updatedSince),
  })
  return { AND: [filtered, visibleParticipationsWhere(viewer)] }
}

const participationOrder = listOrder<'ACTION' | 'ORGANISATION' | 'SINCE' | 'UPDATED_AT', Prisma.ParticipationOrderByWithRelationInput>(
  'Participation',
  {
    ACTION: { description: 'Action in document order, then organisation name (default).', orderBy: (d) => [{ action: { position: d } }, { organisation: { searchName: d } }] },
    ORGANISATION: { description: 'Organisation name, then action in document order.', orderBy: (d) => [{ organisation: { searchName: d } }, { action: { position: d } }] },
    SINCE: { description: 'Start date; unknown ones last.', orderBy: (d) => [{ since: { sort: d, nulls: 'last' } }] },
    UPDATED_AT: { description: 'Last change.', orderBy: (d) => [{ updatedAt: d }] },
  },
  'ACTION',
)

builder.queryFields((t) => ({
  participations: t.prismaConnection({
    type: 'Participation',
    cursor: 'id',
    description: 'Who takes part in what, with role and state: one row per organisation and action.',
    args: listArgs(ParticipationFilter, participationOrder),
    resolve: (query, _root, args, { viewer }) =>
      db.participation.findMany({ ...query, where: participationWhere(args.filter, args.territory, viewer), orderBy: participationOrder.toOrderBy(args.orderBy) }),
    totalCount: (_connection, args, { viewer }) => db.participation.count({ where: participationWhere(args.filter, args.territory, viewer) }),
  }),
}))

const ParticipationInput = builder.inputType('ParticipationInput', {
  fields: (t) => ({
    actionId: t.globalID({ required: true }),
    organisationId: t.globalID({ required: true }),
    role: t.field({ type: ParticipationRoleEnum, required: true }),
    state: t.field({ type: ParticipationStateEnum, required: true, description: 'FORMER to take someone out while keeping the history.' }),
    since: t.field({ type: 'Date', required: false }),
  }),
})

builder.mutationFields((t) => ({
  setParticipation: t.prismaField({
    type: 'Participation',
    ...adminWrite('SetParticipationResult'),
    args: { input: t.arg({ type: ParticipationInput, required: true }) },
    resolve: (query, _root, { input }, { viewer }) =>
      readBack(query, setParticipation(signedIn(viewer), input.actionId.id, input.organisationId.id, input), (args) => db.participation.findUniqueOrThrow(args)),
  }),
}))
