import type { CommuneDetail, JoinOpportunity, Participation } from '../../apps/pwa/src/lib/commune.queries.ts'
import type { OutboxItem } from '../../apps/pwa/src/lib/outbox.rules.ts'

let sequence = 0
const nextId = (prefix: string) => `${prefix}-${++sequence}`

export function createParticipation(overrides: Partial<Participation> & { title?: string } = {}): Participation {
  const { title, ...rest } = overrides
  return {
    role: 'MEMBER',
    state: 'MEMBER',
    since: '2019-01-01',
    action: { id: nextId('action'), title: title ?? 'Service commun Informatique', instrument: 'SERVICE_COMMUN', status: 'IMPLEMENTED', statusLabel: 'Mis en œuvre' },
    ...rest,
  }
}

export function createOpportunity(overrides: Partial<JoinOpportunity> & { title?: string } = {}): JoinOpportunity {
  const { title, ...rest } = overrides
  return {
    openness: 'OPEN',
    howToJoin: 'Adhésion au groupement de commandes par délibération.',
    pendingRequest: false,
    action: {
      id: nextId('action'),
      title: title ?? 'Groupement de commandes Électricité',
      instrument: 'GROUPEMENT_DE_COMMANDES',
      status: 'IN_PROGRESS',
      statusLabel: 'En cours',
      domain: { id: 'domain-1', name: 'Achats publics' },
    },
    ...rest,
  }
}

export function createCommune(overrides: Partial<CommuneDetail> = {}): CommuneDetail {
  return { id: nextId('commune'), inseeCode: '21166', name: 'Chenôve', participations: [], joinable: [], ...overrides }
}

export function createProgressItem(overrides: Partial<Extract<OutboxItem, { kind: 'progress' }>> = {}): OutboxItem {
  const id = overrides.id ?? nextId('cmid')
  return {
    id,
    kind: 'progress',
    label: 'Service commun Informatique',
    createdAt: new Date(Date.UTC(2026, 10, 28, 9, sequence)).toISOString(),
    state: 'pending',
    input: { actionId: 'action-1', status: 'IN_PROGRESS', note: 'Convention signée', date: '2026-11-28', meeting: null, clientMutationId: id, expectedVersion: 1 },
    ...overrides,
  } as OutboxItem
}
