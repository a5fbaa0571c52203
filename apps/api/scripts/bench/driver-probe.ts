// Child process of bench:driver: the commune page answered in process (yoga.fetch, no HTTP, one at
// a time, response cache off) on DATABASE_URL with SQLITE_DRIVER; wall and CPU milliseconds per
// request. CPU time is what a busy shared machine distorts least. Prints one JSON line.
import { yoga } from '../../src/http/yoga.ts'
import { db } from '../../src/db.ts'
import { prepareDatabase } from '../../src/startup.ts'
import { reads } from './bench-operations.ts'

const requests = Number(process.env.PROBE_REQUESTS ?? 300)
const communePage = reads.find((read) => read.key === 'communePage')!
const body = JSON.stringify(communePage.request)

const ask = async () => {
  const response = await yoga.fetch('http://bench.local/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
  const text = await response.text()
  if (!text.includes('"inseeCode"')) throw new Error(`réponse inattendue : ${text.slice(0, 300)}`)
}

await prepareDatabase(() => {})
for (let i = 0; i < 50; i++) await ask()
const cpuBefore = process.cpuUsage()
const started = performance.now()
for (let i = 0; i < requests; i++) await ask()
const wallMs = (performance.now() - started) / requests
const cpu = process.cpuUsage(cpuBefore)
console.log(JSON.stringify({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000 / requests }))
await db.$disconnect()
