import type { RecordedEvent } from '@journeykit/core'
import { toEpochMs } from '@journeykit/core'
import { applyHandler } from '@journeykit/projections'
import fc from 'fast-check'
import { produce } from 'immer'
import { describe, expect, it } from 'vitest'
import type { Customer360State } from '../src/index.js'
import { customer360Projection, initialCustomer360State, viewAsOf } from '../src/index.js'
import { stateOf } from './support/events.js'
import { anyEventArb, journeyArb, recordEvents } from './support/testing.js'

/** Folds one customer's events the way an immer-based runner would: one `produce` per event, frozen in between. */
const foldWithImmer = (events: readonly RecordedEvent[], small: boolean): Customer360State => {
  const { handlers } = customer360Projection(small ? { limits: { records: 2, history: 2, times: 2 } } : {})
  let state = initialCustomer360State()
  for (const event of events) state = produce(state, (draft) => void applyHandler(handlers, draft, event))
  return state
}

describe('with immer drafts', () => {
  it('gives the same views as folding plain state (generated journeys and random events)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          journeyArb({ maxSteps: 20 }).map((j) => j.events),
          fc.array(anyEventArb({ customerId: fc.constant('ada') }), { maxLength: 30 }),
        ),
        fc.boolean(),
        (events, small) => {
          if (events.length === 0) return
          const customerId = events[0]?.customerId ?? 'ada'
          const drafted = foldWithImmer(recordEvents(events), small)
          const plain = stateOf(
            events,
            customerId,
            small ? { limits: { records: 2, history: 2, times: 2 } } : {},
          )
          for (const e of events) {
            const at = toEpochMs(e.occurredAt)
            expect(viewAsOf(drafted, at)).toEqual(viewAsOf(plain, at))
          }
        },
      ),
      { numRuns: 40 },
    )
  })
})
