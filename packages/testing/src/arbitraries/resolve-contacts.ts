import type { Resolver } from './command.js'
import { commandOf, instantOf } from './command.js'
import { freshId } from './model.js'
import type { StepKind } from './steps.js'
import { choose, chooseFrom, journeyCountries, personNames, roles, segments, topics } from './values.js'

const purposes = ['marketing', 'service', 'profiling', 'third_party'] as const
const abandonments = [
  'queue_hangup',
  'dropped_call',
  'chat_disconnected',
  'email_unanswered',
  'form_abandoned',
] as const
const severities = ['low', 'medium', 'high'] as const
const responses = ['opened', 'clicked', 'converted', 'unsubscribed'] as const

/** Resolvers of identity, contact and marketing steps. */
export const contactResolvers = {
  UpdateProfile: (m, s, at) =>
    commandOf(
      m,
      'UpdateProfile',
      at,
      s.pick % 3 === 0
        ? { segment: chooseFrom(segments, s.days) }
        : s.pick % 3 === 1
          ? { country: chooseFrom(journeyCountries, s.days) }
          : { name: chooseFrom(personNames, s.days) },
    ),
  LinkIdentity: (m, s, at) =>
    commandOf(
      m,
      'LinkIdentity',
      at,
      s.pick % 3 === 0
        ? { kind: 'email', value: `${m.customerId}.${s.days}@example.com` }
        : s.pick % 3 === 1
          ? { kind: 'phone', value: `+49 30 ${s.amount}` }
          : { kind: 'external', value: `X-${s.amount}`, system: 'sap' },
    ),
  AddContactPerson: (m, s, at) =>
    m.kind !== 'organization'
      ? undefined
      : commandOf(m, 'AddContactPerson', at, {
          personId: freshId(m, 'p'),
          name: chooseFrom(personNames, s.pick),
          role: chooseFrom(roles, s.days),
          champion: s.flag,
        }),
  RecordContactPersonLeft: (m, s, at) => {
    const person = choose(
      m.people.filter((p) => p.active),
      s.pick,
    )
    return person && commandOf(m, 'RecordContactPersonLeft', at, { personId: person.id })
  },
  AssignAccountManager: (m, s, at) =>
    commandOf(m, 'AssignAccountManager', at, { managerId: `am${(s.pick % 3) + 1}` }),
  UnassignAccountManager: (m, _s, at) =>
    m.manager === undefined
      ? undefined
      : commandOf(m, 'UnassignAccountManager', at, { managerId: m.manager }),
  GiveConsent: (m, s, at) =>
    commandOf(m, 'GiveConsent', at, { channel: s.channel, purpose: chooseFrom(purposes, s.pick) }),
  WithdrawConsent: (m, s, at) => {
    const given = choose(m.consents, s.pick)
    return given && commandOf(m, 'WithdrawConsent', at, { channel: given.channel, purpose: given.purpose })
  },
  AssessCreditScore: (m, s, at) =>
    commandOf(m, 'AssessCreditScore', at, { score: s.percent * 10, agency: 'schufa' }),
  ForgetCustomer: (m, _s, at) => commandOf(m, 'ForgetCustomer', at, { requestedBy: 'the customer' }),
  CaptureLead: (m, s, at) =>
    commandOf(m, 'CaptureLead', at, { source: chooseFrom(['fair', 'web form'], s.pick) }),
  ReceiveInquiry: (m, s, at) =>
    commandOf(m, 'ReceiveInquiry', at, {
      inquiryId: freshId(m, 'inq'),
      channel: s.channel,
      topic: chooseFrom(topics, s.pick),
    }),
  AnswerInquiry: (m, s, at) => {
    const inquiry = choose(
      m.inquiries.filter((i) => !i.resolved),
      s.pick,
    )
    return inquiry && commandOf(m, 'AnswerInquiry', at, { inquiryId: inquiry.id, channel: s.channel })
  },
  ResolveInquiry: (m, s, at) => {
    const inquiry = choose(
      m.inquiries.filter((i) => !i.resolved),
      s.pick,
    )
    return (
      inquiry && commandOf(m, 'ResolveInquiry', at, { inquiryId: inquiry.id, firstContactResolution: s.flag })
    )
  },
  RecordAbandonedContact: (m, s, at) =>
    commandOf(m, 'RecordAbandonedContact', at, {
      contactId: freshId(m, 'ab'),
      channel: s.channel,
      kind: chooseFrom(abandonments, s.pick),
      waitSeconds: s.amount % 1800,
    }),
  MakeOutreach: (m, s, at) => {
    const followsUp = s.flag ? choose(m.abandonedContacts, s.pick) : undefined
    return commandOf(m, 'MakeOutreach', at, {
      outreachId: freshId(m, 'out'),
      channel: s.channel,
      purpose: followsUp === undefined ? 'check-in' : 'follow-up',
      ...(followsUp === undefined ? {} : { followsUp }),
    })
  },
  RequestCallback: (m, s, at, atMs) => {
    const followsUp = s.flag ? choose(m.abandonedContacts, s.pick) : undefined
    return commandOf(m, 'RequestCallback', at, {
      callbackId: freshId(m, 'cb'),
      channel: s.channel,
      dueBy: instantOf(atMs + s.percent * 3_600_000),
      ...(followsUp === undefined ? {} : { followsUp }),
    })
  },
  CompleteCallback: (m, s, at) => {
    const callback = choose(
      m.callbacks.filter((c) => c.open),
      s.pick,
    )
    return callback && commandOf(m, 'CompleteCallback', at, { callbackId: callback.id })
  },
  RecordMissedCallback: (m, s, at) => {
    const callback = choose(
      m.callbacks.filter((c) => c.open),
      s.pick,
    )
    return callback && commandOf(m, 'RecordMissedCallback', at, { callbackId: callback.id })
  },
  FileComplaint: (m, s, at) => {
    const order = s.flag ? choose(m.orders, s.pick) : undefined
    return commandOf(m, 'FileComplaint', at, {
      complaintId: freshId(m, 'cmp'),
      channel: s.channel,
      category: chooseFrom(topics, s.days),
      severity: chooseFrom(severities, s.pick),
      ...(order === undefined ? {} : { orderId: order.id }),
    })
  },
  ResolveComplaint: (m, s, at) => {
    const complaint = choose(
      m.complaints.filter((c) => c.open),
      s.pick,
    )
    return (
      complaint &&
      commandOf(m, 'ResolveComplaint', at, {
        complaintId: complaint.id,
        outcome: 'refund',
        satisfied: s.flag,
      })
    )
  },
  SendCampaign: (m, s, at) =>
    commandOf(m, 'SendCampaign', at, { campaignId: freshId(m, 'camp'), channel: s.channel }),
  RecordCampaignResponse: (m, s, at) => {
    const campaignId = choose(m.campaigns, s.pick)
    return campaignId === undefined
      ? undefined
      : commandOf(m, 'RecordCampaignResponse', at, { campaignId, response: chooseFrom(responses, s.days) })
  },
  RecordSurveyAnswer: (m, s, at) =>
    commandOf(m, 'RecordSurveyAnswer', at, {
      surveyId: freshId(m, 'sv'),
      ...(s.pick % 3 === 0
        ? { nps: s.percent % 11 }
        : s.pick % 3 === 1
          ? { csat: (s.percent % 5) + 1 }
          : { ces: (s.percent % 7) + 1 }),
    }),
} satisfies Partial<Record<StepKind, Resolver>>
