import type { JourneyEvent } from '@journeykit/core'
import { earlierOf, happenedBefore, insertRecent, keyed, latestPartMs, laterOf } from './bounded.js'
import { businessTimeMs } from './time.js'
import type {
  AbandonedFact,
  CallbackFact,
  ChurnFacts,
  ComplaintFact,
  InquiryFact,
  ServiceFacts,
} from './types.js'
import { KEYED_ITEMS, RECENT_CONTACTS } from './types.js'

const service = (f: ChurnFacts): ServiceFacts =>
  (f.service ??= { inquiries: [], abandoned: [], callbacks: [], complaints: [], contacts: [] })

const newInquiry = (key: string): InquiryFact => ({
  key,
  received: undefined,
  slaHours: undefined,
  answered: undefined,
})
const inquiryTime = (i: InquiryFact): number => latestPartMs(i.received, i.answered)
const inquiry = (s: ServiceFacts, id: string): InquiryFact =>
  keyed(s.inquiries, id, newInquiry, KEYED_ITEMS, inquiryTime)

export const onInquiryReceived = (f: ChurnFacts, e: JourneyEvent<'InquiryReceived'>, ms: number): void => {
  const s = service(f)
  const i = inquiry(s, e.data.inquiryId)
  const received = earlierOf(i.received, { ms, id: e.id })
  if (received.id === e.id) i.slaHours = e.data.slaHours
  i.received = received
  insertRecent(s.contacts, { ms, id: e.id }, RECENT_CONTACTS)
}

/** InquiryAnswered and InquiryResolved both mean the customer got an answer. */
export const onInquiryAnswered = (
  f: ChurnFacts,
  e: JourneyEvent<'InquiryAnswered' | 'InquiryResolved'>,
  ms: number,
): void => {
  const i = inquiry(service(f), e.data.inquiryId)
  if (i.answered === undefined || happenedBefore(ms, e.id, i.answered)) i.answered = { ms, id: e.id }
}

const newAbandoned = (key: string): AbandonedFact => ({ key, abandoned: undefined, followedUp: undefined })
const abandonedTime = (a: AbandonedFact): number => latestPartMs(a.abandoned, a.followedUp)
const abandoned = (s: ServiceFacts, contactId: string): AbandonedFact =>
  keyed(s.abandoned, contactId, newAbandoned, KEYED_ITEMS, abandonedTime)

export const onContactAbandoned = (f: ChurnFacts, e: JourneyEvent<'ContactAbandoned'>, ms: number): void => {
  const a = abandoned(service(f), e.data.contactId)
  a.abandoned = earlierOf(a.abandoned, { ms, id: e.id, kind: e.data.kind })
}

/** An outreach or a callback request that names an abandoned contact follows it up. */
export const followUp = (f: ChurnFacts, contactId: string | undefined, ms: number, id: string): void => {
  if (contactId === undefined) return
  const a = abandoned(service(f), contactId)
  a.followedUp = earlierOf(a.followedUp, { ms, id })
}

const newCallback = (key: string): CallbackFact => ({
  key,
  requested: undefined,
  completed: undefined,
  missed: undefined,
})
const callbackTime = (c: CallbackFact): number => latestPartMs(c.requested, c.completed, c.missed)
const callback = (s: ServiceFacts, id: string): CallbackFact =>
  keyed(s.callbacks, id, newCallback, KEYED_ITEMS, callbackTime)

export const onCallbackRequested = (
  f: ChurnFacts,
  e: JourneyEvent<'CallbackRequested'>,
  ms: number,
): void => {
  const c = callback(service(f), e.data.callbackId)
  c.requested = earlierOf(c.requested, { ms, id: e.id, dueMs: businessTimeMs(e.data.dueBy) })
  followUp(f, e.data.followsUp, ms, e.id)
}

export const onCallbackCompleted = (
  f: ChurnFacts,
  e: JourneyEvent<'CallbackCompleted'>,
  ms: number,
): void => {
  const c = callback(service(f), e.data.callbackId)
  c.completed = earlierOf(c.completed, { ms, id: e.id })
}

export const onCallbackMissed = (f: ChurnFacts, e: JourneyEvent<'CallbackMissed'>, ms: number): void => {
  const c = callback(service(f), e.data.callbackId)
  c.missed = earlierOf(c.missed, { ms, id: e.id })
}

const newComplaint = (key: string): ComplaintFact => ({ key, filed: undefined, resolved: undefined })
const complaintTime = (c: ComplaintFact): number => latestPartMs(c.filed, c.resolved)
const complaint = (s: ServiceFacts, id: string): ComplaintFact =>
  keyed(s.complaints, id, newComplaint, KEYED_ITEMS, complaintTime)

export const onComplaintFiled = (f: ChurnFacts, e: JourneyEvent<'ComplaintFiled'>, ms: number): void => {
  const s = service(f)
  const c = complaint(s, e.data.complaintId)
  c.filed = earlierOf(c.filed, { ms, id: e.id, severity: e.data.severity })
  insertRecent(s.contacts, { ms, id: e.id }, RECENT_CONTACTS)
}

/** The latest resolution counts (a complaint reopened and resolved again is judged by the last outcome). */
export const onComplaintResolved = (
  f: ChurnFacts,
  e: JourneyEvent<'ComplaintResolved'>,
  ms: number,
): void => {
  const c = complaint(service(f), e.data.complaintId)
  c.resolved = laterOf(c.resolved, { ms, id: e.id, satisfied: e.data.satisfied })
}
