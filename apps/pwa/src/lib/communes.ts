export interface CommuneSummary {
  inseeCode: string
  name: string
}

export async function fetchCommunes(): Promise<CommuneSummary[]> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ communes { inseeCode name } }' }),
  })
  const body = (await response.json()) as { data?: { communes: CommuneSummary[] } }
  if (!body.data) throw new Error('GraphQL error')
  return body.data.communes
}
