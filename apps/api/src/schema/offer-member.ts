import { participationStateLabels } from '@mutualis/domain'
import { signedIn } from '../auth/viewer.ts'
import { builder } from '../builder.ts'
import { db } from '../db.ts'
import { setOfferMember } from '../mutualisation/offer-admin.service.ts'
import { ParticipationStateEnum } from './enums.ts'
import { offerWrite } from './offer.ts'
import { readBack } from './writes.ts'

builder.prismaObject('OfferMember', {
  description: 'An organisation’s membership of an offer, and the deliberation that made it so.',
  fields: (t) => ({
    organisation: t.relation('organisation'),
    state: t.expose('state', { type: ParticipationStateEnum }),
    stateLabel: t.string({ resolve: (member) => participationStateLabels[member.state] }),
    since: t.expose('since', { type: 'Date', nullable: true }),
    until: t.expose('until', { type: 'Date', nullable: true }),
    deliberationRef: t.exposeString('deliberationRef', { nullable: true }),
    deliberationDate: t.expose('deliberationDate', { type: 'Date', nullable: true }),
    fixedShare: t.exposeFloat('fixedShare', { nullable: true, description: 'Input of a FIXED key part.' }),
    usage: t.exposeFloat('usage', { nullable: true, description: 'Units used, input of a USAGE key part.' }),
    agentTime: t.exposeFloat('agentTime', { nullable: true, description: 'Agents’ time share, input of an AGENT_TIME key part.' }),
  }),
})

const OfferMemberInput = builder.inputType('OfferMemberInput', {
  fields: (t) => ({
    offerId: t.globalID({ required: true }),
    organisationId: t.globalID({ required: true }),
    state: t.field({ type: ParticipationStateEnum, required: true, description: 'FORMER to take someone out while keeping the history.' }),
    since: t.field({ type: 'Date', required: false }),
    until: t.field({ type: 'Date', required: false }),
    deliberationRef: t.string({ required: false }),
    deliberationDate: t.field({ type: 'Date', required: false }),
    fixedShare: t.float({ required: false }),
    usage: t.float({ required: false }),
    agentTime: t.float({ required: false }),
  }),
})

builder.mutationFields((t) => ({
  setOfferMember: t.prismaField({
    type: 'OfferMember',
    ...offerWrite('SetOfferMemberResult'),
    args: { input: t.arg({ type: OfferMemberInput, required: true }) },
    resolve: (query, _root, { input }, { viewer }) =>
      readBack(query, setOfferMember(signedIn(viewer), input.offerId.id, input.organisationId.id, input), (args) => db.offerMember.findUniqueOrThrow(args)),
  }),
}))
