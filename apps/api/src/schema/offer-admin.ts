import { signedIn } from '../auth/viewer.ts'
import { builder } from '../builder.ts'
import { NotFoundError, OfferConflictError, ValidationError } from '../errors.ts'
import type { Offer } from '../generated/sqlite/client.ts'
import { archiveOffer, saveOffer, setOfferMember } from '../mutualisation/offer-admin.service.ts'
import { ActionStatusEnum, CostKindEnum, EligibilityEnum, JoinDeliberationEnum, OfferKindEnum, ParticipationStateEnum, StaffModeEnum } from './enums.ts'
import { UserErrorInterface } from './errors.ts'
import { OfferRef } from './offer.ts'

builder.objectType(OfferConflictError, {
  name: 'OfferConflictError',
  interfaces: [UserErrorInterface],
  isTypeOf: (value) => value instanceof OfferConflictError,
  fields: (t) => ({
    current: t.field({ type: OfferRef, description: 'The offer as it stands now.', resolve: (error) => error.current as Offer }),
  }),
})

const offerWriteErrors = [ValidationError, NotFoundError, OfferConflictError]

const CostKeyPartInput = builder.inputType('CostKeyPartInput', {
  fields: (t) => ({
    basis: t.string({ required: true, description: 'FIXED, POPULATION, USAGE or AGENT_TIME.' }),
    percent: t.int({ required: true, description: 'Whole percent; the parts add up to 100.' }),
    unit: t.string({ required: false, description: 'For USAGE: what is counted (« acte pondéré », « heure », « repas »).' }),
  }),
})

const StaffInput = builder.inputType('OfferStaffInput', {
  fields: (t) => ({
    organisationId: t.globalID({ required: true }),
    mode: t.field({ type: StaffModeEnum, required: true }),
    fte: t.float({ required: true, description: 'Full-time equivalents.' }),
    note: t.string({ required: false }),
  }),
})

const OfferInput = builder.inputType('OfferInput', {
  description: 'The whole offer: on update, every field is replaced (absent optional fields are cleared).',
  fields: (t) => ({
    id: t.globalID({ required: false, description: 'Absent: a new offer.' }),
    expectedVersion: t.int({ required: false, description: 'On update: the version you read; a concurrent change is then refused.' }),
    name: t.string({ required: true, description: 'A name a maire understands on its own.' }),
    summary: t.string({ required: false }),
    kind: t.field({ type: OfferKindEnum, required: true }),
    domainId: t.globalID({ required: false }),
    providerId: t.globalID({ required: false, description: 'Who runs it.' }),
    status: t.field({ type: ActionStatusEnum, required: false, description: 'Absent: derived from its actions.' }),
    eligibility: t.field({ type: EligibilityEnum, required: true }),
    listedIds: t.globalIDList({ required: false, description: 'For eligibility LISTED.' }),
    openingStudied: t.boolean({ required: false }),
    unnamedMembers: t.int({ required: false }),
    startDate: t.field({ type: 'Date', required: false }),
    endDate: t.field({ type: 'Date', required: false }),
    renewalDate: t.field({ type: 'Date', required: false }),
    tacitRenewal: t.boolean({ required: false }),
    noticeMonths: t.int({ required: false }),
    legalBasis: t.string({ required: false, description: 'Absent: the usual one of its kind.' }),
    joinDeliberations: t.field({ type: [JoinDeliberationEnum], required: false, description: 'Absent: the usual ones of its kind.' }),
    costKind: t.field({ type: CostKindEnum, required: false, description: 'Absent: UNKNOWN.' }),
    annualAmount: t.float({ required: false, description: 'Euros per year, with costKind AMOUNT.' }),
    costYear: t.int({ required: false }),
    costKey: t.field({ type: [CostKeyPartInput], required: false, description: 'The clé de répartition, part by part.' }),
    proRataFirstYear: t.boolean({ required: false }),
    staff: t.field({ type: [StaffInput], required: false, description: 'Replaces the offer’s staff lines when given.' }),
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

const adminWrite = (name: string) => ({ authScopes: { admin: true }, errors: { types: offerWriteErrors, directResult: true, union: { name } } }) as const

builder.mutationFields((t) => ({
  saveOffer: t.prismaField({
    type: OfferRef,
    ...adminWrite('SaveOfferResult'),
    args: { input: t.arg({ type: OfferInput, required: true }) },
    resolve: (_query, _root, { input }, { viewer }) => {
      const { id, expectedVersion, domainId, providerId, listedIds, staff, costKey, ...fields } = input
      return saveOffer(
        signedIn(viewer),
        id?.id ?? null,
        {
          ...fields,
          domainId: domainId?.id ?? null,
          providerId: providerId?.id ?? null,
          listedIds: listedIds?.map((o) => o.id) ?? null,
          staff: staff?.map((s) => ({ ...s, organisationId: s.organisationId.id })) ?? null,
          costKey: costKey ? { parts: costKey.map((p) => ({ basis: p.basis, percent: p.percent, unit: p.unit ?? null })) } : null,
        },
        expectedVersion ?? null,
      )
    },
  }),
  archiveOffer: t.prismaField({
    type: OfferRef,
    ...adminWrite('ArchiveOfferResult'),
    args: { id: t.arg.globalID({ required: true }) },
    resolve: (_query, _root, { id }, { viewer }) => archiveOffer(signedIn(viewer), id.id),
  }),
  setOfferMember: t.prismaField({
    type: 'OfferMember',
    ...adminWrite('SetOfferMemberResult'),
    args: { input: t.arg({ type: OfferMemberInput, required: true }) },
    resolve: (_query, _root, { input }, { viewer }) => setOfferMember(signedIn(viewer), input.offerId.id, input.organisationId.id, input),
  }),
}))
