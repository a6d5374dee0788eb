import type { CustomerState, JourneyEvent } from '@journeykit/core'
import { commandNames, customerDecider, foldState } from '@journeykit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { prop } from './support/prop.js'
import {
  anyEventArb,
  domainErrorCodes,
  forgottenMidJourneyArb,
  interleavedJourneysArb,
  journeyArb,
  journeyInvariantViolations,
  refusedCommandArb,
} from '../src/index.js'

const stateAfter = (events: readonly JourneyEvent[]): CustomerState => foldState(customerDecider, events)

describe('the customer decider over generated journeys', () => {
  prop([journeyArb({ maxSteps: 40 })], { numRuns: 100 })(
    'accepts every command of a generated valid journey, and the history never breaks an invariant',
    (journey) => {
      expect(journey.refused).toEqual([])
      expect(journey.events.length).toBe(journey.commands.length)
      expect(journeyInvariantViolations(journey.events, { timeOrdered: true })).toEqual([])
    },
  )

  prop([journeyArb({ forget: true })], { numRuns: 60 })(
    'journeys that may forget the customer stay valid too',
    (journey) => {
      expect(journey.refused).toEqual([])
      expect(journeyInvariantViolations(journey.events, { timeOrdered: true })).toEqual([])
    },
  )

  prop([interleavedJourneysArb()], { numRuns: 40 })(
    'many customers interleaved: each history is valid in the merged order',
    (portfolio) => {
      expect(portfolio.journeys.flatMap((j) => j.refused)).toEqual([])
      expect(journeyInvariantViolations(portfolio.events, { timeOrdered: true })).toEqual([])
    },
  )

  it('generated journeys reach every command', () => {
    const seen = new Set<string>()
    for (const journey of fc.sample(journeyArb({ maxSteps: 40, forget: true }), { numRuns: 200, seed: 42 }))
      for (const command of journey.commands) seen.add(command.type)
    expect([...seen].sort()).toEqual([...commandNames].sort())
  })
})

describe('evolve', () => {
  prop([journeyArb()], { numRuns: 60 })(
    'is total over valid histories, and folding step by step equals folding at once',
    (journey) => {
      const whole = stateAfter(journey.events)
      let stepwise = customerDecider.initialState()
      for (const event of journey.events) stepwise = foldState(customerDecider, [event], stepwise)
      expect(stepwise).toEqual(whole)
      expect(whole.status).toBe('registered')
      expect(Object.keys(whole.orders).length).toBe(
        journey.events.filter((e) => e.type === 'OrderPlaced').length,
      )
    },
  )

  prop([fc.array(anyEventArb(), { maxLength: 30 })], { numRuns: 60 })(
    'never throws, even over arbitrary sequences of valid events (such as a messy import)',
    (events) => {
      expect(() => stateAfter(events)).not.toThrow()
    },
  )

  prop([forgottenMidJourneyArb()], { numRuns: 40 })(
    'is total over histories that end forgotten',
    (journey) => {
      expect(stateAfter(journey.events).status).toBe('forgotten')
    },
  )

  prop([interleavedJourneysArb({ maxCustomers: 3 })], { numRuns: 30 })(
    'gives each customer the same state whether folded alone or picked out of an interleaving',
    (portfolio) => {
      for (const journey of portfolio.journeys) {
        const picked = portfolio.events.filter((e) => e.customerId === journey.customerId)
        expect(stateAfter(picked)).toEqual(stateAfter(journey.events))
      }
    },
  )
})

describe('invalid commands', () => {
  prop([refusedCommandArb()], { numRuns: 100 })(
    'are refused with the typed error that says what was refused and why',
    ({ journey, command, code }) => {
      expect(journey.refused).toEqual([])
      const decision = customerDecider.decide(command, stateAfter(journey.events))
      expect(decision).toMatchObject({
        _tag: 'Left',
        left: { _tag: 'DomainError', code, command: command.type, customerId: command.customerId },
      })
      if (decision._tag === 'Left')
        expect(decision.left.message).toMatch(new RegExp(`^${command.type} refused for customer .+: .+`))
    },
  )

  it.each(domainErrorCodes)('%s: refused with exactly this code', (code) => {
    fc.assert(
      fc.property(refusedCommandArb({ codes: [code] }), ({ journey, command }) => {
        expect(journey.refused).toEqual([])
        expect(customerDecider.decide(command, stateAfter(journey.events))).toMatchObject({
          _tag: 'Left',
          left: { code },
        })
      }),
      { numRuns: 12 },
    )
  })

  prop([forgottenMidJourneyArb()], { numRuns: 60 })(
    'nothing is accepted after CustomerForgotten, not even registering again',
    (journey) => {
      expect(journey.refused).toEqual([])
      expect(journey.events.at(-1)?.type).toBe('CustomerForgotten')
      const state = stateAfter(journey.events)
      for (const command of journey.afterwards)
        expect(customerDecider.decide(command, state)).toMatchObject({
          _tag: 'Left',
          left: { code: 'CustomerForgotten' },
        })
    },
  )
})
