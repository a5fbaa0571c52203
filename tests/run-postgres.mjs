// Runs the API test suite on PostgreSQL. Without a server it says why in one line and stops,
// unless REQUIRE_POSTGRES=1 (CI), where a missing server is a failure.
import { spawnSync } from 'node:child_process'
import pg from 'pg'

const serverUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 })
try {
  await client.connect()
  await client.end()
} catch (error) {
  const line = `PostgreSQL suite not run: no server answers at ${serverUrl} (${error.message}); set TEST_POSTGRES_URL to run it.`
  if (process.env.REQUIRE_POSTGRES === '1') {
    console.error(line)
    process.exit(1)
  }
  console.log(line)
  process.exit(0)
}
const result = spawnSync('pnpm', ['exec', 'vitest', 'run', '--project', 'api'], {
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE: 'postgresql', TEST_POSTGRES_URL: serverUrl },
})
process.exit(result.status ?? 1)
