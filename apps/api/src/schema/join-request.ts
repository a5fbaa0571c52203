import { canSeeJoinRequest } from '@mutualis/domain'
import { signedIn } from '../auth/viewer.ts'
import { readerOf, visibleJoinRequestsWhere } from '../auth/visibility.ts'
import { builder } from '../builder.ts'
import { db } from '../db.ts'
import { JoinRequestStatus } from '../generated/sqlite/enums.ts'
import { decideJoinRequest, requestToJoin } from '../mutualisation/join-requests.service.ts'
import { ActionRef } from './action.ts'
import { writeErrors } from './errors.ts'

const JoinRequestStatusEnum = builder.enumType('JoinRequestStatus', {
  values: {
    PENDING: { value: JoinRequestStatus.PENDING, description: 'En attente de décision' },
    ACCEPTED: { value: JoinRequestStatus.ACCEPTED, description: 'Acceptée' },
    DECLINED: { value: JoinRequestStatus.DECLINED, description: 'Refusée' },
  },
})

export const JoinRequestRef = builder.prismaNode('JoinRequest', {
  id: { field: 'id' },
  description: 'A request to join an action and its decision. Never public.',
  nullable: true,
  // The rule needs the territory, which the request holds through its organisation.
  select: { organisationId: true, organisation: { select: { territoryId: true } } },
  authScopes: (request, { viewer }) => canSeeJoinRequest(readerOf(viewer), { organisationId: request.organisationId, territoryId: request.organisation.territoryId }),
  fields: (t) => ({
    status: t.expose('status', { type: JoinRequestStatusEnum }),
    note: t.exposeString('note', { nullable: true }),
    organisation: t.relation('organisation'),
    action: t.relation('action'),
    createdAt: t.expose('createdAt', { type: 'Date' }),
    decidedAt: t.expose('decidedAt', { type: 'Date', nullable: true }),
    declineReason: t.exposeString('declineReason', { nullable: true }),
    deliberationRef: t.exposeString('deliberationRef', { nullable: true }),
    deliberationDate: t.expose('deliberationDate', { type: 'Date', nullable: true }),
  }),
})

builder.prismaObjectField(ActionRef, 'joinRequests', (t) =>
  t.relation('joinRequests', {
    description: 'Requests to join, newest first: all of them for admins and analysts, their own organisations’ for editors.',
    authScopes: { readPrivate: true, editor: true },
    query: (_args, { viewer }) => ({ where: visibleJoinRequestsWhere(viewer), orderBy: { createdAt: 'desc' } }),
  }),
)

const RequestToJoinInput = builder.inputType('RequestToJoinInput', {
  fields: (t) => ({
    actionId: t.globalID({ required: true }),
    organisationId: t.globalID({ required: true, description: 'The commune (or body) asking; an editor may only ask for their own.' }),
    note: t.string({ required: false }),
    clientMutationId: t.string({ required: true }),
  }),
})

const RequestToJoinSuccess = builder.objectRef<{ requestId: string }>('RequestToJoinSuccess').implement({
  fields: (t) => ({
    request: t.prismaField({ type: JoinRequestRef, resolve: (query, result) => db.joinRequest.findUniqueOrThrow({ ...query, where: { id: result.requestId } }) }),
  }),
})

const DecideJoinRequestInput = builder.inputType('DecideJoinRequestInput', {
  fields: (t) => ({
    requestId: t.globalID({ required: true }),
    accept: t.boolean({ required: true }),
    since: t.field({ type: 'Date', required: false, description: 'Accepting: member from this date.' }),
    deliberationRef: t.string({ required: false, description: 'Accepting: reference of the deliberation.' }),
    deliberationDate: t.field({ type: 'Date', required: false }),
    reason: t.string({ required: false, description: 'Declining: why, for the commune.' }),
  }),
})

builder.mutationFields((t) => ({
  requestToJoin: t.field({
    type: RequestToJoinSuccess,
    authScopes: { editor: true },
    errors: { types: writeErrors, directResult: true, union: { name: 'RequestToJoinResult' } },
    args: { input: t.arg({ type: RequestToJoinInput, required: true }) },
    resolve: async (_root, { input }, { viewer }) => {
      const user = signedIn(viewer)
      const request = await requestToJoin(user, { ...input, actionId: input.actionId.id, organisationId: input.organisationId.id })
      return { requestId: request.id }
    },
  }),
  decideJoinRequest: t.field({
    type: RequestToJoinSuccess,
    authScopes: { admin: true },
    errors: { types: writeErrors, directResult: true, union: { name: 'DecideJoinRequestResult' } },
    args: { input: t.arg({ type: DecideJoinRequestInput, required: true }) },
    resolve: async (_root, { input }, { viewer }) => {
      const user = signedIn(viewer)
      const decision = input.accept
        ? { accept: true as const, since: input.since ?? input.deliberationDate ?? null, deliberationRef: input.deliberationRef ?? '', deliberationDate: input.deliberationDate ?? null }
        : { accept: false as const, reason: input.reason ?? '' }
      const request = await decideJoinRequest(user, input.requestId.id, decision)
      return { requestId: request.id }
    },
  }),
}))
