import { randomUUID } from 'node:crypto'
import { measureLoad, type LoadFigures } from './load.ts'
import { demoAdminLogin, dijon, recordProgress, type BenchRequest } from './bench-operations.ts'

async function post(url: string, request: BenchRequest, cookie?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-mutualis-csrf': '1', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(request),
  })
  return { body: (await response.json()) as { data?: any; errors?: unknown[] }, cookie: response.headers.get('set-cookie')?.split(';')[0] }
}

/**
 * recordProgress under load, signed in as the demo admin. Each connection reports on an action of
 * its own and sends back the version it last saw, as a real client does, so answers are successes
 * rather than conflicts (a conflict counts as an error).
 */
export async function measureRecordProgress(url: string, connections: number, durationSeconds: number, serverCpuSeconds?: () => number | null): Promise<LoadFigures> {
  const { cookie } = await post(url, demoAdminLogin)
  if (!cookie) throw new Error('connexion du compte de démonstration impossible (base sans comptes de démonstration ?)')
  const versions = new Map<string, number>()
  // Requests still in flight when a run stops leave versions behind: each run starts from fresh ones.
  const loadVersions = async () => {
    const { body } = await post(url, { query: 'query ($territory: String!) { actions(territory: $territory, first: 100) { edges { node { id version } } } }', variables: { territory: dijon.siren } }, cookie)
    for (const { node } of body.data.actions.edges as Array<{ node: { id: string; version: number } }>) versions.set(node.id, node.version)
  }
  await loadVersions()
  if (versions.size < connections) throw new Error(`${versions.size} actions pour ${connections} connexions : chaque connexion a besoin de la sienne`)
  const ids = [...versions.keys()]
  let next = 0
  const run = (seconds: number) => measureLoad({
    url,
    connections,
    durationSeconds: seconds,
    serverCpuSeconds,
    headers: { cookie, 'x-mutualis-csrf': '1' },
    verifyBody: (answer) => answer.includes('RecordProgressSuccess'),
    requests: [
      {
        method: 'POST',
        setupRequest: (request, context) => {
          context.actionId ??= ids[next++ % ids.length]
          const actionId = context.actionId as string
          const input = { actionId, status: 'IN_PROGRESS' as const, note: 'Point d’avancement (mesure de charge).', date: '2026-11-20', clientMutationId: randomUUID(), expectedVersion: versions.get(actionId)! }
          return { ...request, body: JSON.stringify(recordProgress(input)) }
        },
        onResponse: (_status, answer) => {
          const result = (JSON.parse(answer) as { data?: { recordProgress: { action?: { id: string; version: number }; current?: { id: string; version: number } } } }).data?.recordProgress
          const seen = result?.action ?? result?.current
          if (seen) versions.set(seen.id, seen.version)
        },
      },
    ],
  }, 0)
  await run(2)
  await new Promise((resolve) => setTimeout(resolve, 1000))
  await loadVersions()
  return run(durationSeconds)
}
