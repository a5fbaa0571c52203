import { builder } from '../builder.ts'
import { db } from '../db.ts'
import { ProcurementProcedureEnum } from './enums.ts'
import { territoryArgs, territoryWhere } from './territory.ts'

builder.prismaNode('JointContract', {
  id: { field: 'id' },
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
    args: { ...territoryArgs },
    resolve: (query, _root, args) => db.jointContract.findMany({ ...query, where: territoryWhere(args.territory), orderBy: { subject: 'asc' } }),
    totalCount: (_connection, args) => db.jointContract.count({ where: territoryWhere(args.territory) }),
  }),
}))
