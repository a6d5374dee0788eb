import { describe, expect, it } from 'vitest'
import { resolveOptions, viewAsOf } from '../src/index.js'
import { event, registered, stateOf } from './support/events.js'

const received = (
  inquiryId: string,
  at: string,
  channel: 'email' | 'phone' | 'chat' = 'email',
  slaHours?: number,
) =>
  event(
    'InquiryReceived',
    {
      inquiryId,
      channel,
      topic: 'billing',
      text: `question ${inquiryId}`,
      ...(slaHours === undefined ? {} : { slaHours }),
    },
    at,
  )
const answered = (inquiryId: string, at: string, channel: 'email' | 'phone' | 'chat' = 'email') =>
  event('InquiryAnswered', { inquiryId, channel }, at)
const resolved = (inquiryId: string, at: string, firstContactResolution: boolean) =>
  event('InquiryResolved', { inquiryId, firstContactResolution }, at)

describe('inquiries', () => {
  const s = stateOf([
    registered(),
    received('q1', '2024-03-01T08:00:00Z', 'email'),
    answered('q1', '2024-03-01T10:00:00Z'),
    resolved('q1', '2024-03-01T12:00:00Z', true),
    received('q2', '2024-03-02T08:00:00Z', 'phone', 4),
    answered('q2', '2024-03-02T14:00:00Z', 'phone'),
    received('q3', '2024-03-03T08:00:00Z', 'chat'),
    resolved('q2', '2024-03-04T08:00:00Z', false),
  ])

  it('counts open, answered and resolved per channel as of an instant', () => {
    const q = viewAsOf(s, '2024-03-03T09:00:00Z').service.inquiries
    expect(q).toMatchObject({ received: 3, open: 1, answered: 1, resolved: 1 })
    expect(q.byChannel).toEqual([
      { channel: 'chat', received: 1, open: 1, answered: 0, resolved: 0 },
      { channel: 'email', received: 1, open: 0, answered: 0, resolved: 1 },
      { channel: 'phone', received: 1, open: 0, answered: 1, resolved: 0 },
    ])
    expect(q.openItems.map((i) => [i.inquiryId, i.text, i.pastSla])).toEqual([
      ['q3', 'question q3', false],
      ['q2', 'question q2', false],
    ])
  })

  it('gives first response time, time to resolution and first-contact resolution', () => {
    const q = viewAsOf(s, '2024-03-05').service.inquiries
    expect(q.averageFirstResponseSeconds).toBe(((2 + 6) / 2) * 3600)
    expect(q.averageResolutionSeconds).toBe(((4 + 48) / 2) * 3600)
    expect(q.firstContactResolutionRate).toBe(0.5)
    expect(viewAsOf(s, '2024-03-01T11:00:00Z').service.inquiries.firstContactResolutionRate).toBeNull()
  })

  it('flags inquiries unanswered past their SLA (their own slaHours, else the default) as of an instant', () => {
    // q2 has a 4-hour SLA and was answered after 6 hours; q3 has the default 24 hours and is never answered
    expect(viewAsOf(s, '2024-03-02T11:59:59Z').service.inquiries).toMatchObject({
      unansweredPastSla: 0,
      slaBreached: 0,
    })
    expect(viewAsOf(s, '2024-03-02T12:00:00Z').service.inquiries).toMatchObject({
      unansweredPastSla: 1,
      slaBreached: 1,
    })
    expect(viewAsOf(s, '2024-03-02T14:00:00Z').service.inquiries).toMatchObject({
      unansweredPastSla: 0,
      slaBreached: 1,
    })
    expect(viewAsOf(s, '2024-03-04T07:59:59Z').service.inquiries).toMatchObject({
      unansweredPastSla: 0,
      slaBreached: 1,
    })
    const late = viewAsOf(s, '2024-03-04T08:00:00Z').service.inquiries
    expect(late).toMatchObject({ unansweredPastSla: 1, slaBreached: 2 })
    expect(late.openItems[0]).toMatchObject({
      inquiryId: 'q3',
      pastSla: true,
      slaDueAt: '2024-03-04T08:00:00.000Z',
    })
    const strict = viewAsOf(s, '2024-03-03T10:00:00Z', resolveOptions({ defaultSlaHours: 1 }))
    expect(strict.service.inquiries.unansweredPastSla).toBe(1)
  })
})

describe('abandoned contacts and their follow-up within the window', () => {
  const abandoned = (contactId: string, at: string) =>
    event('ContactAbandoned', { contactId, channel: 'phone', kind: 'queue_hangup', waitSeconds: 120 }, at)
  const s = stateOf([
    registered(),
    // a1: followed up by an outreach that names it, 2 hours later
    abandoned('a1', '2024-03-01T08:00:00Z'),
    event(
      'OutreachMade',
      { outreachId: 'x1', channel: 'phone', purpose: 'follow-up', followsUp: 'a1' },
      '2024-03-01T10:00:00Z',
    ),
    // a2: a callback requested afterwards, completed 23 hours after the abandonment
    abandoned('a2', '2024-03-05T08:00:00Z'),
    event(
      'CallbackRequested',
      { callbackId: 'cb1', channel: 'phone', dueBy: '2024-03-06T06:00:00Z' },
      '2024-03-05T09:00:00Z',
    ),
    event('CallbackCompleted', { callbackId: 'cb1' }, '2024-03-06T07:00:00Z'),
    // a3: the customer wrote again and we answered, but only 30 hours later: outside the 24-hour window
    abandoned('a3', '2024-03-10T08:00:00Z'),
    received('q1', '2024-03-10T09:00:00Z'),
    answered('q1', '2024-03-11T14:00:00Z'),
    // a4: nothing yet
    abandoned('a4', '2024-03-20T08:00:00Z'),
  ])

  it('classifies each abandoned contact as followed up, not followed up, or awaiting follow-up', () => {
    const a = viewAsOf(s, '2024-03-20T12:00:00Z').service.abandoned
    expect(a).toMatchObject({
      total: 4,
      followedUp: 2,
      notFollowedUp: 1,
      awaitingFollowUp: 1,
      averageWaitSeconds: 120,
    })
    expect(a.recent.map((r) => [r.contactId, r.status, r.followUpAt])).toEqual([
      ['a4', 'awaiting_follow_up', null],
      ['a3', 'not_followed_up', '2024-03-11T14:00:00.000Z'],
      ['a2', 'followed_up', '2024-03-06T07:00:00.000Z'],
      ['a1', 'followed_up', '2024-03-01T10:00:00.000Z'],
    ])
    expect(viewAsOf(s, '2024-03-22').service.abandoned).toMatchObject({
      notFollowedUp: 2,
      awaitingFollowUp: 0,
    })
  })

  it('is awaiting until the follow-up happens, as of an instant', () => {
    expect(viewAsOf(s, '2024-03-01T09:00:00Z').service.abandoned).toMatchObject({
      followedUp: 0,
      awaitingFollowUp: 1,
    })
  })

  it('uses the configured window', () => {
    const wide = viewAsOf(s, '2024-03-22', resolveOptions({ followUpWindowHours: 48 })).service.abandoned
    expect(wide).toMatchObject({ followedUp: 3, notFollowedUp: 1 })
  })

  it('counts missed, overdue and late callbacks', () => {
    const s2 = stateOf([
      registered(),
      event(
        'CallbackRequested',
        { callbackId: 'c1', channel: 'phone', dueBy: '2024-03-01T12:00:00Z' },
        '2024-03-01T08:00:00Z',
      ),
      event('CallbackMissed', { callbackId: 'c1', reason: 'no agent' }, '2024-03-01T13:00:00Z'),
      event(
        'CallbackRequested',
        { callbackId: 'c2', channel: 'phone', dueBy: '2024-03-02T12:00:00Z' },
        '2024-03-02T08:00:00Z',
      ),
      event(
        'CallbackRequested',
        { callbackId: 'c3', channel: 'web', dueBy: '2024-03-03T12:00:00Z' },
        '2024-03-03T08:00:00Z',
      ),
      event('CallbackCompleted', { callbackId: 'c3' }, '2024-03-03T12:30:00Z'),
    ])
    expect(viewAsOf(s2, '2024-03-02T12:00:00Z').service.callbacks).toEqual({
      requested: 2,
      completed: 0,
      completedLate: 0,
      missed: 1,
      overdue: 0,
      pending: 1,
    })
    expect(viewAsOf(s2, '2024-03-05').service.callbacks).toEqual({
      requested: 3,
      completed: 1,
      completedLate: 1,
      missed: 1,
      overdue: 1,
      pending: 0,
    })
  })
})

describe('complaints', () => {
  const s = stateOf([
    registered(),
    event(
      'ComplaintFiled',
      { complaintId: 'k1', channel: 'email', category: 'delivery', severity: 'high', comment: 'late again' },
      '2024-03-01',
    ),
    event(
      'ComplaintFiled',
      { complaintId: 'k2', channel: 'phone', category: 'billing', severity: 'low' },
      '2024-03-02',
    ),
    event('ComplaintResolved', { complaintId: 'k1', outcome: 'refund', satisfied: true }, '2024-03-05'),
  ])

  it('counts open and resolved complaints as of an instant and lists the open ones', () => {
    const before = viewAsOf(s, '2024-03-04').service.complaints
    expect(before).toMatchObject({ filed: 2, open: 2, resolved: 0, satisfied: 0 })
    expect(before.openItems.map((c) => [c.complaintId, c.comment])).toEqual([
      ['k2', null],
      ['k1', 'late again'],
    ])
    expect(viewAsOf(s, '2024-03-05').service.complaints).toMatchObject({ open: 1, resolved: 1, satisfied: 1 })
  })
})
