import { builder } from '../builder.ts'
import { db } from '../db.ts'
import { ProcurementProcedureEnum } from './enums.ts'
import { jointContractWhere } from '../analytics/list-filters.ts'
import { today } from '../analytics/history.rules.ts'
import { JointContractFilter, jointContractOrder } from './contract-list.ts'
import { territoryArgs } from './territory.ts'

builder.prismaNode('JointContract', {
  id: { field: 'id' },
  nullable: true,
  description: "A marché mutualisé, passed through a groupement de commandes or the centrale d'achat.",
  fields: (t) => ({
    key: t.exposeString('key'),
    subject: t.exposeString('subject'),
    procedure: t.expose('procedure', { type: ProcurementProcedureEnum }),
    startDate: t.expose('startDate', { type: 'Date', nullable: true }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true }),
    renewalDate: t.expose('renewalDate', { type: 'Date', nullable: true }),
    actions: t.relation('actions', { query: { orderBy: { position: 'asc' } } }),
  }),
})

builder.queryFields((t) => ({
  jointContracts: t.prismaConnection({
    type: 'JointContract',
    cursor: 'id',
    args: { filter: t.arg({ type: JointContractFilter, required: false }), orderBy: t.arg({ type: jointContractOrder.Input, required: false }), ...territoryArgs },
    resolve: (query, _root, args) =>
      db.jointContract.findMany({ ...query, where: jointContractWhere(args.filter, args.territory, today()), orderBy: jointContractOrder.toOrderBy(args.orderBy) }),
    totalCount: (_connection, args) => db.jointContract.count({ where: jointContractWhere(args.filter, args.territory, today()) }),
  }),
}))
