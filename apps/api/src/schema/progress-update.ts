import { builder } from '../builder.ts'
import { ActionStatusEnum } from './enums.ts'

export const ProgressUpdateRef = builder.prismaNode('ProgressUpdate', {
  id: { field: 'id' },
  nullable: true,
  description: "A point d'avancement: what was reported about an action, and the status it left it in.",
  fields: (t) => ({
    date: t.expose('date', { type: 'Date' }),
    statusAfter: t.expose('statusAfter', { type: ActionStatusEnum }),
    text: t.exposeString('text'),
    author: t.exposeString('author', { nullable: true }),
    meeting: t.exposeString('meeting', { nullable: true }),
    action: t.relation('action'),
  }),
})
