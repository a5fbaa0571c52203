// Imports a territory's schéma de mutualisation from its spreadsheet (XLSX, ODS or CSV).
// Usage: pnpm --filter @mutualis/api schema:import --territory <SIREN> --file <chemin> [--dry-run] [--json]
// Exits 0 when every row is accepted (and, without --dry-run, written), 1 when any row is refused
// (then nothing is written) or the file cannot be read, 2 for a bad command line.
import fs from 'node:fs'
import { userInfo } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { ImportReport } from '../src/import/schema-import.service.ts'

const usage = 'Usage : pnpm --filter @mutualis/api schema:import --territory <SIREN> --file <chemin du fichier> [--dry-run] [--json]'

function badCommandLine(message: string): never {
  console.error(`schema:import : ${message}\n${usage}`)
  process.exit(2)
}

let values: { territory?: string; file?: string; 'dry-run'?: boolean; json?: boolean; help?: boolean }
try {
  ;({ values } = parseArgs({ options: { territory: { type: 'string' }, file: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true }))
} catch (error) {
  badCommandLine((error as Error).message)
}
if (values.help) {
  console.log(usage)
  process.exit(0)
}
if (!values.territory || !values.file) badCommandLine('--territory et --file sont obligatoires.')
if (!/^\d{9}$/.test(values.territory)) badCommandLine(`--territory attend le SIREN de l’EPCI (9 chiffres) ; « ${values.territory} » n’en est pas un.`)
const file = path.resolve(process.cwd(), values.file)
if (!fs.existsSync(file) || !fs.statSync(file).isFile()) badCommandLine(`aucun fichier « ${values.file} ».`)

const outcomeLabels = { created: 'créée', updated: 'modifiée', unchanged: 'inchangée', refused: 'refusée' }

/** The report as a person reads it at a terminal. */
function print(report: ImportReport, refusalLine: (refusal: ImportReport['refusals'][number]) => string) {
  const { counts } = report
  console.log(`${report.territory.name} — ${report.fileName} (${report.format.toUpperCase()}${report.encoding ? `, ${report.encoding}, séparateur « ${report.delimiter} »` : ''}, feuille « ${report.sheet} ») : ${counts.rows} ligne(s).`)
  console.log(`Créées : ${counts.created} · modifiées : ${counts.updated} · inchangées : ${counts.unchanged} · refusées : ${counts.refused}`)
  for (const row of report.rows) {
    if (row.outcome === 'unchanged') continue
    console.log(`  ligne ${row.row}${row.reference ? ` [${row.reference}]` : ''} « ${row.action} » : ${outcomeLabels[row.outcome]}${row.changes.length ? ` — ${row.changes.join(' ; ')}` : ''}`)
  }
  if (report.refusals.length) {
    console.log('Refus :')
    for (const refusal of report.refusals) console.log(`  ${refusalLine(refusal)}`)
  }
  if (report.ignoredColumns.length) {
    console.log('Colonnes non lues :')
    for (const column of report.ignoredColumns) console.log(`  ${refusalLine(column)}`)
  }
  if (!report.accepted) console.log('Rien n’a été écrit : corrigez les lignes refusées, puis relancez l’import.')
  else if (report.dryRun) console.log('Essai à blanc : rien n’a été écrit. Relancez sans --dry-run pour importer.')
  else if (report.written) console.log('Import écrit.')
  else console.log('Rien à changer : le schéma est déjà celui du fichier.')
}

// A progress line on stderr for long files, rewritten in place on a terminal.
const started = Date.now()
const progress = (step: string, done: number, total: number) => {
  if (Date.now() - started < 1000 && total < 200) return
  const line = `Import : ${step}${total > 1 ? ` ${done}/${total}` : ''}`
  if (process.stderr.isTTY) process.stderr.write(`\r${line.padEnd(40)}${done === total ? '\n' : ''}`)
  else process.stderr.write(`${line}\n`)
}

// Loaded once the command line is known to be good: a mistake there is answered at once.
const [{ db }, { ImportFileError }, { importSchema, refusalLine }, { prepareDatabase }, { tellServers }] = await Promise.all([
  import('../src/db.ts'),
  import('../src/import/import-limits.ts'),
  import('../src/import/schema-import.service.ts'),
  import('../src/startup.ts'),
  import('./tell-servers.ts'),
])
let exitCode = 0
try {
  await prepareDatabase(() => {})
  const territory = await db.territory.findUnique({ where: { siren: values.territory } })
  if (!territory) badCommandLine(`aucun territoire de SIREN ${values.territory} : créez-le d’abord (territory:create).`)
  const report = await importSchema(db, {
    territoryId: territory.id, bytes: fs.readFileSync(file), fileName: path.basename(file), dryRun: values['dry-run'] ?? false,
    actor: { kind: 'system', label: `import en ligne de commande (${userInfo().username})` }, onProgress: progress,
  })
  if (report.written) await tellServers()
  if (values.json) console.log(JSON.stringify(report, null, 2))
  else print(report, refusalLine)
  exitCode = report.accepted ? 0 : 1
} catch (error) {
  if (!(error instanceof ImportFileError)) throw error
  if (values.json) console.log(JSON.stringify({ error: error.message }, null, 2))
  else console.error(`schema:import : ${error.message}`)
  exitCode = 1
} finally {
  await db.$disconnect()
}
process.exit(exitCode)
