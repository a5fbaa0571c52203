import { signedIn } from '../auth/viewer.ts'
import { builder } from '../builder.ts'
import { db } from '../db.ts'
import type { ProgressUpdate } from '../generated/sqlite/client.ts'
import { recordProgress } from '../mutualisation/record-progress.service.ts'
import { ActionRef } from './action.ts'
import { ActionStatusEnum } from './enums.ts'
import { writeErrors } from './errors.ts'

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
    update: t.prismaField({ type: 'ProgressUpdate', resolve: (_query, result) => result.update }),
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
