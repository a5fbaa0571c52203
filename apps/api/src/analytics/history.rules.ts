import type { ActionStatus } from '@mutualis/domain'

/** What a point d'avancement tells history: the day it speaks of, when it was recorded, the status it left. */
export interface DatedStatus {
  date: Date
  recordedAt: Date
  statusAfter: ActionStatus
}

/**
 * How the status on a date was known:
 * - UPDATE: the last point d'avancement dated on or before that day;
 * - NO_UPDATE: the action has no point d'avancement at all, so its status never changed through one
 *   and is the one it was loaded with (the source document states it without a date);
 * - BEFORE_FIRST_UPDATE: every point d'avancement is later; nothing was reported yet.
 */
export type StatusBasis = 'UPDATE' | 'NO_UPDATE' | 'BEFORE_FIRST_UPDATE'

export interface StatusAsOf<U extends DatedStatus> {
  status: ActionStatus
  basis: StatusBasis
  update: U | null
}

/** Status of an action before its first point d'avancement: nothing had been reported. */
export const statusBeforeAnyUpdate: ActionStatus = 'NOT_REPORTED'

/** Chronological order: by the day spoken of, then by recording time for updates of the same day. */
export function byChronology(a: DatedStatus, b: DatedStatus): number {
  return a.date.getTime() - b.date.getTime() || a.recordedAt.getTime() - b.recordedAt.getTime()
}

/** The status of an action as it stood at the end of `day` (a UTC calendar date). */
export function statusAsOf<U extends DatedStatus>(currentStatus: ActionStatus, updates: readonly U[], day: Date): StatusAsOf<U> {
  if (updates.length === 0) return { status: currentStatus, basis: 'NO_UPDATE', update: null }
  let last: U | null = null
  for (const update of updates) {
    if (update.date.getTime() <= day.getTime() && (!last || byChronology(update, last) > 0)) last = update
  }
  return last ? { status: last.statusAfter, basis: 'UPDATE', update: last } : { status: statusBeforeAnyUpdate, basis: 'BEFORE_FIRST_UPDATE', update: null }
}

export interface StatusChange<U extends DatedStatus> {
  from: ActionStatus
  to: ActionStatus
  update: U
}

/**
 * The status changes of one action made by points d'avancement dated from `from` to `to`, both
 * days included: each update whose status differs from the one before it. Repeating a status is
 * news, not a change.
 */
export function statusChangesBetween<U extends DatedStatus>(updates: readonly U[], from: Date, to: Date): StatusChange<U>[] {
  const changes: StatusChange<U>[] = []
  let previous = statusBeforeAnyUpdate
  for (const update of [...updates].sort(byChronology)) {
    const inRange = update.date.getTime() >= from.getTime() && update.date.getTime() <= to.getTime()
    if (inRange && update.statusAfter !== previous) changes.push({ from: previous, to: update.statusAfter, update })
    previous = update.statusAfter
  }
  return changes
}

const dayMs = 24 * 60 * 60 * 1000

/** The first instant after a UTC calendar day, to compare timestamps (createdAt, decidedAt) with it. */
export function endOfDay(day: Date): Date {
  return new Date(day.getTime() + dayMs)
}

/** Today as a UTC calendar date. */
export function today(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
}
