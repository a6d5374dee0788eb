import { DAY_MS } from '@journeykit/core'
import type { SignalRule } from '../signal.js'
import { rounded, signal } from '../signal.js'
import { countBetween } from '../facts/bounded.js'

const HOUR_MS = 3_600_000
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** Contacts the customer lost (hang-ups, dropped calls, unanswered email) and missed callbacks, not followed up. */
export const abandonedContactUnanswered: SignalRule = (facts, asOfMs, t) => {
  const s = facts.service
  if (s === undefined) return undefined
  const staleMs = asOfMs - t.staleAfterDays * DAY_MS
  const ids: string[] = []
  let lost = 0
  let callbacks = 0
  for (const a of s.abandoned) {
    const at = a.abandoned
    if (at === undefined || a.followedUp !== undefined || at.ms < staleMs) continue
    if (at.ms + t.followUpHours * HOUR_MS > asOfMs) continue
    lost++
    ids.push(at.id)
  }
  for (const c of s.callbacks) {
    if (c.completed !== undefined) continue
    const missed =
      c.missed ?? (c.requested !== undefined && c.requested.dueMs < asOfMs ? c.requested : undefined)
    if (missed === undefined || missed.ms < staleMs) continue
    callbacks++
    ids.push(missed.id)
  }
  const count = lost + callbacks
  if (count === 0) return undefined
  return signal(
    'abandoned-contact-unanswered',
    count / t.abandonedFullCount,
    [
      lost > 0 ? `${plural(lost, 'lost contact')} not followed up within ${t.followUpHours} hours` : '',
      callbacks > 0 ? `${plural(callbacks, 'callback')} missed or overdue` : '',
    ]
      .filter((part) => part !== '')
      .join(' and ') + ': the customer tried to reach us and nobody got back to them.',
    ids,
    { lostContacts: lost, missedCallbacks: callbacks },
    t,
    { followUpHours: t.followUpHours, abandonedFullCount: t.abandonedFullCount },
  )
}

/** Inquiries still unanswered after their SLA. */
export const inquiryPastSla: SignalRule = (facts, asOfMs, t) => {
  const s = facts.service
  if (s === undefined) return undefined
  const staleMs = asOfMs - t.staleAfterDays * DAY_MS
  const ids: string[] = []
  let worstHoursLate = 0
  for (const i of s.inquiries) {
    const received = i.received
    if (received === undefined || i.answered !== undefined || received.ms < staleMs) continue
    const dueMs = received.ms + (i.slaHours ?? t.inquirySlaHours) * HOUR_MS
    if (dueMs >= asOfMs) continue
    ids.push(received.id)
    worstHoursLate = Math.max(worstHoursLate, (asOfMs - dueMs) / HOUR_MS)
  }
  if (ids.length === 0) return undefined
  return signal(
    'inquiry-past-sla',
    ids.length / t.inquiryFullCount,
    `${plural(ids.length, 'inquiry')} unanswered past SLA, the worst by ${Math.round(worstHoursLate)} hours.`,
    ids,
    { inquiriesPastSla: ids.length, worstHoursLate: rounded(worstHoursLate, 1) },
    t,
    { inquirySlaHours: t.inquirySlaHours, inquiryFullCount: t.inquiryFullCount },
  )
}

const complaintSeverity: Readonly<Record<string, number>> = { low: 0.4, medium: 0.7, high: 1 }

/** Complaints not resolved, or resolved recently without the customer accepting the outcome. */
export const complaintUnresolved: SignalRule = (facts, asOfMs, t) => {
  const s = facts.service
  if (s === undefined) return undefined
  const staleMs = asOfMs - t.staleAfterDays * DAY_MS
  const recentMs = asOfMs - t.recentDays * DAY_MS
  const ids: string[] = []
  let open = 0
  let unsatisfied = 0
  let severity = 0
  for (const c of s.complaints) {
    const filed = c.filed
    if (filed === undefined || filed.ms < staleMs) continue
    if (c.resolved === undefined) open++
    else if (c.resolved.satisfied === false && c.resolved.ms >= recentMs) unsatisfied++
    else continue
    ids.push(filed.id, ...(c.resolved === undefined ? [] : [c.resolved.id]))
    severity = Math.max(severity, complaintSeverity[filed.severity] ?? 1)
  }
  if (ids.length === 0) return undefined
  return signal(
    'complaint-unresolved',
    severity,
    [
      open > 0 ? `${plural(open, 'complaint')} open` : '',
      unsatisfied > 0
        ? `${plural(unsatisfied, 'complaint')} closed without the customer accepting the outcome`
        : '',
    ]
      .filter((part) => part !== '')
      .join('; ') + '.',
    ids,
    { openComplaints: open, unsatisfiedResolutions: unsatisfied, worstSeverity: severity },
    t,
    { staleAfterDays: t.staleAfterDays, recentDays: t.recentDays },
  )
}

/** Many more support contacts lately than this customer's own baseline. */
export const supportSpike: SignalRule = (facts, asOfMs, t) => {
  const contacts = facts.service?.contacts
  if (contacts === undefined) return undefined
  const windowStart = asOfMs - t.spikeWindowDays * DAY_MS
  const recent = countBetween(contacts, windowStart, asOfMs)
  if (recent < t.spikeMinContacts) return undefined
  const baseline = countBetween(contacts, windowStart - t.spikeBaselineDays * DAY_MS, windowStart)
  const expected = (Math.max(1, baseline) * t.spikeWindowDays) / t.spikeBaselineDays
  const ratio = recent / expected
  if (ratio < t.spikeRatio) return undefined
  const ids = contacts.filter((c) => c.ms > windowStart && c.ms <= asOfMs).map((c) => c.id)
  return signal(
    'support-spike',
    recent / (2 * t.spikeMinContacts),
    `${recent} support contacts in ${t.spikeWindowDays} days, ${rounded(ratio, 1)}× this customer's usual rate.`,
    ids.reverse(),
    { recentContacts: recent, baselineContacts: baseline, ratio: rounded(ratio, 1) },
    t,
    { spikeWindowDays: t.spikeWindowDays, spikeMinContacts: t.spikeMinContacts, spikeRatio: t.spikeRatio },
  )
}
