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
 * - BASELINE: no point d'avancement that early, so the status the action had before its first one.
 */
export type StatusBasis = 'UPDATE' | 'BASELINE'

export interface StatusAsOf<U extends DatedStatus> {
  status: ActionStatus
  basis: StatusBasis
  update: U | null
}

export interface BaselineFacts {
  currentStatus: ActionStatus
  /** Some points d'avancement came with the source document, which tells the action's history from its start. */
  hasSourceUpdates: boolean
  /** The status the action had when Mutualis recorded its first point d'avancement, if it ever did. */
  statusWhenFirstRecorded: ActionStatus | null
}

/**
 * The status of an action before its first point d'avancement. The source document tells each
 * action's history from its start: before the first of its updates, nothing had been reported. An
 * action without such updates had, until Mutualis recorded one, the status it was loaded or created
 * with; that is its current status while none has been recorded, so recording one never rewrites the past.
 */
export function baselineStatus(facts: BaselineFacts): ActionStatus {
  if (facts.hasSourceUpdates) return 'NOT_REPORTED'
  return facts.statusWhenFirstRecorded ?? facts.currentStatus
}

/** Chronological order: by the day spoken of, then by recording time for updates of the same day. */
export function byChronology(a: DatedStatus, b: DatedStatus): number {
  return a.date.getTime() - b.date.getTime() || a.recordedAt.getTime() - b.recordedAt.getTime()
}

/** The status of an action as it stood at the end of `day` (a UTC calendar date). */
export function statusAsOf<U extends DatedStatus>(baseline: ActionStatus, updates: readonly U[], day: Date): StatusAsOf<U> {
  let last: U | null = null
  for (const update of updates) {
    if (update.date.getTime() <= day.getTime() && (!last || byChronology(update, last) > 0)) last = update
  }
  return last ? { status: last.statusAfter, basis: 'UPDATE', update: last } : { status: baseline, basis: 'BASELINE', update: null }
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
export function statusChangesBetween<U extends DatedStatus>(baseline: ActionStatus, updates: readonly U[], from: Date, to: Date): StatusChange<U>[] {
  const changes: StatusChange<U>[] = []
  let previous = baseline
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
