import * as t from 'io-ts'
import { FreeText, Id, Instant, NonEmptyString, NonNegativeNumber } from '../codecs/primitives.js'
import { defineEvent } from './define.js'
import { AbandonmentKind, Channel, Severity } from './enums.js'

export const InquiryReceived = defineEvent({
  type: 'InquiryReceived',
  group: 'contact',
  summary: 'The customer asks us something on any channel.',
  required: {
    inquiryId: [Id, 'our id for the inquiry'],
    channel: [Channel, 'where it came in'],
    topic: [NonEmptyString, 'what it is about, such as "billing" or "delivery"'],
  },
  optional: {
    slaHours: [NonNegativeNumber, 'hours within which it must be answered (else the configured default)'],
    text: [FreeText, 'what the customer wrote or said (personal data)'],
  },
})

export const InquiryAnswered = defineEvent({
  type: 'InquiryAnswered',
  group: 'contact',
  summary: 'We answer an inquiry (the first answer counts for first response time).',
  required: {
    inquiryId: [Id, 'the inquiry'],
    channel: [Channel, 'where we answered'],
  },
  optional: { agentId: [Id, 'who answered'] },
})

export const InquiryResolved = defineEvent({
  type: 'InquiryResolved',
  group: 'contact',
  summary: 'An inquiry is closed as resolved.',
  required: {
    inquiryId: [Id, 'the inquiry'],
    firstContactResolution: [t.boolean, 'true when it was resolved in the first contact, with no follow-up'],
  },
})

export const ContactAbandoned = defineEvent({
  type: 'ContactAbandoned',
  group: 'contact',
  summary:
    'A contact attempt by the customer that we lost: a queue hang-up, a dropped call, a disconnected chat, an email never answered.',
  required: {
    contactId: [Id, 'our id for the attempt'],
    channel: [Channel, 'where it happened'],
    kind: [
      AbandonmentKind,
      'queue_hangup, dropped_call, chat_disconnected, email_unanswered or form_abandoned',
    ],
    waitSeconds: [NonNegativeNumber, 'how long the customer waited before it was lost'],
  },
  optional: { topic: [NonEmptyString, 'what it was about, when known (IVR choice, email subject)'] },
})

export const OutreachMade = defineEvent({
  type: 'OutreachMade',
  group: 'contact',
  summary:
    'We contact the customer on our own initiative: a follow-up of an abandoned contact, a check-in, a retention call.',
  required: {
    outreachId: [Id, 'our id for the outreach'],
    channel: [Channel, 'the channel we used'],
    purpose: [NonEmptyString, 'why, such as "follow-up" or "retention"'],
  },
  optional: {
    followsUp: [Id, 'the contactId of the abandoned contact this follows up, if any'],
    agentId: [Id, 'who reached out'],
  },
})

export const CallbackRequested = defineEvent({
  type: 'CallbackRequested',
  group: 'contact',
  summary: 'The customer asks to be called back (or we promise to).',
  required: {
    callbackId: [Id, 'our id for the callback'],
    channel: [Channel, 'where it was requested'],
    dueBy: [Instant, 'the latest time the callback was promised for'],
  },
  optional: { followsUp: [Id, 'the contactId of an abandoned contact this callback answers'] },
})

export const CallbackCompleted = defineEvent({
  type: 'CallbackCompleted',
  group: 'contact',
  summary: 'We called the customer back and reached them.',
  required: { callbackId: [Id, 'the callback'] },
  optional: { agentId: [Id, 'who called'] },
})

export const CallbackMissed = defineEvent({
  type: 'CallbackMissed',
  group: 'contact',
  summary: 'A promised callback did not happen (or did not reach the customer) by its due time.',
  required: { callbackId: [Id, 'the callback'] },
  optional: { reason: [FreeText, 'why it was missed'] },
})

export const ComplaintFiled = defineEvent({
  type: 'ComplaintFiled',
  group: 'contact',
  summary: 'The customer complains.',
  required: {
    complaintId: [Id, 'our id for the complaint'],
    channel: [Channel, 'where it came in'],
    category: [NonEmptyString, 'what it is about, such as "delivery" or "billing"'],
    severity: [Severity, 'low, medium or high'],
  },
  optional: {
    orderId: [Id, 'the order it concerns'],
    comment: [FreeText, 'what the customer said (personal data)'],
  },
})

export const ComplaintResolved = defineEvent({
  type: 'ComplaintResolved',
  group: 'contact',
  summary: 'A complaint is closed.',
  required: { complaintId: [Id, 'the complaint'] },
  optional: {
    outcome: [NonEmptyString, 'how it was settled, such as "refund" or "apology"'],
    satisfied: [t.boolean, 'whether the customer accepted the outcome'],
  },
})
