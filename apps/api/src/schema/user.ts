import { queryFromInfo } from '@pothos/plugin-prisma'
import { canSeeAccount } from '@mutualis/domain'
import { createUser, resetPassword, updateUser } from '../accounts/users.service.ts'
import { attemptLogin } from '../auth/login.service.ts'
import { viewerOfSession } from '../auth/resolve-viewer.ts'
import { clearedSessionCookie, openSession, revokeSession, sessionCookie } from '../auth/sessions.service.ts'
import { signedIn } from '../auth/viewer.ts'
import { readerOf } from '../auth/visibility.ts'
import { builder } from '../builder.ts'
import { db } from '../db.ts'
import type { User } from '../generated/sqlite/client.ts'
import { Role } from '../generated/sqlite/enums.ts'
import { adminWrite, readBack } from './writes.ts'

const RoleEnum = builder.enumType('Role', {
  values: {
    ADMIN: { value: Role.ADMIN, description: 'Mission de coordination : tout le territoire.' },
    EDITOR: { value: Role.EDITOR, description: 'Maire ou DGS : les actions de ses organisations.' },
    ANALYST: { value: Role.ANALYST, description: 'Lecture de tout, y compris le non public ; aucune écriture.' },
  },
})

const UserRef = builder.prismaNode('User', {
  id: { field: 'id' },
  description: 'An account. Only its owner and the territory’s admins can see it.',
  nullable: true,
  authScopes: (user, { viewer }) => canSeeAccount(readerOf(viewer), user),
  fields: (t) => ({
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    role: t.expose('role', { type: RoleEnum }),
    active: t.exposeBoolean('active'),
    platformAdmin: t.exposeBoolean('platformAdmin', { description: 'Runs the platform: may create and refresh any territory. Granted at the command line only (user:create --platform-admin).' }),
    organisations: t.relation('organisations', { description: 'Organisations an editor speaks for.' }),
    territory: t.relation('territory'),
  }),
})

type LoginSuccessShape = { user: User }
type LoginErrorShape = { code: string; message: string; retryAfterSeconds: number | null }

const LoginSuccess = builder.objectRef<LoginSuccessShape>('LoginSuccess').implement({
  fields: (t) => ({ user: t.field({ type: UserRef, resolve: (success) => success.user }) }),
})
const LoginError = builder.objectRef<LoginErrorShape>('LoginError').implement({
  fields: (t) => ({
    code: t.exposeString('code', { description: 'UNAUTHENTICATED (wrong email or password) or RATE_LIMITED.' }),
    message: t.exposeString('message'),
    retryAfterSeconds: t.exposeInt('retryAfterSeconds', { nullable: true }),
  }),
})
const LoginResult = builder.unionType('LoginResult', {
  types: [LoginSuccess, LoginError],
  resolveType: (value) => ('user' in value ? 'LoginSuccess' : 'LoginError'),
})

builder.queryField('me', (t) =>
  t.field({
    type: UserRef,
    nullable: true,
    skipTypeScopes: true,
    description: 'The signed-in account, or null.',
    // queryFromInfo rather than prismaField: anonymous visitors get null without a planned query going unused.
    resolve: (_root, _args, context, info) =>
      context.viewer.kind === 'user' ? db.user.findUnique({ ...queryFromInfo({ context, info }), where: { id: context.viewer.userId } }) : null,
  }),
)

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginResult,
    description: 'Opens a session (cookie mutualis_session). Repeated failures are slowed down per account and per address.',
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, { email, password }, context) => {
      if (email.length > 320 || password.length > 1000) return { code: 'UNAUTHENTICATED', message: 'Adresse électronique ou mot de passe incorrect.', retryAfterSeconds: null }
      const outcome = await attemptLogin(email, password, context.clientAddress)
      if (!outcome.ok) return { code: outcome.code, message: outcome.message, retryAfterSeconds: outcome.code === 'RATE_LIMITED' ? outcome.retryAfterSeconds : null }
      const { secret, expiresAt, sessionId } = await openSession(outcome.userId)
      context.setCookie(sessionCookie(secret, expiresAt, context.secure))
      // Signed in from here on: the account in the answer is the caller's own, which its rule lets them read.
      context.viewer = await viewerOfSession(outcome.userId, sessionId)
      return { user: await db.user.findUniqueOrThrow({ where: { id: outcome.userId } }) }
    },
  }),
  logout: t.boolean({
    description: 'Closes the current session.',
    resolve: async (_root, _args, context) => {
      if (context.viewer.kind === 'user' && context.viewer.sessionId) await revokeSession(context.viewer.sessionId)
      context.setCookie(clearedSessionCookie())
      return true
    },
  }),
}))

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

builder.mutationFields((t) => ({
  createUser: t.prismaField({
    type: UserRef,
    ...adminWrite('CreateUserResult'),
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: (query, _root, { input }, { viewer }) =>
      readBack(query, createUser(signedIn(viewer), { ...input, organisationIds: ids(input.organisationIds) ?? [] }), (args) => db.user.findUniqueOrThrow(args)),
  }),
  updateUser: t.prismaField({
    type: UserRef,
    ...adminWrite('UpdateUserResult'),
    args: { input: t.arg({ type: UpdateUserInput, required: true }) },
    resolve: (query, _root, { input }, { viewer }) =>
      readBack(query, updateUser(signedIn(viewer), input.id.id, { ...input, organisationIds: ids(input.organisationIds) }), (args) => db.user.findUniqueOrThrow(args)),
  }),
  resetPassword: t.prismaField({
    type: UserRef,
    ...adminWrite('ResetPasswordResult'),
    description: 'Sets a new password and closes the account’s sessions and tokens.',
    args: { id: t.arg.globalID({ required: true }), password: t.arg.string({ required: true }) },
    resolve: (query, _root, { id, password }, { viewer }) =>
      readBack(query, resetPassword(signedIn(viewer), id.id, password), (args) => db.user.findUniqueOrThrow(args)),
  }),
}))
