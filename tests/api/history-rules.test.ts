import { describe, expect, it } from 'vitest'
import type { ActionStatus } from '@mutualis/domain'
import { statusAsOf, statusChangesBetween, type DatedStatus } from '@mutualis/api/analytics/history.rules.ts'

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
    { case: 'before the first update, nothing reported yet', day: '2021-12-31', expected: { status: 'NOT_REPORTED', basis: 'BEFORE_FIRST_UPDATE', update: null } },
  ])('$case', ({ day: asOf, expected }) => {
    expect(statusAsOf('IMPLEMENTED', history, day(asOf))).toEqual(expected)
  })

  it('keeps the status the action was loaded with when it has no update at all', () => {
    expect(statusAsOf('TO_STUDY', [], day('2000-01-01'))).toEqual({ status: 'TO_STUDY', basis: 'NO_UPDATE', update: null })
  })

  it('takes the update recorded last among those of the same day', () => {
    const first = createUpdate('2023-03-01', 'IN_PROGRESS')
    const correction = createUpdate('2023-03-01', 'NO_PROGRESS')
    expect(statusAsOf('IN_PROGRESS', [correction, first], day('2023-03-01')).update).toBe(correction)
  })

  it('trusts the date an update speaks of over when it was recorded (a late report of an old meeting)', () => {
    const recent = createUpdate('2024-05-01', 'IMPLEMENTED')
    const lateReport = createUpdate('2023-01-01', 'IN_PROGRESS')
    expect(statusAsOf('IN_PROGRESS', [recent, lateReport], day('2023-06-01')).status).toBe('IN_PROGRESS')
    expect(statusAsOf('IN_PROGRESS', [recent, lateReport], day('2024-06-01')).status).toBe('IMPLEMENTED')
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
    expect(labels(statusChangesBetween(updates, day(from), day(to)))).toEqual(expected)
  })

  it('does not depend on the order updates are given in', () => {
    const reversed = [...updates].reverse()
    expect(labels(statusChangesBetween(reversed, day('2000-01-01'), day('2030-01-01')))).toEqual(labels(statusChangesBetween(updates, day('2000-01-01'), day('2030-01-01'))))
  })
})
