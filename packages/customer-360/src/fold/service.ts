import type { JourneyEvent } from '@journeykit/core'
import { toEpochMs } from '@journeykit/core'
import type { Customer360Options } from '../options.js'
import { dict, latestOf, minTime } from '../state/dict.js'
import type { AbandonedRecord, CallbackRecord, ComplaintRecord, InquiryRecord } from '../state/records.js'
import type { Customer360State } from '../state/state.js'
import { table } from '../state/table.js'
import { abandonedTally, callbackTally } from '../view/follow-ups.js'
import { complaintTally, inquiryTally } from '../view/inquiries.js'
import type { Apply, Context } from './common.js'
import { archiveChannel, recordIn, tickChannel, untilLatest } from './common.js'

const newInquiry = (): InquiryRecord => ({
  at: null,
  channel: null,
  topic: null,
  slaHours: null,
  text: null,
  answeredMs: null,
  answerChannel: null,
  resolvedMs: null,
  firstContactResolution: null,
})

const summarizeInquiry = (r: InquiryRecord, _id: string, { s, o }: Context) => {
  archiveChannel(s, r.channel, 'inbound')
  if (r.answeredMs !== null) archiveChannel(s, r.answerChannel, 'outbound')
  return { tally: inquiryTally([r], untilLatest(s), o), lastMs: latestOf(r.at, r.answeredMs, r.resolvedMs) }
}

const inquiry = (s: Customer360State, id: string, at: number, o: Customer360Options): InquiryRecord =>
  recordIn(s, (s.inquiries ??= table()), id, at, o, newInquiry, summarizeInquiry)

export const inquiryReceived: Apply<JourneyEvent<'InquiryReceived'>> = (s, e, at, o) => {
  const { inquiryId, channel, topic, slaHours, text } = e.data
  const record = inquiry(s, inquiryId, at, o)
  record.at = minTime(record.at, at)
  record.channel = channel
  record.topic = topic
  record.slaHours = slaHours ?? null
  if (!s.erased) record.text = text ?? null
  s.engagedMs = minTime(s.engagedMs, at)
}

export const inquiryAnswered: Apply<JourneyEvent<'InquiryAnswered'>> = (s, e, at, o) => {
  const { inquiryId, channel } = e.data
  const record = inquiry(s, inquiryId, at, o)
  if (record.answeredMs === null || at < record.answeredMs) {
    record.answeredMs = at
    record.answerChannel = channel
  }
}

export const inquiryResolved: Apply<JourneyEvent<'InquiryResolved'>> = (s, e, at, o) => {
  const record = inquiry(s, e.data.inquiryId, at, o)
  if (record.resolvedMs === null || at < record.resolvedMs) {
    record.resolvedMs = at
    record.firstContactResolution = e.data.firstContactResolution
  }
}

const newAbandoned = (): AbandonedRecord => ({
  at: null,
  channel: null,
  kind: null,
  waitSeconds: 0,
  topic: null,
  outreachMs: null,
})

const summarizeAbandoned = (r: AbandonedRecord, id: string, { s, o }: Context) => {
  archiveChannel(s, r.channel, 'inbound')
  return { tally: abandonedTally(s, [[id, r]], untilLatest(s), o), lastMs: latestOf(r.at, r.outreachMs) }
}

const abandonedContact = (s: Customer360State, id: string, at: number, o: Customer360Options) =>
  recordIn(s, (s.abandoned ??= table()), id, at, o, newAbandoned, summarizeAbandoned)

export const contactAbandoned: Apply<JourneyEvent<'ContactAbandoned'>> = (s, e, at, o) => {
  const { contactId, channel, kind, waitSeconds, topic } = e.data
  const record = abandonedContact(s, contactId, at, o)
  record.at = minTime(record.at, at)
  record.channel = channel
  record.kind = kind
  record.waitSeconds = waitSeconds
  record.topic = topic ?? null
}

export const outreachMade: Apply<JourneyEvent<'OutreachMade'>> = (s, e, at, o) => {
  const { followsUp, channel } = e.data
  if (followsUp !== undefined) {
    const record = abandonedContact(s, followsUp, at, o)
    record.outreachMs = minTime(record.outreachMs, at)
  }
  tickChannel(s, (s.outreachByChannel ??= dict()), channel, at, o)
}

const newCallback = (): CallbackRecord => ({
  at: null,
  channel: null,
  dueMs: null,
  followsUp: null,
  completedMs: null,
  missedMs: null,
})

const summarizeCallback = (r: CallbackRecord, _id: string, { s }: Context) => {
  archiveChannel(s, r.channel, 'inbound')
  return { tally: callbackTally([r], untilLatest(s)), lastMs: latestOf(r.at, r.completedMs, r.missedMs) }
}

const callback = (s: Customer360State, id: string, at: number, o: Customer360Options): CallbackRecord =>
  recordIn(s, (s.callbacks ??= table()), id, at, o, newCallback, summarizeCallback)

export const callbackRequested: Apply<JourneyEvent<'CallbackRequested'>> = (s, e, at, o) => {
  const { callbackId, channel, dueBy, followsUp } = e.data
  const record = callback(s, callbackId, at, o)
  record.at = minTime(record.at, at)
  record.channel = channel
  record.dueMs = toEpochMs(dueBy)
  record.followsUp = followsUp ?? null
}

export const callbackCompleted: Apply<JourneyEvent<'CallbackCompleted'>> = (s, e, at, o) => {
  const record = callback(s, e.data.callbackId, at, o)
  record.completedMs = minTime(record.completedMs, at)
}

export const callbackMissed: Apply<JourneyEvent<'CallbackMissed'>> = (s, e, at, o) => {
  const record = callback(s, e.data.callbackId, at, o)
  record.missedMs = minTime(record.missedMs, at)
}

const newComplaint = (): ComplaintRecord => ({
  at: null,
  channel: null,
  category: null,
  severity: null,
  orderId: null,
  comment: null,
  resolvedMs: null,
  outcome: null,
  satisfied: null,
})

const summarizeComplaint = (r: ComplaintRecord, _id: string, { s }: Context) => {
  archiveChannel(s, r.channel, 'inbound')
  return { tally: complaintTally([r], untilLatest(s)), lastMs: latestOf(r.at, r.resolvedMs) }
}

const complaint = (s: Customer360State, id: string, at: number, o: Customer360Options): ComplaintRecord =>
  recordIn(s, (s.complaints ??= table()), id, at, o, newComplaint, summarizeComplaint)

export const complaintFiled: Apply<JourneyEvent<'ComplaintFiled'>> = (s, e, at, o) => {
  const { complaintId, channel, category, severity, orderId, comment } = e.data
  const record = complaint(s, complaintId, at, o)
  record.at = minTime(record.at, at)
  record.channel = channel
  record.category = category
  record.severity = severity
  record.orderId = orderId ?? null
  if (!s.erased) record.comment = comment ?? null
}

export const complaintResolved: Apply<JourneyEvent<'ComplaintResolved'>> = (s, e, at, o) => {
  const record = complaint(s, e.data.complaintId, at, o)
  if (record.resolvedMs === null || at < record.resolvedMs) {
    record.resolvedMs = at
    record.outcome = e.data.outcome ?? null
    record.satisfied = e.data.satisfied ?? null
  }
}
