import { signedIn } from '../auth/viewer.ts'
import { builder } from '../builder.ts'
import { db } from '../db.ts'
import type { Prisma, ProgressUpdate } from '../generated/sqlite/client.ts'
import { recordProgress } from '../mutualisation/record-progress.service.ts'
import { ActionRef } from './action.ts'
import { ActionStatusEnum } from './enums.ts'
import { writeErrors } from './errors.ts'
import { dayRange, defined, idOf, listArgs, listed, listOrder, since, territoryWhere } from './lists.ts'

export const ProgressUpdateRef = builder.prismaNode('ProgressUpdate', {
  id: { field: 'id' },
  nullable: true,
  description: "A point d'avancement: what was reported about an action, and the status it left it in.",
  fields: (t) => ({
    date: t.expose('date', { type: 'Date' }),
    statusAfter: t.expose('statusAfter', { type: ActionStatusEnum }),
    text: t.exposeString('text'),
    author: t.exposeString('author', { nullable: true }),
    meeting: t.exposeString('meeting', { nullable: true }),
    action: t.relation('action'),
  }),
})

const ProgressUpdateFilter = builder.inputType('ProgressUpdateFilter', {
  fields: (t) => ({
    statusAfter: t.field({ type: [ActionStatusEnum], required: false, description: 'Status the update left the action in.' }),
    action: t.globalID({ required: false, description: 'Global id of an Action.' }),
    domain: t.globalID({ required: false, description: 'Global id of the Domain of the action.' }),
    communeInseeCode: t.string({ required: false, description: 'Only updates of actions this commune takes part in.' }),
    dateFrom: t.field({ type: 'Date', required: false, description: 'Dated this day or later.' }),
    dateTo: t.field({ type: 'Date', required: false, description: 'Dated this day or earlier.' }),
    updatedSince: t.field({ type: 'Date', required: false, description: 'Recorded on or after this day (whatever day it speaks of).' }),
    meeting: t.string({ required: false, description: 'Exact name of the meeting or report it was given in.' }),
  }),
})

function progressUpdateWhere(filter: typeof ProgressUpdateFilter.$inferInput | null | undefined, territorySiren?: string | null): Prisma.ProgressUpdateWhereInput {
  return defined({
    statusAfter: listed(filter?.statusAfter),
    actionId: idOf(filter?.action, 'Action'),
    action: defined({
      archivedAt: null,
      ...territoryWhere(territorySiren),
      domainId: idOf(filter?.domain, 'Domain'),
      participants: filter?.communeInseeCode ? { some: { organisation: { inseeCode: filter.communeInseeCode } } } : undefined,
    }),
    date: dayRange(filter?.dateFrom, filter?.dateTo),
    // A point d'avancement is never edited: it is new since the day it was recorded.
    createdAt: since(filter?.updatedSince),
    meeting: filter?.meeting ?? undefined,
  })
}

const progressUpdateOrder = listOrder<'DATE' | 'ACTION' | 'RECORDED_AT', Prisma.ProgressUpdateOrderByWithRelationInput>(
  'ProgressUpdate',
  {
    DATE: { description: 'Date, then recording order (default).', orderBy: (d) => [{ date: d }, { createdAt: d }] },
    ACTION: { description: 'Action in document order, then date.', orderBy: (d) => [{ action: { position: d } }, { date: d }, { createdAt: d }] },
    RECORDED_AT: { description: 'When it was recorded.', orderBy: (d) => [{ createdAt: d }] },
  },
  'DATE',
)

builder.queryFields((t) => ({
  progressUpdates: t.prismaConnection({
    type: 'ProgressUpdate',
    cursor: 'id',
    description: "Points d'avancement of every action.",
    args: listArgs(ProgressUpdateFilter, progressUpdateOrder),
    resolve: (query, _root, args) =>
      db.progressUpdate.findMany({ ...query, where: progressUpdateWhere(args.filter, args.territory), orderBy: progressUpdateOrder.toOrderBy(args.orderBy) }),
    totalCount: (_connection, args) => db.progressUpdate.count({ where: progressUpdateWhere(args.filter, args.territory) }),
  }),
}))

const RecordProgressInput = builder.inputType('RecordProgressInput', {
  fields: (t) => ({
    actionId: t.globalID({ required: true }),
    status: t.field({ type: ActionStatusEnum, required: true, description: 'The status the action is in after this update.' }),
    note: t.string({ required: true, description: "The point d'avancement, plain text (at most 5,000 characters)." }),
    date: t.field({ type: 'Date', required: true }),
    meeting: t.string({ required: false, description: 'The meeting it was decided at (comité, copil…).' }),
    clientMutationId: t.string({ required: true, description: 'Chosen by the client, unique per submission: replays are recorded once.' }),
    expectedVersion: t.int({ required: true, description: 'The action version the user saw; a different current version is a conflict.' }),
  }),
})

const RecordProgressSuccess = builder.objectRef<{ update: ProgressUpdate; actionId: string; replayed: boolean }>('RecordProgressSuccess').implement({
  fields: (t) => ({
    // The update is already read whole; its action, if asked for, is loaded like any relation.
    update: t.field({ type: ProgressUpdateRef, resolve: (result) => result.update }),
    action: t.prismaField({ type: ActionRef, resolve: (query, result) => db.action.findUniqueOrThrow({ ...query, where: { id: result.actionId } }) }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this submission had already been recorded: nothing was added.' }),
  }),
})

builder.mutationField('recordProgress', (t) =>
  t.field({
    type: RecordProgressSuccess,
    description: "Appends a point d'avancement to an action and moves its status.",
    authScopes: { signedIn: true },
    errors: { types: writeErrors, directResult: true, union: { name: 'RecordProgressResult' } },
    args: { input: t.arg({ type: RecordProgressInput, required: true }) },
    resolve: (_root, { input }, { viewer }) =>
      recordProgress(signedIn(viewer), { ...input, actionId: input.actionId.id }),
  }),
)
