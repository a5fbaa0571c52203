import { builder } from '../builder.ts'
import type { Prisma } from '../generated/sqlite/client.ts'
import { OpennessEnum } from './enums.ts'
import { listOrder } from './list-order.ts'

export type InputFields = PothosSchemaTypes.InputFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never>, 'InputObject'>

/** The ActionFilter fields analysts asked for, besides those the PWA's search uses. */
export const actionFilterFields = (t: InputFields) => ({
  openness: t.field({ type: [OpennessEnum], required: false }),
  organisation: t.globalID({ required: false, description: 'Only actions this organisation (or commune) takes part in, by its global id.' }),
  offer: t.globalID({ required: false, description: 'Only the actions advancing this offer, by its global id.' }),
  sharedService: t.globalID({ required: false, description: 'Global id of a SharedService.', deprecationReason: 'Use offer: a service commun is an Offer of kind SERVICE_COMMUN.' }),
  jointContract: t.globalID({ required: false, description: 'Global id of a JointContract.', deprecationReason: 'Use offer: a joint contract is an Offer of kind GROUPEMENT_DE_COMMANDES or CENTRALE_D_ACHAT.' }),
  updatedSince: t.field({ type: 'Date', required: false, description: 'Only actions changed on or after this day.' }),
  effectiveFrom: t.field({ type: 'Date', required: false, description: 'Effective date on or after this day.' }),
  effectiveTo: t.field({ type: 'Date', required: false, description: 'Effective date on or before this day.' }),
  plannedFrom: t.field({ type: 'Date', required: false, description: 'Planned date on or after this day.' }),
  plannedTo: t.field({ type: 'Date', required: false, description: 'Planned date on or before this day.' }),
})

export const actionOrder = listOrder<'POSITION' | 'TITLE' | 'DOMAIN' | 'UPDATED_AT' | 'EFFECTIVE_DATE' | 'PLANNED_DATE', Prisma.ActionOrderByWithRelationInput>(
  'Action',
  {
    POSITION: { description: 'Order of the source document (default).', orderBy: (direction) => [{ position: direction }] },
    TITLE: { description: 'Title, alphabetical.', orderBy: (direction) => [{ title: direction }] },
    DOMAIN: { description: 'Domain in document order, then the document order within it.', orderBy: (direction) => [{ domain: { position: direction } }, { position: direction }] },
    UPDATED_AT: { description: 'Last change.', orderBy: (direction) => [{ updatedAt: direction }] },
    EFFECTIVE_DATE: { description: 'Effective date; actions without one last.', orderBy: (direction) => [{ effectiveDate: { sort: direction, nulls: 'last' } }] },
    PLANNED_DATE: { description: 'Planned date; actions without one last.', orderBy: (direction) => [{ plannedDate: { sort: direction, nulls: 'last' } }] },
  },
  'POSITION',
)
