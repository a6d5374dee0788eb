import type { JourneyEvent } from '@journeykit/core'
import {
  asOfMs,
  deadlineMs,
  evolveJourneyFacts,
  initialJourneyFacts,
  journeyStage,
  toEpochMs,
} from '@journeykit/core'
import fc from 'fast-check'
import { describe, expect } from 'vitest'
import { prop } from './support/prop.js'
import {
  championLeavesArb,
  forgottenMidJourneyArb,
  interleave,
  interleavedJourneysArb,
  interleavingArb,
  journeyInvariantViolations,
  loyalThenNeglectedArb,
} from '../src/index.js'

const stageAt = (events: readonly JourneyEvent[], asOf: string) => {
  const until = asOfMs(asOf)
  const facts = initialJourneyFacts()
  for (const e of events) if (toEpochMs(e.occurredAt) <= until) evolveJourneyFacts(facts, e)
  return journeyStage(facts, until)
}

const valid = (events: readonly JourneyEvent[]) =>
  expect(journeyInvariantViolations(events, { timeOrdered: true })).toEqual([])

describe('shaped stories', () => {
  prop([loyalThenNeglectedArb()], { numRuns: 25 })(
    'a loyal customer who then meets late deliveries and an abandoned call',
    (journey) => {
      expect(journey.refused).toEqual([])
      valid(journey.events)
      expect(stageAt(journey.events, journey.loyalUntil)).toBe('loyal')
      const promised = new Map<string, number>()
      for (const e of journey.events)
        if (e.type === 'DeliveryPromised')
          promised.set(e.data.deliveryId, deadlineMs(e.data.promisedBy, e.data.timeZone))
      const completions = journey.events.filter((e) => e.type === 'DeliveryCompleted')
      for (const e of completions) {
        const late = toEpochMs(e.occurredAt) >= (promised.get(e.data.deliveryId) ?? Infinity)
        expect(late).toBe(journey.lateDeliveries.includes(e.data.deliveryId))
        expect(late).toBe(toEpochMs(e.occurredAt) > toEpochMs(journey.loyalUntil))
      }
      expect(journey.lateDeliveries.length).toBeGreaterThanOrEqual(1)
      const call = journey.events.find((e) => e.type === 'ContactAbandoned')
      expect(call).toMatchObject({ data: { contactId: journey.abandonedContactId, channel: 'phone' } })
      expect(toEpochMs(call?.occurredAt ?? '')).toBeGreaterThan(toEpochMs(journey.loyalUntil))
    },
  )

  prop([championLeavesArb()], { numRuns: 30 })('a business customer whose champion leaves', (journey) => {
    expect(journey.refused).toEqual([])
    valid(journey.events)
    expect(journey.events[0]).toMatchObject({ type: 'CustomerRegistered', data: { kind: 'organization' } })
    const added = journey.events.find(
      (e) => e.type === 'ContactPersonAdded' && e.data.personId === journey.championId,
    )
    expect(added).toMatchObject({ data: { champion: true } })
    const left = journey.events.filter((e) => e.type === 'ContactPersonLeft')
    expect(left).toEqual([
      expect.objectContaining({
        occurredAt: journey.leftAt,
        data: expect.objectContaining({ personId: journey.championId }),
      }),
    ])
    expect(journey.events.some((e) => e.type === 'AccountManagerAssigned')).toBe(true)
  })

  prop([forgottenMidJourneyArb()], { numRuns: 40 })('a customer forgotten mid-journey', (journey) => {
    expect(journey.refused).toEqual([])
    valid(journey.events)
    expect(journey.events.at(-1)).toMatchObject({
      type: 'CustomerForgotten',
      occurredAt: journey.forgottenAt,
    })
    expect(journey.afterwards.length).toBeGreaterThan(0)
    for (const command of journey.afterwards)
      expect(toEpochMs(command.occurredAt)).toBeGreaterThan(toEpochMs(journey.forgottenAt))
  })
})

describe('interleavings', () => {
  const lists = fc.array(fc.array(fc.nat(), { maxLength: 6 }), { maxLength: 4 })

  prop([lists, fc.array(fc.nat())])('interleave keeps every item and each list’s order', (xs, picks) => {
    const tagged = xs.map((list, i) => list.map((value, j) => ({ list: i, index: j, value })))
    const merged = interleave(tagged, picks)
    expect(merged.length).toBe(tagged.flat().length)
    for (const [i, list] of tagged.entries()) expect(merged.filter((item) => item.list === i)).toEqual(list)
  })

  prop([lists.chain((xs) => fc.tuple(fc.constant(xs), interleavingArb(xs)))])(
    'interleavingArb draws only order-preserving merges',
    ([xs, merged]) => {
      expect([...merged].sort()).toEqual(xs.flat().sort())
    },
  )

  prop([interleavedJourneysArb({ minCustomers: 2, maxCustomers: 4 })], { numRuns: 30 })(
    'many customers: distinct ids, each customer’s events in their own order',
    (portfolio) => {
      const ids = portfolio.journeys.map((j) => j.customerId)
      expect(new Set(ids).size).toBe(ids.length)
      expect(portfolio.events.length).toBe(portfolio.journeys.reduce((n, j) => n + j.events.length, 0))
      for (const journey of portfolio.journeys)
        expect(portfolio.events.filter((e) => e.customerId === journey.customerId)).toEqual(journey.events)
      expect(new Set(portfolio.events.map((e) => e.id)).size).toBe(portfolio.events.length)
    },
  )
})
