import { eventTypes, toEpochMs } from '@journeykit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { customer360Projection, customerView, listCustomers, portfolioKpis, viewAsOf } from '../src/index.js'
import { foldAll } from './support/events.js'
import { anyEventArb, instantArb } from './support/testing.js'

const tiny = { limits: { history: 2, records: 2, times: 2, surveys: 2 } }

describe('totality', () => {
  it('has a handler for every event type', () => {
    expect(Object.keys(customer360Projection().handlers).sort()).toEqual([...eventTypes].sort())
  })

  it('never throws on any sequence of valid events, in any order, for every query (also with tiny limits)', () => {
    fc.assert(
      fc.property(
        fc.array(anyEventArb({ customerId: fc.constantFrom('c1', 'c2', 'c3') }), { maxLength: 60 }),
        fc.array(instantArb, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (events, instants, small) => {
          const { projection, state } = foldAll(events, small ? tiny : {})
          const options = projection.options
          for (const asOf of instants) {
            for (const s of state.partitions.values()) JSON.stringify(viewAsOf(s, asOf, options))
            for (const id of state.partitions.keys()) customerView(state.partitions, id, asOf, { options })
            listCustomers(state.partitions, asOf, { tier: 'top', owner: null }, { options })
            const since = toEpochMs(asOf) - 90 * 86_400_000
            const kpis = portfolioKpis(state.partitions, asOf, { options, since, cohort: 'quarter' })
            for (const rate of [kpis.abandonmentRate.rate, kpis.onTimeDelivery.rate, kpis.slaBreachRate.rate])
              expect(rate === null || (rate >= 0 && rate <= 1)).toBe(true)
          }
        },
      ),
      { numRuns: 120 },
    )
  })
})
