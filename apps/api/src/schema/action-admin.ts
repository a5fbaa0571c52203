import { signedIn } from '../auth/viewer.ts'
import { builder } from '../builder.ts'
import { ValidationError } from '../errors.ts'
import { archiveAction, createAction, updateAction } from '../mutualisation/action-admin.service.ts'
import { ActionRef } from './action.ts'
import { ActionStatusEnum, InstrumentEnum, OpennessEnum } from './enums.ts'
import { writeErrors } from './errors.ts'

const ActionFieldsInput = builder.inputType('ActionFieldsInput', {
  description: 'Fields of an action. On update, absent fields are kept and null clears an optional one.',
  fields: (t) => ({
    title: t.string({ required: false }),
    description: t.string({ required: false }),
    domainId: t.globalID({ required: false }),
    instrument: t.field({ type: InstrumentEnum, required: false }),
    status: t.field({ type: ActionStatusEnum, required: false }),
    openness: t.field({ type: OpennessEnum, required: false }),
    effectiveDate: t.field({ type: 'Date', required: false }),
    plannedDate: t.field({ type: 'Date', required: false }),
    offerId: t.globalID({ required: false, description: 'The offer the action advances; null for a study or an internal measure.' }),
    sharedServiceId: t.globalID({ required: false, deprecationReason: 'Use offerId: a service commun is an Offer.' }),
    jointContractId: t.globalID({ required: false, deprecationReason: 'Use offerId: a joint contract is an Offer.' }),
    openToIds: t.globalIDList({ required: false }),
  }),
})

type FieldsInput = typeof ActionFieldsInput.$inferInput

function plain(fields: FieldsInput) {
  const id = (value: { id: string } | null | undefined) => (value === undefined ? undefined : (value?.id ?? null))
  const { sharedServiceId, jointContractId, offerId, ...rest } = fields
  // The deprecated service and contract ids name an offer too; offerId wins when several are given.
  const offer = [offerId, sharedServiceId, jointContractId].find((value) => value !== undefined)
  return {
    ...rest,
    domainId: id(fields.domainId) ?? undefined,
    offerId: id(offer),
    openToIds: fields.openToIds?.map((o) => o.id),
  }
}

const missing = (fields: FieldsInput) => (['title', 'domainId', 'instrument', 'status', 'openness'] as const).find((key) => fields[key] == null)

builder.mutationFields((t) => ({
  createAction: t.prismaField({
    type: ActionRef,
    authScopes: { admin: true },
    errors: { types: writeErrors, directResult: true, union: { name: 'CreateActionResult' } },
    args: { input: t.arg({ type: ActionFieldsInput, required: true }) },
    resolve: (_query, _root, { input }, { viewer }) => {
      const user = signedIn(viewer)
      const absent = missing(input)
      if (absent) throw new ValidationError('Ce champ est obligatoire.', absent)
      const fields = plain(input)
      return createAction(user, { ...fields, title: input.title!, domainId: fields.domainId!, instrument: input.instrument!, status: input.status!, openness: input.openness! })
    },
  }),
  updateAction: t.prismaField({
    type: ActionRef,
    authScopes: { admin: true },
    errors: { types: writeErrors, directResult: true, union: { name: 'UpdateActionResult' } },
    args: { id: t.arg.globalID({ required: true }), expectedVersion: t.arg.int({ required: true }), input: t.arg({ type: ActionFieldsInput, required: true }) },
    resolve: (_query, _root, { id, expectedVersion, input }, { viewer }) =>
      updateAction(signedIn(viewer), id.id, expectedVersion, plain(input)),
  }),
  archiveAction: t.prismaField({
    type: ActionRef,
    authScopes: { admin: true },
    errors: { types: writeErrors, directResult: true, union: { name: 'ArchiveActionResult' } },
    args: { id: t.arg.globalID({ required: true }), expectedVersion: t.arg.int({ required: true }) },
    resolve: (_query, _root, { id, expectedVersion }, { viewer }) =>
      archiveAction(signedIn(viewer), id.id, expectedVersion),
  }),
}))
