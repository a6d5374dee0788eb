import { describe, expect, it } from 'vitest'
import { resolveOptions, viewAsOf } from '../src/index.js'
import { event, order, registered, stateOf } from './support/events.js'

describe('feedback and campaigns', () => {
  const s = stateOf([
    registered(),
    event('SurveyAnswered', { surveyId: 's1', nps: 9, csat: 4 }, '2024-01-10'),
    event('SurveyAnswered', { surveyId: 's2', ces: 5, comment: 'too many forms' }, '2024-02-10'),
    event('SurveyAnswered', { surveyId: 's3', nps: 6, ces: 3 }, '2024-03-10'),
    event('CampaignSent', { campaignId: 'spring', channel: 'email' }, '2024-03-01'),
    event('CampaignSent', { campaignId: 'summer', channel: 'email' }, '2024-06-01'),
    event('CampaignResponded', { campaignId: 'spring', response: 'opened' }, '2024-03-02'),
    event('CampaignResponded', { campaignId: 'spring', response: 'clicked' }, '2024-03-02'),
    event('CampaignResponded', { campaignId: 'summer', response: 'unsubscribed' }, '2024-06-02'),
  ])

  it('gives the latest NPS, CSAT and CES with trend and promoter/detractor status', () => {
    const before = viewAsOf(s, '2024-02-28').feedback
    expect(before.nps).toEqual({
      score: 9,
      at: '2024-01-10T00:00:00.000Z',
      previous: null,
      trend: null,
      category: 'promoter',
    })
    expect(before.ces).toMatchObject({ score: 5, previous: null })
    expect(before.lastComment).toBe('too many forms')
    const after = viewAsOf(s, '2024-03-31').feedback
    expect(after.nps).toMatchObject({ score: 6, previous: 9, trend: 'down', category: 'detractor' })
    expect(after.csat).toMatchObject({ score: 4, previous: null, trend: null })
    expect(after.ces).toMatchObject({ score: 3, previous: 5, trend: 'down' })
    expect(after.surveys).toBe(3)
  })

  it('counts campaign engagement and unsubscribes as of an instant', () => {
    expect(viewAsOf(s, '2024-05-01').feedback.campaigns).toEqual({
      sent: 1,
      opened: 1,
      clicked: 1,
      converted: 0,
      unsubscribed: 0,
    })
    expect(viewAsOf(s, '2024-06-30').feedback.campaigns).toMatchObject({ sent: 2, unsubscribed: 1 })
  })
})

describe('channel mix, journey stage and timeline', () => {
  const s = stateOf([
    registered('2024-01-01T00:00:00Z'),
    event('InquiryReceived', { inquiryId: 'q1', channel: 'chat', topic: 'pricing' }, '2024-01-05T00:00:00Z'),
    event('InquiryAnswered', { inquiryId: 'q1', channel: 'email' }, '2024-01-05T01:00:00Z'),
    event(
      'ContactAbandoned',
      { contactId: 'a1', channel: 'phone', kind: 'dropped_call', waitSeconds: 30 },
      '2024-01-06T00:00:00Z',
    ),
    event(
      'OutreachMade',
      { outreachId: 'x1', channel: 'phone', purpose: 'follow-up', followsUp: 'a1' },
      '2024-01-06T02:00:00Z',
    ),
    order('o1', 5_000, '2024-01-10T00:00:00Z'),
    event('DeliveryCompleted', { deliveryId: 'd1', orderId: 'o1' }, '2024-01-12T00:00:00Z'),
    order('o2', 5_000, '2024-02-10T00:00:00Z'),
  ])

  it('counts contacts per channel with the last interaction on each, busiest first', () => {
    expect(viewAsOf(s, '2024-01-31').channels).toEqual([
      {
        channel: 'phone',
        contacts: 2,
        inbound: 1,
        outbound: 1,
        orders: 0,
        lastInteractionAt: '2024-01-06T02:00:00.000Z',
      },
      {
        channel: 'chat',
        contacts: 1,
        inbound: 1,
        outbound: 0,
        orders: 0,
        lastInteractionAt: '2024-01-05T00:00:00.000Z',
      },
      {
        channel: 'email',
        contacts: 1,
        inbound: 0,
        outbound: 1,
        orders: 0,
        lastInteractionAt: '2024-01-05T01:00:00.000Z',
      },
      {
        channel: 'web',
        contacts: 0,
        inbound: 0,
        outbound: 0,
        orders: 1,
        lastInteractionAt: '2024-01-10T00:00:00.000Z',
      },
    ])
  })

  it('derives the journey stage as of the instant', () => {
    const stage = (asOf: string) => viewAsOf(s, asOf).journey.stage
    expect(stage('2024-01-02')).toBe('awareness')
    expect(stage('2024-01-05')).toBe('consideration')
    expect(stage('2024-01-10')).toBe('first_purchase')
    expect(stage('2024-01-12')).toBe('onboarding')
    expect(stage('2024-02-10')).toBe('active')
    expect(viewAsOf(s, '2024-01-05').journey.engagedAt).toBe('2024-01-05T00:00:00.000Z')
  })

  it('shows the most recent events by the instant, newest first, bounded by a configurable size', () => {
    expect(viewAsOf(s, '2024-01-06T01:00:00Z').timeline.map((t) => t.type)).toEqual([
      'ContactAbandoned',
      'InquiryAnswered',
      'InquiryReceived',
      'CustomerRegistered',
    ])
    const three = viewAsOf(s, '2030-01-01', resolveOptions({ timelineSize: 3 })).timeline
    expect(three).toEqual([
      { at: '2024-02-10T00:00:00.000Z', type: 'OrderPlaced', ref: 'o2', channel: 'web' },
      { at: '2024-01-12T00:00:00.000Z', type: 'DeliveryCompleted', ref: 'd1', channel: null },
      { at: '2024-01-10T00:00:00.000Z', type: 'OrderPlaced', ref: 'o1', channel: 'web' },
    ])
    expect(viewAsOf(s, '2030-01-01', undefined, { timelineSize: 1 }).timeline).toHaveLength(1)
  })
})
