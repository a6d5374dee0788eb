import type { Customer360Options } from '../options.js'
import { dict } from '../state/dict.js'
import type { ComplaintRecord, InquiryRecord } from '../state/records.js'
import type { ComplaintTally, InquiryStatusTally, InquiryTally } from '../state/tallies.js'
import { groupOf } from '../state/tally.js'
import type { Window } from './window.js'
import { HOUR_MS, earliest, happened, inWindow } from './window.js'

/** The first response to an inquiry: its first answer, or its resolution when that came first. */
export const firstResponseMs = (r: InquiryRecord): number | null => earliest(r.answeredMs, r.resolvedMs)

/** When the inquiry's SLA runs out: received + its `slaHours`, or the configured default. */
export const slaDeadlineMs = (r: InquiryRecord, receivedMs: number, o: Customer360Options): number =>
  receivedMs + (r.slaHours ?? o.defaultSlaHours) * HOUR_MS

export type InquiryStatus = 'open' | 'answered' | 'resolved'

export const inquiryStatus = (r: InquiryRecord, asOfMs: number): InquiryStatus =>
  happened(r.resolvedMs, asOfMs) ? 'resolved' : happened(r.answeredMs, asOfMs) ? 'answered' : 'open'

/** Unanswered (no response by `asOfMs`) and past its SLA deadline. */
export const isPastSla = (
  r: InquiryRecord,
  receivedMs: number,
  asOfMs: number,
  o: Customer360Options,
): boolean => !happened(firstResponseMs(r), asOfMs) && asOfMs >= slaDeadlineMs(r, receivedMs, o)

const emptyStatus = (): InquiryStatusTally => ({ received: 0, open: 0, answered: 0, resolved: 0 })

/**
 * Inquiries in the window: received in it (by status as of its end, per channel, and unanswered past SLA), first
 * responded in it, resolved in it, and with their SLA decided in it (met when the first response came by the
 * deadline; breached once the deadline passed without one). Inquiries whose reception is unknown are left out.
 */
export const inquiryTally = (
  records: Iterable<InquiryRecord>,
  w: Window,
  o: Customer360Options,
): InquiryTally => {
  const t: InquiryTally = {
    ...emptyStatus(),
    byChannel: dict(),
    responded: 0,
    responseMs: 0,
    resolutions: 0,
    resolutionMs: 0,
    resolvedFcrKnown: 0,
    firstContactResolved: 0,
    slaDecided: 0,
    slaBreached: 0,
    unansweredPastSla: 0,
  }
  for (const r of records) {
    const received = r.at
    if (received === null || received > w.toMs) continue
    if (received > w.fromMs) {
      const status = inquiryStatus(r, w.toMs)
      const channel = groupOf(t.byChannel, r.channel ?? 'unknown', emptyStatus)
      t.received++
      t[status]++
      channel.received++
      channel[status]++
      if (isPastSla(r, received, w.toMs, o)) t.unansweredPastSla++
    }
    const response = firstResponseMs(r)
    if (inWindow(response, w)) {
      t.responded++
      t.responseMs += Math.max(0, response - received)
    }
    if (inWindow(r.resolvedMs, w)) {
      t.resolutions++
      t.resolutionMs += Math.max(0, r.resolvedMs - received)
      if (r.firstContactResolution !== null) {
        t.resolvedFcrKnown++
        if (r.firstContactResolution) t.firstContactResolved++
      }
    }
    const deadline = slaDeadlineMs(r, received, o)
    const met = response !== null && response <= deadline
    if (inWindow(met ? response : deadline, w)) {
      t.slaDecided++
      if (!met) t.slaBreached++
    }
  }
  return t
}

/** Complaints filed in the window, open or resolved as of its end (also per severity). */
export const complaintTally = (records: Iterable<ComplaintRecord>, w: Window): ComplaintTally => {
  const t: ComplaintTally = { filed: 0, open: 0, resolved: 0, satisfied: 0, bySeverity: dict() }
  for (const r of records) {
    if (!inWindow(r.at, w)) continue
    const severity = groupOf(t.bySeverity, r.severity ?? 'unknown', () => ({ open: 0, resolved: 0 }))
    t.filed++
    if (happened(r.resolvedMs, w.toMs)) {
      t.resolved++
      severity.resolved++
      if (r.satisfied === true) t.satisfied++
    } else {
      t.open++
      severity.open++
    }
  }
  return t
}
