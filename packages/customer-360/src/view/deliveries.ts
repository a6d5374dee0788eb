import { latestAsOf } from '../state/sorted.js'
import type { DeliveryRecord, PromiseEntry } from '../state/records.js'
import type { DeliveryTally } from '../state/tallies.js'
import type { Window } from './window.js'
import { earliest, happened, inWindow } from './window.js'

/**
 * Whether a completed delivery was late. A promise for a calendar date is kept when the delivery arrives before
 * that day ends in the promise's time zone (`deadlineMs`); a delivery known only by its date is compared by date
 * with a calendar-date promise. A promised instant is kept when the delivery arrives at or before it.
 * (`deadlineMs` of a record is the first late millisecond in both cases.)
 */
export const isLate = (r: DeliveryRecord, promise: PromiseEntry): boolean => {
  if (r.completedMs === null) return false
  if (promise.promisedDate !== null && r.completedDate !== null) return r.completedDate > promise.promisedDate
  return r.completedMs >= promise.deadlineMs
}

/** The promise in effect as of `asOfMs`: the latest made by then. */
export const promiseAsOf = (r: DeliveryRecord, asOfMs: number): PromiseEntry | undefined => {
  if (r.promisedMs === null || r.deadlineMs === null) return undefined
  if (r.promisedMs <= asOfMs)
    return { at: r.promisedMs, deadlineMs: r.deadlineMs, promisedDate: r.promisedDate }
  return r.earlierPromises === null ? undefined : latestAsOf(r.earlierPromises, asOfMs)
}

export type DeliveryStatus =
  'on_time' | 'late' | 'completed_unpromised' | 'failed' | 'overdue' | 'pending' | 'cancelled'

/**
 * A delivery's status as of `asOfMs`: its outcome (the earlier of completion and failure) if it has one by then;
 * otherwise cancelled when its order was cancelled by then (no longer owed: never overdue), otherwise overdue when
 * a promise made by then has passed its deadline, else pending.
 */
export const deliveryStatus = (r: DeliveryRecord, asOfMs: number): DeliveryStatus => {
  const completed = happened(r.completedMs, asOfMs) ? r.completedMs : null
  const failed = happened(r.failedMs, asOfMs) ? r.failedMs : null
  const outcome = earliest(completed, failed)
  const promise = promiseAsOf(r, asOfMs)
  if (outcome !== null && outcome === completed)
    return promise === undefined ? 'completed_unpromised' : isLate(r, promise) ? 'late' : 'on_time'
  if (outcome !== null) return 'failed'
  if (happened(r.cancelledMs, asOfMs)) return 'cancelled'
  return promise !== undefined && asOfMs >= promise.deadlineMs ? 'overdue' : 'pending'
}

/** The time a delivery's status was decided as of `asOfMs`: its outcome, or the moment it became overdue. */
const decidedAt = (r: DeliveryRecord, status: DeliveryStatus, asOfMs: number): number | null =>
  status === 'failed'
    ? r.failedMs
    : status === 'overdue'
      ? (promiseAsOf(r, asOfMs)?.deadlineMs ?? null)
      : status === 'pending' || status === 'cancelled'
        ? null
        : r.completedMs

/**
 * Deliveries whose status was decided in the window (completed or failed in it, or became overdue in it and still
 * open at its end), by status as of the window's end; open deliveries not yet due count as pending.
 */
export const deliveryTally = (records: Iterable<DeliveryRecord>, w: Window): DeliveryTally => {
  const t: DeliveryTally = { onTime: 0, late: 0, failed: 0, overdue: 0, pending: 0, completedUnpromised: 0 }
  for (const r of records) {
    if (r.at > w.toMs) continue
    const status = deliveryStatus(r, w.toMs)
    if (status === 'cancelled') continue
    if (status === 'pending') {
      if (r.at > w.fromMs) t.pending++
      continue
    }
    const decided = decidedAt(r, status, w.toMs)
    if (!inWindow(decided, w)) continue
    if (status === 'on_time') t.onTime++
    else if (status === 'late') t.late++
    else if (status === 'completed_unpromised') t.completedUnpromised++
    else if (status === 'failed') t.failed++
    else t.overdue++
  }
  return t
}
