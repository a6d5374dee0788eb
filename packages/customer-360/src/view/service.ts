import type { Customer360Options } from '../options.js'
import type { Customer360State } from '../state/state.js'
import type { Table } from '../state/table.js'
import { archiveAsOf, recordsOf } from '../state/table.js'
import type { Tally } from '../state/tally.js'
import { addTally } from '../state/tally.js'
import { countAllUpTo } from './channels.js'
import { abandonedTally, callbackTally, followUpMs, followUpStatus } from './follow-ups.js'
import { complaintTally, inquiryTally, isPastSla, slaDeadlineMs } from './inquiries.js'
import type { ServiceView } from './types.js'
import { byText, happened, ratio, upTo } from './window.js'

/** How many open items (inquiries, complaints) and recent abandoned contacts the view lists. */
const LISTED = 20

const iso = (ms: number): string => new Date(ms).toISOString()

/** A tally of the kept records plus the table's archive when it counts as of the instant. */
export const withArchive = <R, A extends Tally>(tally: A, t: Table<R, A> | null, asOfMs: number): A => {
  const archive = archiveAsOf(t, asOfMs)
  if (archive !== null) addTally(tally, archive)
  return tally
}

/** The most recent items first (ties by id), at most LISTED. */
const newestFirst = <T extends { readonly at: number; readonly id: string }>(items: T[]): T[] =>
  items.sort((a, b) => b.at - a.at || byText(a.id, b.id)).slice(0, LISTED)

const seconds = (totalMs: number, count: number): number | null => {
  const mean = ratio(totalMs, count)
  return mean === null ? null : mean / 1000
}

export const serviceAsOf = (s: Customer360State, asOfMs: number, o: Customer360Options): ServiceView => {
  const all = upTo(asOfMs)
  const inquiries = withArchive(inquiryTally(recordsOf(s.inquiries), all, o), s.inquiries, asOfMs)
  const inquiryEntries = s.inquiries === null ? [] : Object.entries(s.inquiries.byId)
  const openInquiries = inquiryEntries.flatMap(([inquiryId, r]) =>
    r.at === null || r.at > asOfMs || happened(r.resolvedMs, asOfMs) ? [] : [{ id: inquiryId, r, at: r.at }],
  )
  const abandonedEntries = s.abandoned === null ? [] : Object.entries(s.abandoned.byId)
  const abandoned = withArchive(abandonedTally(s, abandonedEntries, all, o), s.abandoned, asOfMs)
  const callbacks = recordsOf(s.callbacks)
  const inquiryRecords = recordsOf(s.inquiries)
  const recentAbandoned = abandonedEntries.flatMap(([contactId, r]) =>
    r.at === null || r.at > asOfMs ? [] : [{ id: contactId, r, at: r.at }],
  )
  const complaints = withArchive(complaintTally(recordsOf(s.complaints), all), s.complaints, asOfMs)
  const complaintEntries = s.complaints === null ? [] : Object.entries(s.complaints.byId)
  const openComplaints = complaintEntries.flatMap(([complaintId, r]) =>
    r.at === null || r.at > asOfMs || happened(r.resolvedMs, asOfMs)
      ? []
      : [{ id: complaintId, r, at: r.at }],
  )
  return {
    inquiries: {
      received: inquiries.received,
      open: inquiries.open,
      answered: inquiries.answered,
      resolved: inquiries.resolved,
      byChannel: Object.entries(inquiries.byChannel)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([channel, c]) => ({
          channel,
          received: c.received,
          open: c.open,
          answered: c.answered,
          resolved: c.resolved,
        })),
      averageFirstResponseSeconds: seconds(inquiries.responseMs, inquiries.responded),
      averageResolutionSeconds: seconds(inquiries.resolutionMs, inquiries.resolutions),
      firstContactResolutionRate: ratio(inquiries.firstContactResolved, inquiries.resolvedFcrKnown),
      unansweredPastSla: inquiries.unansweredPastSla,
      slaBreached: inquiries.slaBreached,
      openItems: newestFirst(openInquiries).map(({ id, r, at }) => ({
        inquiryId: id,
        channel: r.channel,
        topic: r.topic,
        receivedAt: iso(at),
        answeredAt: happened(r.answeredMs, asOfMs) ? iso(r.answeredMs) : null,
        slaDueAt: iso(slaDeadlineMs(r, at, o)),
        pastSla: isPastSla(r, at, asOfMs, o),
        text: r.text,
      })),
    },
    abandoned: {
      total: abandoned.abandoned,
      followedUp: abandoned.followedUp,
      notFollowedUp: abandoned.notFollowedUp,
      awaitingFollowUp: abandoned.awaitingFollowUp,
      averageWaitSeconds: ratio(abandoned.waitSeconds, abandoned.abandoned),
      recent: newestFirst(recentAbandoned).map(({ id: contactId, r, at }) => {
        const followUp = followUpMs(contactId, r, at, callbacks, inquiryRecords)
        const status = followUpStatus(followUp, at, asOfMs, o)
        return {
          contactId,
          channel: r.channel,
          kind: r.kind,
          at: iso(at),
          followUpAt: followUp !== undefined && followUp <= asOfMs ? iso(followUp) : null,
          status,
        }
      }),
    },
    callbacks: withArchive(callbackTally(callbacks, all), s.callbacks, asOfMs),
    complaints: {
      filed: complaints.filed,
      open: complaints.open,
      resolved: complaints.resolved,
      satisfied: complaints.satisfied,
      openItems: newestFirst(openComplaints).map(({ id, r, at }) => ({
        complaintId: id,
        channel: r.channel,
        category: r.category,
        severity: r.severity,
        filedAt: iso(at),
        comment: r.comment,
      })),
    },
    outreach: countAllUpTo(s.outreachByChannel, asOfMs),
  }
}
