import type { JourneyEvent } from '@journeykit/core'
import { toEpochMs } from '@journeykit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CustomerView } from '../src/index.js'
import { InvalidAsOf, viewAsOf } from '../src/index.js'
import { event, order, registered, stateOf } from './support/events.js'
import { journeyArb } from './support/testing.js'

/** The view without the fields that describe the state rather than the customer as of the instant. */
const comparable = (v: CustomerView) => ({ ...v, exact: undefined, horizon: undefined })

/** Instants to ask about: around every event of the history, and before and after it. */
const instantsOf = (events: readonly JourneyEvent[]): number[] => {
  const times = events.map((e) => toEpochMs(e.occurredAt))
  return [
    ...new Set([
      Math.min(...times) - 1,
      ...times,
      ...times.map((t) => t - 1),
      Math.max(...times) + 400 * 86_400_000,
    ]),
  ]
}

describe('as of an instant', () => {
  const s = stateOf([
    registered('2024-04-01T00:00:00Z'),
    order('o1', 1_000, '2024-05-01'),
    order('o2', 2_000, '2024-05-03T12:00:00Z'),
  ])

  it('counts only events that occurred by then', () => {
    expect(viewAsOf(s, '2024-05-03T11:59:59.999Z').value.orderCount).toBe(1)
    expect(viewAsOf(s, '2024-05-03T12:00:00Z').value.orderCount).toBe(2)
  })

  it('counts a date-only event from the start of its day (UTC); a date as of means the end of that day', () => {
    expect(viewAsOf(s, '2024-04-30T23:59:59.999Z').value.orderCount).toBe(0)
    expect(viewAsOf(s, '2024-05-01T00:00:00Z').value.orderCount).toBe(1)
    expect(viewAsOf(s, '2024-05-03').value.orderCount).toBe(2)
    expect(viewAsOf(s, Date.parse('2024-05-02T00:00:00Z')).value.orderCount).toBe(1)
  })

  it('rejects an instant it cannot read, with a typed error', () => {
    expect(() => viewAsOf(s, '2024-13-01')).toThrow(InvalidAsOf)
    expect(() => viewAsOf(s, 'yesterday')).toThrow(expect.objectContaining({ _tag: 'InvalidAsOf' }))
    expect(() => viewAsOf(s, Number.NaN)).toThrow(InvalidAsOf)
  })

  it('is the view of the history cut at the instant (generated journeys)', () => {
    fc.assert(
      fc.property(journeyArb({ maxSteps: 20 }), (journey) => {
        const full = stateOf(journey.events, journey.customerId)
        for (const at of instantsOf(journey.events)) {
          const cut = journey.events.filter((e) => toEpochMs(e.occurredAt) <= at)
          if (cut.length === 0) continue
          expect(comparable(viewAsOf(full, at))).toEqual(
            comparable(viewAsOf(stateOf(cut, journey.customerId), at)),
          )
        }
      }),
      { numRuns: 40 },
    )
  })

  it('does not depend on the order events were recorded in (generated journeys, shuffled)', () => {
    fc.assert(
      fc.property(
        journeyArb({ maxSteps: 20 }).chain((journey) =>
          fc.tuple(
            fc.constant(journey),
            fc.shuffledSubarray([...journey.events], { minLength: journey.events.length }),
          ),
        ),
        ([journey, shuffled]) => {
          const inOrder = stateOf(journey.events, journey.customerId)
          const outOfOrder = stateOf(shuffled, journey.customerId)
          for (const at of instantsOf(journey.events))
            expect(comparable(viewAsOf(outOfOrder, at))).toEqual(comparable(viewAsOf(inOrder, at)))
        },
      ),
      { numRuns: 40 },
    )
  })

  it('counts an event recorded late where it happened', () => {
    const late = stateOf([
      registered('2024-04-01T00:00:00Z'),
      order('o2', 2_000, '2024-05-03T12:00:00Z'),
      event(
        'OrderPlaced',
        { orderId: 'o1', currency: 'EUR', amount: 1_000, lines: [], channel: 'web' },
        '2024-05-01',
      ),
    ])
    expect(late.lateEvents).toBe(1)
    expect(viewAsOf(late, '2024-05-02').value).toMatchObject({
      orderCount: 1,
      firstPurchaseAt: '2024-05-01T00:00:00.000Z',
    })
  })
})
