import type { CommandName, CustomerCommand, CustomerState, EventType, JourneyEvent } from '@journeykit/core'
import {
  commandEventTypes,
  commandNames,
  customerDecider,
  decode,
  foldState,
  isJourneyEvent,
} from '@journeykit/core'
import { describe, expect, it } from 'vitest'
import { simulate } from '../src/index.js'

/** The command that records each event type (the inverse of `commandEventTypes`). */
const commandFor = new Map<EventType, CommandName>(
  commandNames.map((name) => [commandEventTypes[name], name]),
)

const toCommand = (event: JourneyEvent): CustomerCommand => {
  const type = commandFor.get(event.type)
  if (type === undefined) throw new Error(`no command records ${event.type}`)
  // `data` is the data of `event.type`, which is exactly the data of the command that records it.
  return {
    type,
    customerId: event.customerId,
    occurredAt: event.occurredAt,
    data: event.data,
  } as CustomerCommand
}

/** Feeds every event, as its command, through the customer decider; returns the first refusal, if any. */
const firstRefusal = (events: Iterable<JourneyEvent>): string | undefined => {
  const states = new Map<string, CustomerState>()
  for (const event of events) {
    const state = states.get(event.customerId) ?? customerDecider.initialState()
    const decision = customerDecider.decide(toCommand(event), state)
    if (decision._tag === 'Left') return `${event.id} ${event.type}: ${decision.left.message}`
    const [fact] = decision.right
    if (decision.right.length !== 1 || fact === undefined)
      return `${event.type}: decided ${decision.right.length} facts`
    expect(fact).toEqual({ type: event.type, data: event.data, occurredAt: event.occurredAt })
    states.set(event.customerId, foldState(customerDecider, decision.right, state))
  }
  return undefined
}

describe('every simulated history is valid', () => {
  it.each([1, 7, 2024, 99_991])(
    'under the customer decider, event by event (100 customers, seed %i)',
    (seed) => {
      const events = [...simulate({ customers: 100, seed })]
      expect(events.length).toBeGreaterThan(5000)
      expect(firstRefusal(events)).toBeUndefined()
    },
  )

  it('with extreme knobs too (many failures, no follow-ups, high churn)', () => {
    const mix = {
      organizationShare: 0.6,
      failedDeliveryRate: 0.3,
      lateDeliveryRate: 0.4,
      cancellationRate: 0.2,
      paymentFailureRate: 0.4,
      followUpRate: 0,
      missedCallbackRate: 0.9,
      slaBreachRate: 0.8,
      unresolvedComplaintRate: 0.9,
      baseChurnPerYear: 2,
      forgetRate: 1,
      campaignsPerMonth: 4,
    }
    const events = [...simulate({ customers: 100, seed: 3, durationDays: 500, mix })]
    expect(events.some((e) => e.type === 'CustomerForgotten')).toBe(true)
    expect(firstRefusal(events)).toBeUndefined()
  })

  it('the check itself catches a broken history (a registration or a delivery left out)', () => {
    const events = [...simulate({ customers: 20, seed: 5, durationDays: 200 })]
    const [registration] = events
    expect(firstRefusal(events.filter((e) => e !== registration))).toMatch(
      /CustomerNotRegistered|not registered/,
    )
    const delivered = events.find((e) => e.type === 'DeliveryCompleted')
    const withoutOrders = events.filter(
      (e) => e.type !== 'OrderPlaced' || e.customerId !== delivered?.customerId,
    )
    expect(firstRefusal(withoutOrders)).toMatch(/order .* was never placed/)
  })

  it('every event passes isJourneyEvent and decodes back to itself', () => {
    for (const event of simulate({ customers: 100, seed: 11, durationDays: 600 })) {
      if (!isJourneyEvent(event)) throw new Error(`not a journey event: ${JSON.stringify(event)}`)
      const decoded = decode(JSON.parse(JSON.stringify(event)))
      if (decoded._tag === 'Left') throw new Error(decoded.left.message)
      expect(decoded.right).toEqual(event)
    }
  })
})
