import { spawn } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { db } from '@mutualis/api/db.ts'
import { officialRelease } from '@mutualis/api/seed/official-data.ts'
import { frenchText } from '@mutualis/domain'
import { graphql } from '../fixtures/graphql.ts'

// territory:create and territory:refresh as an operator runs them (`pnpm --filter @mutualis/api
// territory:create …` is `tsx scripts/territory.ts create …`), on this test file's database.
const apiDir = path.resolve(import.meta.dirname, '../../apps/api')
const tsx = path.join(apiDir, 'node_modules/.bin/tsx')

function territoryCommand(args: string[], stdin = ''): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['scripts/territory.ts', ...args], { cwd: apiDir, env: process.env, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('exit', (status) => resolve({ status, stdout, stderr }))
    child.stdin.end(stdin)
  })
}

const release = officialRelease()
const cc = release.epcis.filter((epci) => epci.type === 'CC' && epci.membres.length < 15)[20]!
const ca = release.epcis.filter((epci) => epci.type === 'CA')[30]!
const said = (text: string) => frenchText(text)

describe('territory:create', () => {
  it('creates the EPCI with its communes, exits 0, and tells how to create its first admin; run again, says nothing changed', async () => {
    const first = await territoryCommand(['create', '--siren', cc.code])
    expect(first.status).toBe(0)
    expect(first.stdout).toContain(said(`Territoire créé : ${cc.nom} (communauté de communes, SIREN ${cc.code}), ${cc.membres.length} communes`))
    for (const member of cc.membres) expect(first.stdout).toContain(said(`Commune ajoutée : ${member.nom} (${member.code}, `))
    expect(first.stdout).toContain(said(`Premier administrateur : pnpm --filter @mutualis/api user:create --territory ${cc.code} --email <adresse> --name "<nom>" --role ADMIN`))
    expect(await db.organisation.count({ where: { territory: { siren: cc.code }, kind: 'COMMUNE' } })).toBe(cc.membres.length)

    const again = await territoryCommand(['create', '--siren', cc.code])
    expect(again.status).toBe(0)
    expect(again.stdout).toContain(said(`${cc.nom} existe déjà avec toutes ses communes : rien n’a changé.`))
  }, 60_000)

  it('creates the first admin with the password read from the input, who can then sign in', async () => {
    const email = `dgs-${Date.now()}@test.mutualis.fr`
    const password = 'mot de passe du premier admin'
    const result = await territoryCommand(['create', '--siren', ca.code, '--admin-email', email, '--admin-name', 'Direction générale'], `${password}\n`)
    expect(result.status).toBe(0)
    expect(result.stdout).toContain(said(`Premier administrateur créé : ${email}.`))
    expect(result.stdout).not.toContain('user:create')
    const login = await graphql<{ login: { user: { role: string; territory: { siren: string } } } }>(
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { ... on LoginSuccess { user { role territory { siren } } } } }',
      { e: email, p: password },
    )
    expect(login.data?.login.user).toEqual({ role: 'ADMIN', territory: { siren: ca.code } })
  }, 60_000)

  it('exits 1 with the reason for a SIREN that is no EPCI', async () => {
    const result = await territoryCommand(['create', '--siren', '000000000'])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(said('territory : Aucun EPCI à fiscalité propre de SIREN 000000000 dans le découpage administratif officiel.'))
  }, 60_000)

  it.each([
    { args: ['create'], reason: '--siren est obligatoire.' },
    { args: ['create', '--siren', '2421'], reason: '« 2421 » n’est pas un SIREN : 9 chiffres attendus.' },
    { args: ['refresh', '--siren', '242100410', '--all'], reason: '--siren ou --all, pas les deux.' },
    { args: ['refresh', '--frobnicate'], reason: 'option inconnue ou incomplète' },
  ])('exits 2 and prints the usage for $args', async ({ args, reason }) => {
    const result = await territoryCommand(args)
    expect(result.status).toBe(2)
    expect(result.stderr).toContain(said(reason))
    expect(result.stderr).toContain('Usage :\n  pnpm --filter @mutualis/api territory:create --siren <SIREN>')
    expect(result.stdout).toBe('')
  }, 60_000)
})

describe('territory:refresh', () => {
  it('--all --dry-run goes through every territory and finds them up to date', async () => {
    const territories = await db.territory.findMany({ select: { name: true } })
    const result = await territoryCommand(['refresh', '--all', '--dry-run'])
    expect(result.status).toBe(0)
    for (const { name } of territories) expect(result.stdout).toContain(said(`${name} est à jour du ${release.label} : rien n’a changé.`))
    expect(result.stdout).toContain(`${territories.length} territoires parcourus.`)
  }, 60_000)

  it('exits 1 for a territory Mutualis does not hold', async () => {
    const absent = release.epcis.filter((epci) => epci.type === 'CU')[5]!
    const result = await territoryCommand(['refresh', '--siren', absent.code])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(said(`Aucun territoire de SIREN ${absent.code} dans Mutualis : créez d’abord ${absent.nom} (territory:create).`))
  }, 60_000)
})
