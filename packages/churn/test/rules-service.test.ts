import { asOfMs } from '@journeykit/core'
import { describe, expect, it } from 'vitest'
import { defaultThresholds as t, signalRules as rule } from '../src/index.js'
import { event, factsOf } from './support/events.js'

const abandoned = (contactId: string, at: string) =>
  event('ContactAbandoned', { contactId, channel: 'phone', kind: 'queue_hangup', waitSeconds: 240 }, at)

describe('abandoned-contact-unanswered', () => {
  it('counts lost contacts nobody followed up within the follow-up time, and missed callbacks', () => {
    const lost = abandoned('k1', '2024-05-01T09:00:00Z')
    const followed = abandoned('k2', '2024-05-01T10:00:00Z')
    const outreach = event(
      'OutreachMade',
      { outreachId: 'x1', channel: 'phone', purpose: 'follow-up', followsUp: 'k2' },
      '2024-05-01T15:00:00Z',
    )
    const request = event(
      'CallbackRequested',
      { callbackId: 'cb1', channel: 'ivr', dueBy: '2024-05-02T12:00:00Z' },
      '2024-05-01T11:00:00Z',
    )
    const missed = event('CallbackMissed', { callbackId: 'cb1' }, '2024-05-02T12:30:00Z')
    const sameDay = factsOf([lost, followed, outreach, request])
    expect(
      rule['abandoned-contact-unanswered'](sameDay, Date.parse('2024-05-01T20:00:00Z'), t),
    ).toBeUndefined()
    const f = factsOf([lost, followed, outreach, request, missed])
    const s = rule['abandoned-contact-unanswered'](f, asOfMs('2024-05-03'), t)
    expect(s?.evidence.values).toEqual({ lostContacts: 1, missedCallbacks: 1 })
    expect(s?.evidence.eventIds).toEqual([lost.id, missed.id])
    expect(s?.severity).toBe(1)
  })

  it('treats a follow-up seen before the abandoned contact (store order) the same', () => {
    const outreach = event(
      'OutreachMade',
      { outreachId: 'x1', channel: 'phone', purpose: 'follow-up', followsUp: 'k1' },
      '2024-05-01T15:00:00Z',
    )
    const f = factsOf([outreach, abandoned('k1', '2024-05-01T09:00:00Z')])
    expect(rule['abandoned-contact-unanswered'](f, asOfMs('2024-05-03'), t)).toBeUndefined()
    expect(f.service?.abandoned.find((a) => a.key === 'k1')?.followedUp?.id).toBe(outreach.id)
  })
})

describe('inquiry-past-sla', () => {
  it('uses the inquiry’s own SLA, else the default, and clears once answered', () => {
    const fast = event(
      'InquiryReceived',
      { inquiryId: 'i1', channel: 'chat', topic: 'billing', slaHours: 2 },
      '2024-05-01T09:00:00Z',
    )
    const normal = event(
      'InquiryReceived',
      { inquiryId: 'i2', channel: 'email', topic: 'delivery' },
      '2024-05-01T09:00:00Z',
    )
    const f = factsOf([fast, normal])
    const s = rule['inquiry-past-sla'](f, Date.parse('2024-05-01T12:00:00Z'), t)
    expect(s?.evidence.eventIds).toEqual([fast.id])
    expect(rule['inquiry-past-sla'](f, asOfMs('2024-05-03'), t)?.evidence.values['inquiriesPastSla']).toBe(2)
    const answered = factsOf([
      fast,
      normal,
      event('InquiryAnswered', { inquiryId: 'i1', channel: 'chat' }, '2024-05-01T13:00:00Z'),
    ])
    expect(rule['inquiry-past-sla'](answered, asOfMs('2024-05-03'), t)?.evidence.eventIds).toEqual([
      normal.id,
    ])
  })
})

describe('complaint-unresolved', () => {
  const filed = (id: string, severity: 'low' | 'medium' | 'high') =>
    event(
      'ComplaintFiled',
      { complaintId: id, channel: 'email', category: 'delivery', severity },
      '2024-05-01',
    )

  it('takes the worst open complaint, and a resolution the customer did not accept', () => {
    const low = filed('c1', 'low')
    expect(rule['complaint-unresolved'](factsOf([low]), asOfMs('2024-05-02'), t)?.severity).toBe(0.4)
    const high = filed('c2', 'high')
    const rejected = event('ComplaintResolved', { complaintId: 'c2', satisfied: false }, '2024-05-05')
    const s = rule['complaint-unresolved'](factsOf([low, high, rejected]), asOfMs('2024-05-06'), t)
    expect(s?.severity).toBe(1)
    expect(s?.evidence.values).toMatchObject({ openComplaints: 1, unsatisfiedResolutions: 1 })
    const accepted = event('ComplaintResolved', { complaintId: 'c1', satisfied: true }, '2024-05-03')
    expect(rule['complaint-unresolved'](factsOf([low, accepted]), asOfMs('2024-05-06'), t)).toBeUndefined()
  })
})

describe('support-spike', () => {
  const inquiry = (n: number, at: string) =>
    event('InquiryReceived', { inquiryId: `i${n}`, channel: 'phone', topic: 'billing' }, at)

  it('fires on many more contacts than the customer’s own baseline, not on a customer who always calls', () => {
    const burst = [inquiry(1, '2024-05-01'), inquiry(2, '2024-05-03'), inquiry(3, '2024-05-06')]
    expect(
      rule['support-spike'](factsOf(burst), asOfMs('2024-05-07'), t)?.evidence.values['recentContacts'],
    ).toBe(3)
    const chatty = Array.from({ length: 40 }, (_, i) =>
      inquiry(100 + i, new Date(Date.parse('2023-11-01') + i * 4.5 * 86_400_000).toISOString().slice(0, 10)),
    )
    expect(rule['support-spike'](factsOf([...chatty, ...burst]), asOfMs('2024-05-07'), t)).toBeUndefined()
  })
})
