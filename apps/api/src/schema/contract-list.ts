import { builder } from '../builder.ts'
import type { Prisma } from '../generated/sqlite/client.ts'
import { ProcurementProcedureEnum } from './enums.ts'
import { listOrder } from './list-order.ts'

// Filters and sorts of the services communs and joint contracts lists (their types live in shared-service.ts and joint-contract.ts).

export const SharedServiceFilter = builder.inputType('SharedServiceFilter', {
  fields: (t) => ({
    memberCommuneInseeCode: t.string({ required: false, description: 'Only services this commune is a member of.' }),
    organisation: t.globalID({ required: false, description: 'Only services this organisation (or commune) is a member of, by its global id.' }),
    createdFrom: t.field({ type: 'Date', required: false, description: 'Created on this day or later.' }),
    createdTo: t.field({ type: 'Date', required: false, description: 'Created on this day or earlier.' }),
    updatedSince: t.field({ type: 'Date', required: false, description: 'Only services changed on or after this day.' }),
  }),
})

export const sharedServiceOrder = listOrder<'NAME' | 'CREATED_ON', Prisma.OfferOrderByWithRelationInput>(
  'SharedService',
  {
    NAME: { description: 'Name, alphabetical (default).', orderBy: (d) => [{ name: d }] },
    CREATED_ON: { description: 'Creation date; unknown ones last.', orderBy: (d) => [{ startDate: { sort: d, nulls: 'last' } }] },
  },
  'NAME',
)

export const JointContractFilter = builder.inputType('JointContractFilter', {
  fields: (t) => ({
    procedure: t.field({ type: [ProcurementProcedureEnum], required: false }),
    dueWithinMonths: t.int({ required: false, description: 'Only contracts whose end or renewal date falls between today and this many months from today.' }),
    endFrom: t.field({ type: 'Date', required: false, description: 'Ending on this day or later.' }),
    updatedSince: t.field({ type: 'Date', required: false, description: 'Only contracts changed on or after this day.' }),
    endTo: t.field({ type: 'Date', required: false, description: 'Ending on this day or earlier.' }),
  }),
})

export const jointContractOrder = listOrder<'SUBJECT' | 'END_DATE' | 'RENEWAL_DATE', Prisma.OfferOrderByWithRelationInput>(
  'JointContract',
  {
    SUBJECT: { description: 'Subject, alphabetical (default).', orderBy: (d) => [{ name: d }] },
    END_DATE: { description: 'End date; unknown ones last.', orderBy: (d) => [{ endDate: { sort: d, nulls: 'last' } }] },
    RENEWAL_DATE: { description: 'Renewal date; unknown ones last.', orderBy: (d) => [{ renewalDate: { sort: d, nulls: 'last' } }] },
  },
  'SUBJECT',
)
