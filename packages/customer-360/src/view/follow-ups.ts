import type { Customer360Options } from '../options.js'
import { dict, lookup } from '../state/dict.js'
import type { AbandonedRecord, CallbackRecord, InquiryRecord } from '../state/records.js'
import type { Customer360State } from '../state/state.js'
import type { AbandonedTally, CallbackTally } from '../state/tallies.js'
import { recordsOf } from '../state/table.js'
import type { Window } from './window.js'
import { HOUR_MS, happened, inWindow } from './window.js'

/**
 * The first follow-up of an abandoned contact (`id`, abandoned at `at`): the earliest of
 * - an OutreachMade whose `followsUp` is the contact;
 * - a completed callback whose `followsUp` is the contact, or that was requested at or after the abandonment;
 * - an answer to an inquiry the customer made at or after the abandonment.
 * Only follow-ups at or after the abandonment count. Undefined when there is none.
 */
export const followUpMs = (
  id: string,
  r: AbandonedRecord,
  at: number,
  callbacks: readonly CallbackRecord[],
  inquiries: readonly InquiryRecord[],
): number | undefined => {
  let first = r.outreachMs !== null && r.outreachMs >= at ? r.outreachMs : Infinity
  for (const c of callbacks) {
    if (c.completedMs === null || c.completedMs < at || c.completedMs >= first) continue
    if (c.followsUp === id || (c.at !== null && c.at >= at)) first = c.completedMs
  }
  for (const q of inquiries) {
    if (q.at === null || q.at < at || q.answeredMs === null || q.answeredMs < at) continue
    if (q.answeredMs < first) first = q.answeredMs
  }
  return first === Infinity ? undefined : first
}

export type FollowUpStatus = 'followed_up' | 'not_followed_up' | 'awaiting_follow_up'

/**
 * Followed up when the first follow-up came within the window after the abandonment (and by `asOfMs`); awaiting
 * while that window is still open as of `asOfMs`; otherwise not followed up.
 */
export const followUpStatus = (
  followUp: number | undefined,
  at: number,
  asOfMs: number,
  o: Customer360Options,
): FollowUpStatus => {
  const windowEnd = at + o.followUpWindowHours * HOUR_MS
  if (followUp !== undefined && followUp <= asOfMs && followUp <= windowEnd) return 'followed_up'
  return asOfMs < windowEnd ? 'awaiting_follow_up' : 'not_followed_up'
}

/** Contacts abandoned in the window, by follow-up status as of its end; waiting time and channels. */
export const abandonedTally = (
  s: Customer360State,
  records: Iterable<readonly [string, AbandonedRecord]>,
  w: Window,
  o: Customer360Options,
): AbandonedTally => {
  const t: AbandonedTally = {
    abandoned: 0,
    followedUp: 0,
    notFollowedUp: 0,
    awaitingFollowUp: 0,
    waitSeconds: 0,
    byChannel: dict(),
  }
  const callbacks = recordsOf(s.callbacks)
  const inquiries = recordsOf(s.inquiries)
  for (const [id, r] of records) {
    const at = r.at
    if (!inWindow(at, w)) continue
    t.abandoned++
    t.waitSeconds += r.waitSeconds
    const channel = r.channel ?? 'unknown'
    t.byChannel[channel] = (lookup(t.byChannel, channel) ?? 0) + 1
    const status = followUpStatus(followUpMs(id, r, at, callbacks, inquiries), at, w.toMs, o)
    if (status === 'followed_up') t.followedUp++
    else if (status === 'awaiting_follow_up') t.awaitingFollowUp++
    else t.notFollowedUp++
  }
  return t
}

export type CallbackStatus = 'completed' | 'completed_late' | 'missed' | 'overdue' | 'pending'

/**
 * Completed (late when after its due time), else missed (CallbackMissed), else overdue once its due time has
 * passed, else pending.
 */
export const callbackStatus = (r: CallbackRecord, asOfMs: number): CallbackStatus =>
  happened(r.completedMs, asOfMs)
    ? r.dueMs !== null && r.completedMs > r.dueMs
      ? 'completed_late'
      : 'completed'
    : happened(r.missedMs, asOfMs)
      ? 'missed'
      : r.dueMs !== null && asOfMs > r.dueMs
        ? 'overdue'
        : 'pending'

/** Callbacks requested in the window, by status as of its end (`completed` includes the late ones). */
export const callbackTally = (records: Iterable<CallbackRecord>, w: Window): CallbackTally => {
  const t: CallbackTally = { requested: 0, completed: 0, completedLate: 0, missed: 0, overdue: 0, pending: 0 }
  for (const r of records) {
    if (!inWindow(r.at, w)) continue
    t.requested++
    const status = callbackStatus(r, w.toMs)
    if (status === 'completed_late') {
      t.completed++
      t.completedLate++
    } else if (status === 'completed') t.completed++
    else if (status === 'missed') t.missed++
    else if (status === 'overdue') t.overdue++
    else t.pending++
  }
  return t
}
