import { asOfMs } from '@journeykit/core'
import { describe, expect, it } from 'vitest'
import type { ChurnThresholds } from '../src/index.js'
import { defaultThresholds, purchaseRhythm, signalRules } from '../src/index.js'
import { event, factsOf, order, ordersEvery } from './support/events.js'

const t: ChurnThresholds = { ...defaultThresholds, cadencePriorDays: 30 }
const rule = signalRules

describe('purchase-lapse', () => {
  it('follows the customer’s own cadence, not one global number of days', () => {
    const weekly = factsOf(ordersEvery('2024-01-01', 7, 10))
    const quarterly = factsOf(ordersEvery('2022-01-01', 90, 10))
    // 60 days after the last order: a weekly buyer has missed several purchases, a quarterly one none.
    const weeklyLast = Date.parse('2024-03-04T12:00:00Z')
    expect(rule['purchase-lapse'](weekly, weeklyLast + 60 * 86_400_000, t)?.severity).toBeGreaterThan(0.9)
    const quarterlyLast = Date.parse('2024-03-29T12:00:00Z')
    expect(rule['purchase-lapse'](quarterly, quarterlyLast + 60 * 86_400_000, t)).toBeUndefined()
    // ... while a quarterly buyer silent for two years (eight of their gaps) is lapsed.
    const lapsed = rule['purchase-lapse'](quarterly, quarterlyLast + 730 * 86_400_000, t)
    expect(lapsed?.severity).toBeGreaterThan(0.9)
  })

  it('explains itself: the last purchase, the silence, the cadence and the thresholds crossed', () => {
    const history = ordersEvery('2024-01-01', 10, 5)
    const s = rule['purchase-lapse'](factsOf(history), asOfMs('2024-04-30'), t)
    expect(s?.evidence.eventIds[0]).toBe(history[4]?.id)
    expect(s?.evidence.eventIds).toContain(history[0]?.id)
    expect(s?.evidence.values['purchaseDays']).toBe(5)
    expect(s?.evidence.values['silenceDays']).toBe(80.5)
    expect(s?.evidence.thresholds).toMatchObject({ lapseMinGaps: 1, lapseMinProbability: 0.5 })
    expect(s?.summary).toMatch(/No purchase for 80 days/)
  })

  it('is not raised before one expected gap has passed, even for a single purchase', () => {
    const single = factsOf([order('o1', '2024-01-01')])
    expect(rule['purchase-lapse'](single, asOfMs('2024-01-20'), t)).toBeUndefined()
    expect(rule['purchase-lapse'](single, asOfMs('2024-02-05'), t)).toBeDefined()
  })

  it('gives loyal customers more slack than new ones for the same silence in gaps', () => {
    const at = (n: number) => {
      const history = ordersEvery('2020-01-01', 30, n)
      const r = purchaseRhythm(
        factsOf(history).purchases,
        Date.parse('2020-01-01') + (n + 1.5) * 30 * 86_400_000,
        t,
      )
      return r?.lapseProbability ?? 0
    }
    expect(at(2)).toBeGreaterThan(at(10))
  })

  it('counts orders on one day as one purchase occasion', () => {
    const f = factsOf([
      order('a', '2024-01-01T09:00:00Z'),
      order('b', '2024-01-01T17:00:00Z'),
      order('c', '2024-01-09'),
    ])
    expect(f.purchases?.days).toBe(2)
    expect(f.purchases?.orders).toBe(3)
  })

  it('leaves contract customers to the renewal rules', () => {
    const history = [
      ...ordersEvery('2024-01-01', 7, 3),
      event('SubscriptionStarted', { subscriptionId: 's1', plan: 'pro', endsOn: '2026-01-01' }, '2024-01-01'),
    ]
    expect(rule['purchase-lapse'](factsOf(history), asOfMs('2025-01-01'), t)).toBeUndefined()
    expect(rule['early-relationship'](factsOf(history), asOfMs('2025-01-01'), t)).toBeUndefined()
  })
})

describe('early-relationship', () => {
  it('is raised from the first purchase until the third, with severity 1 / (1 + purchases)', () => {
    const one = factsOf([order('o1', '2024-01-01')])
    expect(rule['early-relationship'](one, asOfMs('2024-01-02'), t)?.severity).toBe(0.5)
    const two = factsOf(ordersEvery('2024-01-01', 20, 2))
    expect(rule['early-relationship'](two, asOfMs('2024-01-30'), t)?.severity).toBeCloseTo(1 / 3, 3)
    const three = factsOf(ordersEvery('2024-01-01', 20, 3))
    expect(rule['early-relationship'](three, asOfMs('2024-02-15'), t)).toBeUndefined()
  })
})

describe('purchase-frequency-falling and spend-falling', () => {
  // Weekly for 12 weeks, then one small order a month later: frequency and basket both fall.
  const history = [...ordersEvery('2024-01-01', 7, 12, 5000), order('late', '2024-04-20', 1000)]
  const asOf = asOfMs('2024-04-25')

  it('compares the recent window with the one before, in windows of the customer’s own gaps', () => {
    const s = rule['purchase-frequency-falling'](factsOf(history), asOf, t)
    expect(s?.evidence.values['recentPurchaseDays']).toBe(1)
    expect(s?.evidence.values['earlierPurchaseDays']).toBeGreaterThanOrEqual(2)
    expect(s?.evidence.eventIds[0]).toBe(history[12]?.id)
  })

  it('flags a smaller basket per purchase day', () => {
    const s = rule['spend-falling'](factsOf(history), asOf, t)
    expect(s?.evidence.values).toMatchObject({ recentSpendPerDay: 1000, earlierSpendPerDay: 5000 })
    expect(s?.severity).toBeCloseTo(0.8, 5)
  })

  it('stays quiet for a steady customer', () => {
    const steady = factsOf(ordersEvery('2024-01-01', 7, 15, 5000))
    expect(rule['purchase-frequency-falling'](steady, asOfMs('2024-04-16'), t)).toBeUndefined()
    expect(rule['spend-falling'](steady, asOfMs('2024-04-16'), t)).toBeUndefined()
  })

  it('leaves silence to purchase-lapse: a customer who stopped buying is not "falling"', () => {
    expect(rule['purchase-frequency-falling'](factsOf(history), asOfMs('2024-09-01'), t)).toBeUndefined()
  })
})
