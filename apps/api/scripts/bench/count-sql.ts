// Child process of the benchmark: counts the SQL statements each benchmark request sends, in
// process (onSql), on the database of DATABASE_URL, response cache off; with the database's size.
// Prints one JSON line.
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import { db, dbConfig, onSql } from '../../src/db.ts'
import { prepareDatabase } from '../../src/startup.ts'
import { yoga } from '../../src/http/yoga.ts'
import { demoAdminLogin, dijon, reads, recordProgress, type BenchRequest } from './bench-operations.ts'

async function post(request: BenchRequest, headers: Record<string, string> = {}) {
  const response = await yoga.fetch('http://bench.local/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-mutualis-csrf': '1', ...headers },
    body: JSON.stringify(request),
  })
  const body = (await response.json()) as { data?: any; errors?: unknown[] }
  if (body.errors?.length) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`)
  return { body, cookie: response.headers.get('set-cookie')?.split(';')[0] }
}

async function statementsOf(work: () => Promise<unknown>): Promise<number> {
  let count = 0
  const stop = onSql(() => count++)
  try {
    await work()
  } finally {
    stop()
  }
  return count
}

await prepareDatabase(() => {})
const counts: Record<string, number> = {}
for (const read of reads) {
  await post(read.request)
  counts[read.key] = await statementsOf(() => post(read.request))
}
if (process.argv.includes('--write')) {
  const { cookie } = await post(demoAdminLogin)
  const action = await db.action.findFirstOrThrow({ where: { territory: { siren: dijon.siren } }, orderBy: { position: 'asc' } })
  const { encodeGlobalID } = await import('@pothos/plugin-relay')
  const input = { actionId: encodeGlobalID('Action', action.id), status: 'IN_PROGRESS' as const, note: 'Mesure du nombre de requêtes SQL.', date: '2026-11-20', clientMutationId: randomUUID(), expectedVersion: action.version }
  counts.recordProgress = await statementsOf(() => post(recordProgress(input), { cookie: cookie! }))
}
const size = dbConfig.provider === 'sqlite'
  ? fs.statSync(dbConfig.file).size
  : Number((await db.$queryRawUnsafe<Array<{ size: bigint }>>('SELECT pg_database_size(current_database()) AS size'))[0].size)
const totals = { communes: await db.organisation.count({ where: { kind: 'COMMUNE' } }), actions: await db.action.count(), databaseBytes: size }
console.log(JSON.stringify({ counts, totals }))
await db.$disconnect()
