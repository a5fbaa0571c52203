import { builder } from '../builder.ts'
import { membershipMatrix } from '../analytics/statistics.service.ts'
import { matrixCellLabels, type MatrixCell } from '@mutualis/domain'
import type { Offer, Organisation } from '../generated/sqlite/client.ts'
import { Commune } from './commune.ts'
import { SharedServiceRef } from './shared-service.ts'
import { territoryArgs } from './lists.ts'

const MatrixCellEnum = builder.enumType('MatrixCell', {
  description: 'Where a commune stands with a service commun, through any of its actions.',
  values: Object.fromEntries(Object.entries(matrixCellLabels).map(([value, label]) => [value, { value, description: label || 'Aucun lien' }])) as unknown as Record<
    MatrixCell,
    { value: MatrixCell }
  >,
})

const MembershipRow = builder.objectRef<{ commune: Organisation; cells: MatrixCell[]; memberOf: number }>('MembershipRow').implement({
  fields: (t) => ({
    commune: t.field({ type: Commune, resolve: (row) => row.commune }),
    cells: t.field({ type: [MatrixCellEnum], description: 'One cell per service commun, in the order of MembershipMatrix.sharedServices.', resolve: (row) => row.cells }),
    cellLabels: t.stringList({ description: 'The cells in French (empty when there is no tie).', resolve: (row) => row.cells.map((cell) => matrixCellLabels[cell]) }),
    memberOf: t.exposeInt('memberOf', { description: 'Services communs the commune is a member of.' }),
  }),
})

const MembershipMatrix = builder.objectRef<{ sharedServices: Offer[]; rows: Array<{ commune: Organisation; cells: MatrixCell[]; memberOf: number }> }>('MembershipMatrix').implement({
  description: 'Communes × services communs, in one query.',
  fields: (t) => ({
    sharedServices: t.field({ type: [SharedServiceRef], description: 'The columns, by name.', resolve: (matrix) => matrix.sharedServices }),
    rows: t.field({ type: [MembershipRow], description: 'One row per commune, by name.', resolve: (matrix) => matrix.rows }),
  }),
})

builder.queryFields((t) => ({
  membershipMatrix: t.field({
    type: MembershipMatrix,
    description: 'Which commune is in which service commun, could join it, or has asked to.',
    args: { ...territoryArgs },
    resolve: (_root, args, { viewer }) => membershipMatrix(args.territory, viewer),
  }),
}))
