import { produce } from 'immer'
import { describe, expect, it } from 'vitest'
import type { EventFact, JourneyFacts } from '../src/index.js'
import { asOfMs, evolveJourneyFacts, fact, initialJourneyFacts, journeyStage } from '../src/index.js'

const order = (id: string, at: string): EventFact =>
  fact('OrderPlaced', { orderId: id, currency: 'EUR', amount: 1000, lines: [], channel: 'web' }, at)
const facts = (...events: EventFact[]): JourneyFacts =>
  produce(initialJourneyFacts(), (draft) => {
    for (const e of events) evolveJourneyFacts(draft, e)
  })
const registered = fact('CustomerRegistered', { kind: 'person', name: 'Ada', country: 'GB' }, '2023-01-01')
const stageAt = (f: JourneyFacts, asOf: string) => journeyStage(f, asOfMs(asOf))

describe('journey stage', () => {
  it('moves from awareness to consideration on first engagement', () => {
    expect(stageAt(facts(registered), '2023-01-02')).toBe('awareness')
    const inquiry = fact(
      'InquiryReceived',
      { inquiryId: 'i1', channel: 'chat', topic: 'pricing' },
      '2023-01-03',
    )
    expect(stageAt(facts(registered, inquiry), '2023-01-04')).toBe('consideration')
    const opened = fact('CampaignResponded', { campaignId: 'c', response: 'opened' }, '2023-01-03')
    expect(stageAt(facts(registered, opened), '2023-01-04')).toBe('awareness')
  })

  it('goes first purchase, onboarding (first delivery), active (second order), loyal (5 orders over a year)', () => {
    const first = order('o1', '2023-02-01')
    expect(stageAt(facts(registered, first), '2023-02-02')).toBe('first_purchase')
    const delivered = fact('DeliveryCompleted', { deliveryId: 'd1', orderId: 'o1' }, '2023-02-03')
    expect(stageAt(facts(registered, first, delivered), '2023-02-04')).toBe('onboarding')
    const second = order('o2', '2023-03-01')
    expect(stageAt(facts(registered, first, delivered, second), '2023-03-02')).toBe('active')
    const loyal = facts(
      registered,
      first,
      second,
      order('o3', '2023-06-01'),
      order('o4', '2023-09-01'),
      order('o5', '2024-02-05'),
    )
    expect(stageAt(loyal, '2024-02-06')).toBe('loyal')
  })

  it('puts a customer at risk after two of their own gaps of silence, churned after four', () => {
    // Monthly buyer: a typical gap of ~30 days.
    const monthly = facts(
      registered,
      order('o1', '2023-01-01'),
      order('o2', '2023-01-31'),
      order('o3', '2023-03-02'),
    )
    expect(stageAt(monthly, '2023-03-20')).toBe('active')
    expect(stageAt(monthly, '2023-05-10')).toBe('at_risk')
    expect(stageAt(monthly, '2023-07-10')).toBe('churned')
    // A yearly buyer is not at risk after the same silence.
    const yearly = facts(
      registered,
      order('o1', '2020-03-01'),
      order('o2', '2021-03-01'),
      order('o3', '2022-03-01'),
      order('o4', '2023-03-02'),
    )
    expect(stageAt(yearly, '2023-07-10')).toBe('active')
  })

  it('marks a churned customer who orders again as won back, until two further orders', () => {
    const base = [registered, order('o1', '2023-01-01'), order('o2', '2023-01-31'), order('o3', '2023-03-02')]
    const back = facts(...base, order('o4', '2023-12-01'))
    expect(stageAt(back, '2023-12-02')).toBe('won_back')
    const settled = facts(
      ...base,
      order('o4', '2023-12-01'),
      order('o5', '2023-12-20'),
      order('o6', '2024-01-10'),
    )
    expect(stageAt(settled, '2024-01-11')).not.toBe('won_back')
  })

  it('counts a cancelled contract that has ended as churned', () => {
    const sub = fact(
      'SubscriptionStarted',
      { subscriptionId: 's1', plan: 'pro', endsOn: '2024-12-31' },
      '2023-01-01',
    )
    const cancel = fact('SubscriptionCancelled', { subscriptionId: 's1', endsOn: '2023-06-30' }, '2023-05-01')
    const f = facts(registered, order('o1', '2023-01-01'), order('o2', '2023-04-01'), sub, cancel)
    expect(stageAt(f, '2023-06-15')).not.toBe('churned')
    expect(stageAt(f, '2023-07-01')).toBe('churned')
  })
})
