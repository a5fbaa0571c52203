import { signedIn } from '../auth/viewer.ts'
import { builder } from '../builder.ts'
import { db } from '../db.ts'
import { createUser, resetPassword, updateUser } from '../accounts/users.service.ts'
import { writeErrors } from './errors.ts'
import { RoleEnum, UserRef } from './user.ts'

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    name: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    organisationIds: t.globalIDList({ required: false, description: 'For editors: the organisations they speak for.' }),
    password: t.string({ required: true, description: 'At least 12 characters; give it to the person through another channel.' }),
  }),
})

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  fields: (t) => ({
    id: t.globalID({ required: true }),
    name: t.string({ required: false }),
    role: t.field({ type: RoleEnum, required: false }),
    organisationIds: t.globalIDList({ required: false }),
    active: t.boolean({ required: false, description: 'False deactivates the account and closes its sessions and tokens.' }),
  }),
})

const ids = (list: Array<{ id: string }> | null | undefined) => list?.map((item) => item.id)

builder.queryField('users', (t) =>
  t.prismaField({
    type: [UserRef],
    skipTypeScopes: true,
    authScopes: { admin: true },
    description: 'Accounts of the admin’s territory.',
    resolve: (query, _root, _args, { viewer }) =>
      viewer.kind === 'user' ? db.user.findMany({ ...query, where: { territoryId: viewer.territoryId }, orderBy: { email: 'asc' } }) : [],
  }),
)

builder.mutationFields((t) => ({
  createUser: t.prismaField({
    type: UserRef,
    authScopes: { admin: true },
    errors: { types: writeErrors, directResult: true, union: { name: 'CreateUserResult' } },
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: (_query, _root, { input }, { viewer }) =>
      createUser(signedIn(viewer), { ...input, organisationIds: ids(input.organisationIds) ?? [] }),
  }),
  updateUser: t.prismaField({
    type: UserRef,
    authScopes: { admin: true },
    errors: { types: writeErrors, directResult: true, union: { name: 'UpdateUserResult' } },
    args: { input: t.arg({ type: UpdateUserInput, required: true }) },
    resolve: (_query, _root, { input }, { viewer }) =>
      updateUser(signedIn(viewer), input.id.id, { ...input, organisationIds: ids(input.organisationIds) }),
  }),
  resetPassword: t.prismaField({
    type: UserRef,
    authScopes: { admin: true },
    errors: { types: writeErrors, directResult: true, union: { name: 'ResetPasswordResult' } },
    description: 'Sets a new password and closes the account’s sessions and tokens.',
    args: { id: t.arg.globalID({ required: true }), password: t.arg.string({ required: true }) },
    resolve: (_query, _root, { id, password }, { viewer }) =>
      resetPassword(signedIn(viewer), id.id, password),
  }),
}))
