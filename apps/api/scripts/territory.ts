// Onboards an EPCI from the official data (@etalab/decoupage-administratif), or applies a newer release.
// Usage: pnpm --filter @mutualis/api territory:create --siren <SIREN> [--admin-email <adresse> --admin-name <nom>]
//        pnpm --filter @mutualis/api territory:refresh --siren <SIREN> | --all [--dry-run]
// Exit status: 0 done (or nothing to do), 1 SIREN unknown or refused, 2 bad command line.
import { userInfo } from 'node:os'
import { parseArgs } from 'node:util'
import { frenchText, plural, readSiren } from '@mutualis/domain'
import type { SystemActor } from '../src/audit/audit.service.ts'
import type { OnboardingResult } from '../src/territories/territory-onboarding.service.ts'

const usage = `Usage :
  pnpm --filter @mutualis/api territory:create --siren <SIREN> [--admin-email <adresse> --admin-name <nom>]
  pnpm --filter @mutualis/api territory:refresh --siren <SIREN> | --all [--dry-run]

  territory:create   crée l’intercommunalité et ses communes membres d’après le découpage administratif officiel ;
                     avec --admin-email et --admin-name, crée aussi son premier administrateur (mot de passe demandé).
  territory:refresh  applique la version installée du découpage : communes ajoutées, sorties ou fusionnées
                     (marquées, jamais supprimées), populations mises à jour ; --all : tous les territoires ;
                     --dry-run : dit ce qui changerait sans rien écrire.`

function badCommandLine(message: string): never {
  console.error(frenchText(`territory : ${message}`))
  console.error(usage)
  process.exit(2)
}

function readCommandLine() {
  const [command, ...rest] = process.argv.slice(2)
  if (command !== 'create' && command !== 'refresh') badCommandLine('commande attendue : create ou refresh.')
  let values
  try {
    values = parseArgs({
      args: rest,
      options: { siren: { type: 'string' }, all: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false }, 'admin-email': { type: 'string' }, 'admin-name': { type: 'string' } },
      strict: true,
    }).values
  } catch (error) {
    badCommandLine(`option inconnue ou incomplète (${(error as Error).message}).`)
  }
  if (command === 'create' && (values.all || values['dry-run'])) badCommandLine('--all et --dry-run ne valent que pour territory:refresh.')
  if (command === 'refresh' && (values['admin-email'] || values['admin-name'])) badCommandLine('--admin-email et --admin-name ne valent que pour territory:create.')
  if (Boolean(values['admin-email']) !== Boolean(values['admin-name'])) badCommandLine('--admin-email et --admin-name vont ensemble.')
  if (values.all && values.siren) badCommandLine('--siren ou --all, pas les deux.')
  if (!values.all && !values.siren) badCommandLine(command === 'create' ? '--siren est obligatoire.' : '--siren ou --all est obligatoire.')
  const siren = values.siren === undefined ? null : readSiren(values.siren)
  if (values.siren !== undefined && !siren) badCommandLine(`« ${values.siren} » n’est pas un SIREN : 9 chiffres attendus.`)
  const admin = values['admin-email'] && values['admin-name'] ? { email: values['admin-email'], name: values['admin-name'] } : null
  return { command, siren, all: values.all ?? false, dryRun: values['dry-run'] ?? false, admin }
}

const line = readCommandLine()

const print = (result: OnboardingResult) => {
  for (const line of result.lines) console.log(line)
}

// Read only once the command line is understood: a usage error answers at once.
const { checkNewUser, createUserAsOperator } = await import('../src/accounts/users.service.ts')
const { db, dbConfig } = await import('../src/db.ts')
const { applyMigrations } = await import('../src/db/migrations.ts')
const { UserError } = await import('../src/errors.ts')
const { officialRelease } = await import('../src/seed/official-data.ts')
const { createTerritory, refreshTerritory } = await import('../src/territories/territory-onboarding.service.ts')
const { readPassword } = await import('./read-password.ts')
const { tellServers } = await import('./tell-servers.ts')

/** The first admin: the same account user:create makes, checked before anything is written. */
async function firstAdmin(admin: { email: string; name: string }) {
  const account = { territoryId: '', email: admin.email, name: admin.name, role: 'ADMIN' as const, password: await readPassword(), organisationIds: [] }
  await checkNewUser(account)
  return account
}

async function run(): Promise<number> {
  const operator: SystemActor = { kind: 'system', label: `ligne de commande (${userInfo().username})` }
  // Migrations only: a database onboarding its own EPCI is not given Dijon's schéma.
  await applyMigrations(dbConfig)
  if (line.command === 'create') {
    const admin = line.admin ? await firstAdmin(line.admin) : null
    const result = await createTerritory(db, { siren: line.siren!, actor: operator })
    print(result)
    if (admin) {
      const created = await createUserAsOperator(operator, { ...admin, territoryId: result.territory.id })
      console.log(frenchText(`Premier administrateur créé : ${created.email}.`))
    } else if (!(await db.user.count({ where: { territoryId: result.territory.id, role: 'ADMIN', active: true } }))) {
      console.log(frenchText(`Premier administrateur : pnpm --filter @mutualis/api user:create --territory ${result.territory.siren} --email <adresse> --name "<nom>" --role ADMIN`))
    }
    return 0
  }
  if (line.siren) {
    print(await refreshTerritory(db, { siren: line.siren, actor: operator, dryRun: line.dryRun }))
    return 0
  }
  const release = officialRelease()
  const territories = await db.territory.findMany({ orderBy: { name: 'asc' }, select: { siren: true, name: true } })
  let refused = 0
  for (const territory of territories) {
    try {
      print(await refreshTerritory(db, { siren: territory.siren, actor: operator, dryRun: line.dryRun, release }))
    } catch (error) {
      if (!(error instanceof UserError)) throw error
      refused++
      console.error(frenchText(`${territory.name} (${territory.siren}) : ${error.message}`))
    }
  }
  console.log(frenchText(`${plural(territories.length, 'territoire parcouru', 'territoires parcourus')}${refused ? `, ${refused} sans correspondance dans le ${release.label}` : ''}.`))
  return refused ? 1 : 0
}

try {
  process.exitCode = await run()
  if (!line.dryRun) await tellServers()
} catch (error) {
  if (!(error instanceof UserError)) throw error
  console.error(frenchText(`territory : ${error.message}`))
  process.exitCode = 1
} finally {
  await db.$disconnect()
}
