// Creates an account from the command line — the first admin of a fresh install, in particular.
// Usage: pnpm --filter @mutualis/api user:create --email dgs@ville.fr --name "Prénom Nom" --role ADMIN \
//          [--territory 242100410] [--organisation 21166 …] [--platform-admin]   (password asked for, or read from stdin)
// --platform-admin: the account may also create and refresh any territory (territory:create, createTerritory).
import { userInfo } from 'node:os'
import { parseArgs } from 'node:util'
import { tellServers } from './tell-servers.ts'
import { createUserAsOperator } from '../src/accounts/users.service.ts'
import { db } from '../src/db.ts'
import { ValidationError } from '../src/errors.ts'
import { prepareDatabase } from '../src/startup.ts'
import { readPassword } from './read-password.ts'

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', default: 'ADMIN' },
    territory: { type: 'string', default: '242100410' },
    organisation: { type: 'string', multiple: true, default: [] },
    'platform-admin': { type: 'boolean', default: false },
  },
})

function fail(message: string): never {
  console.error(`user:create : ${message}`)
  process.exit(1)
}

if (!values.email || !values.name) fail('--email et --name sont obligatoires.')
if (!['ADMIN', 'EDITOR', 'ANALYST'].includes(values.role!)) fail('--role vaut ADMIN, EDITOR ou ANALYST.')
await prepareDatabase(() => {})
const territory = await db.territory.findUnique({ where: { siren: values.territory } })
if (!territory) fail(`aucun territoire de SIREN ${values.territory}.`)
const organisations = await db.organisation.findMany({ where: { territoryId: territory.id, OR: [{ inseeCode: { in: values.organisation } }, { key: { in: values.organisation } }] } })
if (organisations.length !== values.organisation!.length) fail('organisation inconnue (code INSEE d’une commune, ou clé comme « ccas-dijon »).')
const user = {
  territoryId: territory.id, email: values.email, name: values.name, role: values.role as 'ADMIN' | 'EDITOR' | 'ANALYST',
  password: await readPassword(), organisationIds: organisations.map((o) => o.id), platformAdmin: values['platform-admin'],
}
try {
  const created = await createUserAsOperator({ kind: 'system', label: `ligne de commande (${userInfo().username})` }, user)
  await tellServers()
  console.log(`Compte créé : ${created.email} (${created.role}${created.platformAdmin ? ', administrateur de la plateforme' : ''}) pour ${territory.name}.`)
} catch (error) {
  if (error instanceof ValidationError) fail(error.message)
  throw error
} finally {
  await db.$disconnect()
}
