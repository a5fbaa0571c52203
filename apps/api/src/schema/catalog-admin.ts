import { signedIn } from '../auth/viewer.ts'
import { builder } from '../builder.ts'
import { archiveCatalogEntry, saveJointContract, saveSharedService, setParticipation } from '../mutualisation/catalog-admin.service.ts'
import { ParticipationRoleEnum, ParticipationStateEnum, ProcurementProcedureEnum } from './enums.ts'
import { writeErrors } from './errors.ts'
import { SharedServiceRef } from './shared-service.ts'
import { JointContractRef } from './joint-contract.ts'

const SharedServiceInput = builder.inputType('SharedServiceInput', {
  fields: (t) => ({
    id: t.globalID({ required: false, description: 'Absent: a new service commun.' }),
    name: t.string({ required: true }),
    createdOn: t.field({ type: 'Date', required: false }),
  }),
})

const JointContractInput = builder.inputType('JointContractInput', {
  fields: (t) => ({
    id: t.globalID({ required: false, description: 'Absent: a new joint contract.' }),
    subject: t.string({ required: true }),
    procedure: t.field({ type: ProcurementProcedureEnum, required: true }),
    startDate: t.field({ type: 'Date', required: false }),
    endDate: t.field({ type: 'Date', required: false }),
    renewalDate: t.field({ type: 'Date', required: false }),
  }),
})

const ParticipationInput = builder.inputType('ParticipationInput', {
  fields: (t) => ({
    actionId: t.globalID({ required: true }),
    organisationId: t.globalID({ required: true }),
    role: t.field({ type: ParticipationRoleEnum, required: true }),
    state: t.field({ type: ParticipationStateEnum, required: true, description: 'FORMER to take someone out while keeping the history.' }),
    since: t.field({ type: 'Date', required: false }),
  }),
})

const adminWrite = (name: string) => ({ authScopes: { admin: true }, errors: { types: writeErrors, directResult: true, union: { name } } }) as const

builder.mutationFields((t) => ({
  saveSharedService: t.prismaField({
    deprecationReason: 'Use saveOffer: services communs and joint contracts are offers.',
    type: SharedServiceRef,
    ...adminWrite('SaveSharedServiceResult'),
    args: { input: t.arg({ type: SharedServiceInput, required: true }) },
    resolve: (_query, _root, { input }, { viewer }) =>
      saveSharedService(signedIn(viewer), input.id?.id ?? null, input),
  }),
  saveJointContract: t.prismaField({
    deprecationReason: 'Use saveOffer: services communs and joint contracts are offers.',
    type: JointContractRef,
    ...adminWrite('SaveJointContractResult'),
    args: { input: t.arg({ type: JointContractInput, required: true }) },
    resolve: (_query, _root, { input }, { viewer }) =>
      saveJointContract(signedIn(viewer), input.id?.id ?? null, input),
  }),
  archiveSharedService: t.prismaField({
    deprecationReason: 'Use archiveOffer: services communs and joint contracts are offers.',
    type: SharedServiceRef,
    ...adminWrite('ArchiveSharedServiceResult'),
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (_query, _root, { id }, { viewer }) =>
      (await archiveCatalogEntry(signedIn(viewer), 'SharedService', id.id)) as Awaited<ReturnType<typeof saveSharedService>>,
  }),
  archiveJointContract: t.prismaField({
    deprecationReason: 'Use archiveOffer: services communs and joint contracts are offers.',
    type: JointContractRef,
    ...adminWrite('ArchiveJointContractResult'),
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (_query, _root, { id }, { viewer }) =>
      (await archiveCatalogEntry(signedIn(viewer), 'JointContract', id.id)) as Awaited<ReturnType<typeof saveJointContract>>,
  }),
  setParticipation: t.prismaField({
    type: 'Participation',
    ...adminWrite('SetParticipationResult'),
    args: { input: t.arg({ type: ParticipationInput, required: true }) },
    resolve: (_query, _root, { input }, { viewer }) =>
      setParticipation(signedIn(viewer), input.actionId.id, input.organisationId.id, input),
  }),
}))
