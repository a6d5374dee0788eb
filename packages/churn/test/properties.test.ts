import type { JourneyEvent, RecordedEvent } from '@journeykit/core'
import { DAY_MS, asOfMs, toInstant } from '@journeykit/core'
import { foldProjection } from '@journeykit/projections'
import fc from 'fast-check'
import { produce } from 'immer'
import { describe, expect, it } from 'vitest'
import type { ChurnFacts, CustomerEvaluation } from '../src/index.js'
import {
  applyChurnEvent,
  churnProjection,
  evaluateAsOf,
  evaluateCustomer,
  evaluateCustomerAsOf,
  foldChurnFacts,
  initialChurnFacts,
  monitorChurn,
} from '../src/index.js'
import { START_MS, asOfArb, journeyArb } from './support/arbitraries.js'
import { event, eventId } from './support/events.js'

const health = (events: readonly JourneyEvent[], asOf: string): number =>
  evaluateCustomerAsOf(events, 'ada', asOf, { cadencePrior: 'configured' }).health

/** An instant between the start of the journeys and `asOf` (inclusive), as a fraction of the way. */
const before = (asOf: string, fraction: number): number => {
  const end = asOfMs(asOf)
  return Math.floor(START_MS + fraction * (end - START_MS))
}
const fractionArb = fc.double({ min: 0, max: 1, noNaN: true })

describe('adding bad news never raises health', () => {
  it('a late or failed delivery', () => {
    fc.assert(
      fc.property(
        journeyArb(),
        asOfArb,
        fractionArb,
        fc.integer({ min: 2, max: 30 }),
        fc.constantFrom('date', 'instant', 'failed'),
        fc.constantFrom(undefined, 'Asia/Tokyo', 'America/Sao_Paulo'),
        (history, asOf, fraction, daysLate, how, timeZone) => {
          const doneMs = before(asOf, fraction)
          const promisedMs = doneMs - daysLate * DAY_MS
          const promisedBy = how === 'instant' ? toInstant(promisedMs) : toInstant(promisedMs).slice(0, 10)
          const zone = timeZone === undefined || how === 'instant' ? {} : { timeZone }
          const late = [
            event(
              'DeliveryPromised',
              { deliveryId: 'd-new', orderId: 'o1', promisedBy, ...zone },
              toInstant(promisedMs - DAY_MS),
              'ada',
              eventId(1),
            ),
            how === 'failed'
              ? event(
                  'DeliveryFailed',
                  { deliveryId: 'd-new', orderId: 'o1', reason: 'lost' },
                  toInstant(doneMs),
                  'ada',
                  eventId(2),
                )
              : event(
                  'DeliveryCompleted',
                  { deliveryId: 'd-new', orderId: 'o1' },
                  toInstant(doneMs),
                  'ada',
                  eventId(2),
                ),
          ]
          expect(health([...history, ...late], asOf)).toBeLessThanOrEqual(health(history, asOf))
        },
      ),
    )
  })

  it('an abandoned contact', () => {
    fc.assert(
      fc.property(journeyArb(), asOfArb, fractionArb, (history, asOf, fraction) => {
        const lost = event(
          'ContactAbandoned',
          { contactId: 'k-new', channel: 'phone', kind: 'queue_hangup', waitSeconds: 300 },
          toInstant(before(asOf, fraction)),
          'ada',
          eventId(1),
        )
        expect(health([...history, lost], asOf)).toBeLessThanOrEqual(health(history, asOf))
      }),
    )
  })

  it('a detractor survey', () => {
    fc.assert(
      fc.property(
        journeyArb(),
        asOfArb,
        fractionArb,
        fc.integer({ min: 0, max: 6 }),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        (history, asOf, fraction, nps, csat) => {
          const detractor = event(
            'SurveyAnswered',
            { surveyId: 'sv-new', nps, ...(csat === undefined ? {} : { csat }) },
            toInstant(before(asOf, fraction)),
            'ada',
            eventId(1),
          )
          expect(health([...history, detractor], asOf)).toBeLessThanOrEqual(health(history, asOf))
        },
      ),
    )
  })
})

const recorded = (events: readonly JourneyEvent[]): RecordedEvent[] =>
  events.map((e, i) => ({ ...e, position: BigInt(128 + 16 * i), revision: BigInt(i) }))
const withoutTrend = ({ trend: _trend, ...rest }: CustomerEvaluation) => rest

describe('replay equals incremental evaluation', () => {
  it('the projection folded in one go equals the recipes applied one event at a time', () => {
    fc.assert(
      fc.property(journeyArb(), (events) => {
        const replayed = foldProjection(churnProjection, recorded(events)).partitions.get('ada')
        let incremental: ChurnFacts = initialChurnFacts()
        for (const e of events) incremental = produce(incremental, (draft) => applyChurnEvent(draft, e))
        expect(replayed ?? initialChurnFacts()).toEqual(incremental)
      }),
    )
  })

  it('facts restored from a JSON snapshot evaluate the same (a runner may checkpoint them)', () => {
    fc.assert(
      fc.property(journeyArb(), asOfArb, (events, asOf) => {
        const facts = foldChurnFacts(events, asOfMs(asOf)).get('ada') ?? initialChurnFacts()
        const restored: ChurnFacts = JSON.parse(JSON.stringify(facts))
        expect(evaluateCustomer('ada', restored, asOf)).toEqual(evaluateCustomer('ada', facts, asOf))
      }),
    )
  })

  it('the monitor, folding as time passes, evaluates each instant as a replay up to it would', () => {
    fc.assert(
      fc.property(
        journeyArb(),
        fc.uniqueArray(asOfArb, { minLength: 1, maxLength: 3 }),
        (events, instants) => {
          const sorted = [...instants].sort()
          const steps = [...monitorChurn(events, sorted)]
          steps.forEach((step, i) => {
            const replay = evaluateAsOf(events, sorted[i] ?? '')
            expect(step.portfolio.evaluations.map(withoutTrend)).toEqual(replay.evaluations.map(withoutTrend))
          })
        },
      ),
      { numRuns: 50 },
    )
  })
})

describe('evaluation as of an instant is a pure function of the events up to it', () => {
  it('events that occur after the instant change nothing', () => {
    fc.assert(
      fc.property(journeyArb(), journeyArb('ada', 10), asOfArb, (events, later, asOf) => {
        const afterwards = later.map((e, i) => ({
          ...e,
          id: eventId(5_000 + i),
          occurredAt: toInstant(asOfMs(asOf) + (i + 1) * 60_000),
        }))
        expect(evaluateAsOf([...events, ...afterwards], asOf)).toEqual(evaluateAsOf(events, asOf))
      }),
    )
  })

  it('the store order of the events does not matter', () => {
    fc.assert(
      fc.property(
        journeyArb().chain((events) =>
          fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length })),
        ),
        asOfArb,
        ([events, shuffled], asOf) => {
          expect(foldChurnFacts(shuffled)).toEqual(foldChurnFacts(events))
          expect(evaluateAsOf(shuffled, asOf)).toEqual(evaluateAsOf(events, asOf))
        },
      ),
    )
  })
})
