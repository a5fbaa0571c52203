import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { cpuSeconds, processTree, residentBytes, resetPeakResident } from './process-cpu.ts'

const apiDir = path.resolve(import.meta.dirname, '../..')
const tsx = path.join(apiDir, 'node_modules/.bin/tsx')

const running = new Set<ChildProcess>()
// A benchmark that fails half-way must not leave servers holding the machine's two cores.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

export interface Server {
  url: string
  /** CPU seconds the server has used so far (its whole process tree), null off Linux. */
  cpuSeconds(): number | null
  /** Resident memory of the server process now or at its peak, null off Linux. */
  residentBytes(which: 'now' | 'peak'): number | null
  /** Starts the peak over from now (false where the kernel does not allow it). */
  resetPeakResident(): boolean
  /** Whether the process is still running (a crash shows here). */
  running(): boolean
  /** What it printed so far. */
  output(): string
  stop(): Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

async function startProcess(script: string, env: Record<string, string>, ready: RegExp): Promise<Server> {
  const port = await freePort()
  const child: ChildProcess = spawn(tsx, [script], { cwd: apiDir, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  running.add(child)
  const exited = new Promise<void>((resolve) => child.on('exit', () => (running.delete(child), resolve())))
  const deadline = Date.now() + 300_000
  while (!ready.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${script} n'a pas démarré :\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    cpuSeconds: () => cpuSeconds(child.pid),
    residentBytes: (which) => residentBytes(child.pid, which),
    resetPeakResident: () => resetPeakResident(child.pid),
    running: () => child.exitCode === null && child.signalCode === null,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM')
      // A server still busy with a request it cannot finish (a bench of hostile requests) does not
      // close: its whole tree is killed, tsx would not relay SIGKILL to the Node process it runs.
      const timer = setTimeout(() => {
        for (const pid of child.pid === undefined ? [] : processTree(child.pid).reverse()) {
          try {
            process.kill(pid, 'SIGKILL')
          } catch {
            // already gone
          }
        }
      }, 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}

/** The Mutualis API as `pnpm start` runs it, on the given database, response cache on or off. */
export function startApi(databaseUrl: string, options: { cache: boolean; env?: Record<string, string> }): Promise<Server> {
  const env = { DATABASE_URL: databaseUrl, RESPONSE_CACHE: options.cache ? 'on' : 'off', NODE_ENV: 'production', ...options.env }
  return startProcess('src/http/server.ts', env, /GraphQL \(GraphiQL\)/)
}

/** graphql-yoga with a one-field schema: the ceiling any GraphQL answer of this stack can reach. */
export function startBareYoga(): Promise<Server> {
  return startProcess('scripts/bench/bare-yoga-server.ts', {}, /bare yoga ready/)
}

/** graphql-yoga with Mutualis's schema answering one query from memory (see ceiling-server.ts). */
export function startCeiling(answerFile: string): Promise<Server> {
  return startProcess('scripts/bench/ceiling-server.ts', { ANSWER_FILE: answerFile }, /ceiling ready/)
}
