import { builder } from '../builder.ts'
import { ParticipationRoleEnum, ParticipationStateEnum } from './enums.ts'

builder.prismaObject('Participation', {
  description: 'An organisation taking part in an action.',
  fields: (t) => ({
    organisation: t.relation('organisation'),
    action: t.relation('action'),
    role: t.expose('role', { type: ParticipationRoleEnum }),
    state: t.expose('state', { type: ParticipationStateEnum }),
    since: t.expose('since', { type: 'Date', nullable: true }),
  }),
})
