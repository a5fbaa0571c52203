// Creates an account from the command line — the first admin of a fresh install, in particular.
// Usage: pnpm --filter @mutualis/api user:create --email dgs@ville.fr --name "Prénom Nom" --role ADMIN \
//          [--territory 242100410] [--organisation 21166 …]   (password asked for, or read from stdin)
import { userInfo } from 'node:os'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { checkNewUser, createUserRecord } from '../src/accounts/users.service.ts'
import { audit } from '../src/audit/audit.service.ts'
import { db } from '../src/db.ts'
import { ValidationError } from '../src/errors.ts'
import { prepareDatabase } from '../src/startup.ts'

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', default: 'ADMIN' },
    territory: { type: 'string', default: '242100410' },
    organisation: { type: 'string', multiple: true, default: [] },
  },
})

function fail(message: string): never {
  console.error(`user:create : ${message}`)
  process.exit(1)
}

/** Reads the password without echoing it on a terminal, or as one line from a pipe. */
async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY })
  if (process.stdin.isTTY) {
    process.stdout.write('Mot de passe (12 caractères au moins) : ')
    ;(rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () => {}
  }
  const line = await new Promise<string>((resolve) => rl.once('line', resolve).once('close', () => resolve('')))
  rl.close()
  if (process.stdin.isTTY) process.stdout.write('\n')
  return line
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
  password: await readPassword(), organisationIds: organisations.map((o) => o.id),
}
try {
  await checkNewUser(user)
  const created = await db.$transaction(async (tx) => {
    const record = await createUserRecord(tx, user)
    await audit(tx, { kind: 'system', label: `ligne de commande (${userInfo().username})` }, {
      territoryId: territory.id, operation: 'createUser', entityType: 'User', entityId: record.id, after: { ...record, organisationIds: user.organisationIds },
    })
    return record
  })
  console.log(`Compte créé : ${created.email} (${created.role}) pour ${territory.name}.`)
} catch (error) {
  if (error instanceof ValidationError) fail(error.message)
  throw error
} finally {
  await db.$disconnect()
}
