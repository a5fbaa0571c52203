// The most expensive requests an anonymous visitor can try against the limits (depth 12, 50,000
// estimated objects, 3,000 tokens, 1 MB): list fan-outs, whole lists with every field, the exports
// and the report. The probe checks each one alone first and loops on those the limits let through.

export interface HostileRequest {
  name: string
  /** The path (and query) for GET requests, or a GraphQL document POSTed to /graphql. */
  path?: string
  query?: string
}

/** Every field of an action a visitor can read, lists included. */
const actionFields = `id key title description sourceText status statusLabel instrument openness effectiveDate plannedDate version
  domain { name } sharedService { name members { name } } jointContract { subject } openTo { name }
  participants { role state since organisation { name } } progressUpdates { date text statusAfter } statusAsOf(date: "2025-01-01") { status basis }`

export const hostileRequests: HostileRequest[] = [
  { name: 'communes → participations → action → participants', query: '{ communes { participations { action { participants { organisation { name } } } } } }' },
  { name: 'communes → … → organisation → participations → action', query: '{ communes { participations { action { participants { organisation { participations { action { title } } } } } } } }' },
  { name: 'communes → joinable → … → participants', query: '{ communes { joinable { action { participants { organisation { participations { action { participants { organisation { name } } } } } } } } } }' },
  { name: 'domains → actions → … → participations', query: '{ domains { actions { participants { organisation { participations { action { title } } } } } } }' },
  { name: 'actions(first: 100), every field', query: `{ actions(first: 100) { totalCount edges { cursor node { ${actionFields} } } } }` },
  { name: 'actions(first: 200), lists of each', query: '{ actions(first: 200) { totalCount edges { node { id title participants { organisation { name } } progressUpdates { date text } } } } }' },
  {
    name: 'membershipMatrix, whole',
    query: '{ membershipMatrix { rows { cells cellLabels memberOf commune { name participations { action { title } } } } sharedServices { name members { name } actions { title } } } }',
  },
  {
    name: 'changes since 2000',
    query: '{ changes(from: "2000-01-01") { statusChanges { date action { title participants { organisation { name } } } } newMembers { since organisation { name } action { title } } progressUpdates { date text action { title } } } }',
  },
  { name: 'statistics, whole', query: '{ statistics { actionCount byDomain { total byStatus { count } } byInstrument { count } byStatus { count } communes { memberships openOpportunities commune { name } } } }' },
  ...['actions', 'participations', 'progress-updates', 'matrix'].flatMap((list) => ['csv', 'xlsx'].map((format) => ({ name: `/export/${list}.${format}`, path: `/export/${list}.${format}` }))),
  { name: '/rapport since 2000', path: '/rapport?depuis=2000-01-01' },
  { name: '/rapport.docx since 2000', path: '/rapport.docx?depuis=2000-01-01' },
]

/**
 * The request as sent the n-th time. An attacker defeats the response cache for free, so each
 * document gets a comment of its own and each report another start day (they cover the same data).
 */
export function requestInit(request: HostileRequest, n: number): { path: string; init: RequestInit } {
  if (request.query !== undefined) {
    return { path: '/graphql', init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `${request.query}\n# ${n}` }) } }
  }
  const day = new Date(Date.UTC(2000, 0, 1 + (n % 3_000))).toISOString().slice(0, 10)
  return { path: request.path!.replace('depuis=2000-01-01', `depuis=${day}`), init: { method: 'GET' } }
}
