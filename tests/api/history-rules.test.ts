import { describe, expect, it } from 'vitest'
import type { ActionStatus } from '@mutualis/domain'
import { baselineStatus, statusAsOf, statusChangesBetween, type DatedStatus } from '@mutualis/api/analytics/history.rules.ts'

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`)
let recorded = 0
/** An update about `date`, recorded after every update created before it. */
const createUpdate = (date: string, statusAfter: ActionStatus, overrides: Partial<DatedStatus> = {}): DatedStatus & { label: string } => ({
  date: day(date),
  recordedAt: new Date(Date.UTC(2030, 0, 1) + recorded++),
  statusAfter,
  label: `${date} ${statusAfter}`,
  ...overrides,
})

describe('statusAsOf', () => {
  const planned = createUpdate('2022-01-10', 'PLANNED')
  const started = createUpdate('2022-06-01', 'IN_PROGRESS')
  const done = createUpdate('2022-12-15', 'IMPLEMENTED')
  const history = [done, planned, started]

  it.each([
    { case: 'on the day of an update, that update counts', day: '2022-06-01', expected: { status: 'IN_PROGRESS', basis: 'UPDATE', update: started } },
    { case: 'between two updates, the earlier one', day: '2022-11-30', expected: { status: 'IN_PROGRESS', basis: 'UPDATE', update: started } },
    { case: 'after the last update, the last one', day: '2026-01-01', expected: { status: 'IMPLEMENTED', basis: 'UPDATE', update: done } },
    { case: 'before the first update, the baseline', day: '2021-12-31', expected: { status: 'NOT_REPORTED', basis: 'BASELINE', update: null } },
  ])('$case', ({ day: asOf, expected }) => {
    expect(statusAsOf('NOT_REPORTED', history, day(asOf))).toEqual(expected)
  })

  it('keeps the baseline when the action has no update at all', () => {
    expect(statusAsOf('TO_STUDY', [], day('2000-01-01'))).toEqual({ status: 'TO_STUDY', basis: 'BASELINE', update: null })
  })

  it('takes the update recorded last among those of the same day', () => {
    const first = createUpdate('2023-03-01', 'IN_PROGRESS')
    const correction = createUpdate('2023-03-01', 'NO_PROGRESS')
    expect(statusAsOf('NOT_REPORTED', [correction, first], day('2023-03-01')).update).toBe(correction)
  })

  it('trusts the date an update speaks of over when it was recorded (a late report of an old meeting)', () => {
    const recent = createUpdate('2024-05-01', 'IMPLEMENTED')
    const lateReport = createUpdate('2023-01-01', 'IN_PROGRESS')
    expect(statusAsOf('NOT_REPORTED', [recent, lateReport], day('2023-06-01')).status).toBe('IN_PROGRESS')
    expect(statusAsOf('NOT_REPORTED', [recent, lateReport], day('2024-06-01')).status).toBe('IMPLEMENTED')
  })
})

describe('statusChangesBetween', () => {
  const updates = [
    createUpdate('2021-10-01', 'PLANNED'),
    createUpdate('2022-03-01', 'IN_PROGRESS'),
    createUpdate('2022-06-01', 'IN_PROGRESS'),
    createUpdate('2022-12-15', 'IMPLEMENTED'),
  ]
  const labels = (changes: ReturnType<typeof statusChangesBetween<(typeof updates)[number]>>) => changes.map((c) => `${c.from}→${c.to} ${c.update.label}`)

  it.each([
    { case: 'the whole history, from nothing reported', from: '2000-01-01', to: '2030-01-01', expected: ['NOT_REPORTED→PLANNED 2021-10-01 PLANNED', 'PLANNED→IN_PROGRESS 2022-03-01 IN_PROGRESS', 'IN_PROGRESS→IMPLEMENTED 2022-12-15 IMPLEMENTED'] },
    { case: 'both ends included', from: '2022-03-01', to: '2022-12-15', expected: ['PLANNED→IN_PROGRESS 2022-03-01 IN_PROGRESS', 'IN_PROGRESS→IMPLEMENTED 2022-12-15 IMPLEMENTED'] },
    { case: 'a repeated status is no change', from: '2022-04-01', to: '2022-11-30', expected: [] },
    { case: 'the status before the range is the starting point', from: '2022-12-01', to: '2022-12-31', expected: ['IN_PROGRESS→IMPLEMENTED 2022-12-15 IMPLEMENTED'] },
  ])('$case', ({ from, to, expected }) => {
    expect(labels(statusChangesBetween('NOT_REPORTED', updates, day(from), day(to)))).toEqual(expected)
  })

  it('starts from the baseline: an action loaded « à étudier » that gets its first update', () => {
    const first = createUpdate('2026-03-01', 'IN_PROGRESS')
    expect(labels(statusChangesBetween('TO_STUDY', [first], day('2026-01-01'), day('2026-12-31')))).toEqual(['TO_STUDY→IN_PROGRESS 2026-03-01 IN_PROGRESS'])
    expect(statusChangesBetween('IN_PROGRESS', [first], day('2026-01-01'), day('2026-12-31'))).toEqual([])
  })

  it('does not depend on the order updates are given in', () => {
    const reversed = [...updates].reverse()
    expect(labels(statusChangesBetween('NOT_REPORTED', reversed, day('2000-01-01'), day('2030-01-01')))).toEqual(labels(statusChangesBetween('NOT_REPORTED', updates, day('2000-01-01'), day('2030-01-01'))))
  })
})

describe('baselineStatus', () => {
  it.each([
    { case: 'history from the source document: nothing reported before it', facts: { currentStatus: 'IMPLEMENTED', hasSourceUpdates: true, statusWhenFirstRecorded: null }, expected: 'NOT_REPORTED' },
    { case: 'source history then updates recorded in Mutualis', facts: { currentStatus: 'IMPLEMENTED', hasSourceUpdates: true, statusWhenFirstRecorded: 'IN_PROGRESS' }, expected: 'NOT_REPORTED' },
    { case: 'loaded without history, nothing recorded since: its status', facts: { currentStatus: 'TO_STUDY', hasSourceUpdates: false, statusWhenFirstRecorded: null }, expected: 'TO_STUDY' },
    { case: 'loaded without history, then updated: the status it had then', facts: { currentStatus: 'IMPLEMENTED', hasSourceUpdates: false, statusWhenFirstRecorded: 'TO_STUDY' }, expected: 'TO_STUDY' },
  ] as const)('$case', ({ facts, expected }) => {
    expect(baselineStatus(facts)).toBe(expected)
  })
})
