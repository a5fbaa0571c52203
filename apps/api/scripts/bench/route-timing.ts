// `pnpm --filter @mutualis/api bench:routes`: how long the HTTP routes that read through the schema
// (exports, the yearly report) take, one request after another, against the server as `pnpm start`
// runs it on a fresh Dijon database. Prints one line a route and cache setting: wall time, and the
// server's CPU time, which says more than wall time on a machine others share.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startApi } from './servers.ts'

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '20' },
    path: { type: 'string', multiple: true, default: ['/export/offers.xlsx', '/export/actions.csv', '/rapport'] },
  },
})
const requests = Number(args.requests)
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mutualis-route-timing-'))
const databaseUrl = `file:${path.join(work, 'dijon.db')}`

async function timed(url: string): Promise<number> {
  const start = performance.now()
  const response = await fetch(url)
  await response.arrayBuffer()
  if (response.status !== 200) throw new Error(`${url} : ${response.status}`)
  return performance.now() - start
}

try {
  for (const cache of [true, false]) {
    const server = await startApi(databaseUrl, { cache })
    const origin = new URL(server.url).origin
    try {
      for (const route of args.path) {
        const first = await timed(`${origin}${route}`)
        const cpuBefore = server.cpuSeconds()
        const times: number[] = []
        for (let i = 0; i < requests; i++) times.push(await timed(`${origin}${route}`))
        const cpu = cpuBefore === null ? null : server.cpuSeconds()! - cpuBefore
        const total = times.reduce((sum, ms) => sum + ms, 0)
        const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]
        console.log(
          `${route} (cache ${cache ? 'on' : 'off'}) : premier ${first.toFixed(0)} ms, puis ${requests} requêtes en ${total.toFixed(0)} ms` +
            ` (médiane ${median.toFixed(0)} ms${cpu === null ? '' : `, CPU du serveur ${cpu.toFixed(2)} s`})`,
        )
      }
    } finally {
      await server.stop()
    }
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true })
}
