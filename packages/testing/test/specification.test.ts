import type { CustomerCommand, JourneyEvent } from '@journeykit/core'
import { customerDecider, fact } from '@journeykit/core'
import { defineProjection } from '@journeykit/projections'
import { test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  DeciderSpecification,
  ProjectionSpecification,
  SpecificationFailed,
  interleavedJourneysArb,
  journeyArb,
  recordEvents,
  refusedCommandArb,
} from '../src/index.js'

const given = DeciderSpecification.for(customerDecider)
const registered = fact(
  'CustomerRegistered',
  { kind: 'person', name: 'Ada Lovelace', country: 'GB' },
  '2024-01-01',
)
const placeOrder: CustomerCommand = {
  type: 'PlaceOrder',
  customerId: 'ada',
  occurredAt: '2024-01-02T10:00:00Z',
  data: {
    orderId: 'o1',
    currency: 'EUR',
    amount: 1250,
    lines: [{ sku: 'sku-1', quantity: 1, unitPrice: 1250 }],
    channel: 'web',
  },
}
const placed = fact('OrderPlaced', placeOrder.data, placeOrder.occurredAt)

const failure = (run: () => unknown): string => {
  try {
    run()
  } catch (e) {
    expect(e).toBeInstanceOf(SpecificationFailed)
    return e instanceof Error ? e.message : ''
  }
  throw new Error('expected the specification to fail')
}

describe('DeciderSpecification', () => {
  it('given events, when a command, then events', () => {
    expect(given([registered]).when(placeOrder).then([placed])).toEqual([placed])
    given([registered])
      .when(placeOrder)
      .then((events, state) => {
        expect(events).toHaveLength(1)
        expect(state.orders['o1']).toMatchObject({ status: 'placed', amount: 1250 })
      })
    given([registered])
      .when(placeOrder)
      .thenState((state) => expect(Object.keys(state.orders)).toEqual(['o1']))
  })

  it('given events, when a command, then a typed error', () => {
    const error = given([])
      .when(placeOrder)
      .thenRefuses({ code: 'CustomerNotRegistered', command: 'PlaceOrder' })
    expect(error.message).toBe('PlaceOrder refused for customer ada: the customer is not registered')
    given([registered, placed])
      .when(placeOrder)
      .thenRefuses((e) => expect(e.code).toBe('DuplicateId'))
  })

  it('fails readably: the given events one per line, the command, and what happened instead', () => {
    const message = failure(() => given([registered]).when(placeOrder).thenRefuses({ code: 'DuplicateId' }))
    expect(message).toBe(
      [
        'Decider specification failed: expected the command to be refused',
        'given 1 event(s):',
        '  1. 2024-01-01  CustomerRegistered  kind=person name="Ada Lovelace" country=GB',
        'when:',
        '  2024-01-02T10:00:00Z  [ada]  PlaceOrder  orderId=o1 currency=EUR amount=1250 lines=[{sku=sku-1 quantity=1 unitPrice=1250}] channel=web',
        'but it was accepted with 1 event(s):',
        '  1. 2024-01-02T10:00:00Z  OrderPlaced  orderId=o1 currency=EUR amount=1250 lines=[{sku=sku-1 quantity=1 unitPrice=1250}] channel=web',
      ].join('\n'),
    )
    expect(failure(() => given([]).when(placeOrder).then([placed]))).toContain(
      'but it was refused (CustomerNotRegistered) PlaceOrder refused for customer ada: the customer is not registered',
    )
    expect(
      failure(() =>
        given([registered])
          .when(placeOrder)
          .then([{ ...placed, occurredAt: '2024-01-03' }]),
      ),
    ).toContain('other events than expected')
    expect(failure(() => given([]).when(placeOrder).thenRefuses({ code: 'CustomerForgotten' }))).toContain(
      'expected code=CustomerForgotten',
    )
  })

  test.prop([refusedCommandArb()], { numRuns: 40 })(
    'works inside properties',
    ({ journey, command, code }) => {
      given(journey.events).when(command).thenRefuses({ code, customerId: command.customerId })
    },
  )

  test.prop([journeyArb({ minSteps: 1 })], { numRuns: 40 })(
    'replaying a generated journey command by command is accepted with its events',
    (journey) => {
      let history: JourneyEvent[] = []
      journey.commands.forEach((command, i) => {
        const event = journey.events[i]
        if (event === undefined) throw new Error('one event per command')
        given(history)
          .when(command)
          .then((events) =>
            expect(events).toEqual([{ type: event.type, data: event.data, occurredAt: event.occurredAt }]),
          )
        history = [...history, event]
      })
    },
  )
})

const orderTotals = defineProjection<
  { orders: number; spent: Record<string, number> },
  { customers: number }
>({
  name: 'order-totals',
  version: 1,
  initialState: () => ({ orders: 0, spent: {} }),
  handlers: {
    OrderPlaced: (draft, e) => {
      draft.orders += 1
      draft.spent[e.data.currency] = (draft.spent[e.data.currency] ?? 0) + e.data.amount
    },
  },
  portfolio: {
    initialState: () => ({ customers: 0 }),
    handlers: { CustomerRegistered: (draft) => void (draft.customers += 1) },
  },
})

describe('ProjectionSpecification', () => {
  const spec = ProjectionSpecification.for(orderTotals)
  const registeredAda: JourneyEvent = {
    id: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
    type: 'CustomerRegistered',
    streamId: 'customer-ada',
    customerId: 'ada',
    occurredAt: '2024-01-01',
    recordedAt: '2024-01-01T00:00:01Z',
    schemaVersion: 1,
    data: { kind: 'person', name: 'Ada', country: 'GB' },
  }

  test.prop([journeyArb({ customerId: 'ada' })], { numRuns: 40 })('given events, then state', (journey) => {
    const orders = journey.events.filter((e) => e.type === 'OrderPlaced')
    const spent: Record<string, number> = {}
    for (const o of orders) spent[o.data.currency] = (spent[o.data.currency] ?? 0) + o.data.amount
    spec(journey.events).then({ orders: orders.length, spent })
    spec(journey.events).then((state) => expect(state.orders).toBe(orders.length), 'ada')
    spec(journey.events).thenPortfolio({ customers: 1 })
  })

  it('compares whole states, names partitions, and fails readably', () => {
    spec([registeredAda]).then({ orders: 0, spent: {} })
    spec([registeredAda]).thenPartitions({ ada: { orders: 0, spent: {} } })
    expect(spec([registeredAda]).stateOf('ada')).toEqual({ orders: 0, spent: {} })
    spec([registeredAda]).thenState((state) => expect(state.position).toBe(128n))
    expect(failure(() => spec([registeredAda]).then({ orders: 1, spent: {} }))).toBe(
      [
        'Projection specification failed: another state of ada than expected',
        'projection order-totals v1, given 1 event(s):',
        '  1. 2024-01-01  CustomerRegistered  kind=person name=Ada country=GB',
        'expected {orders=1 spent={}}',
        'actual   {orders=0 spent={}}',
      ].join('\n'),
    )
    expect(failure(() => spec([]).then({ orders: 0, spent: {} }))).toContain(
      'the events produced 0 partitions',
    )
    expect(failure(() => spec([registeredAda]).then({ orders: 0, spent: {} }, 'bob'))).toContain(
      'no state for partition bob',
    )
  })

  test.prop([interleavedJourneysArb({ maxCustomers: 3 })], { numRuns: 30 })(
    'recordEvents gives increasing, non-contiguous positions and 0-based revisions per stream',
    (portfolio) => {
      const recorded = recordEvents(portfolio.events)
      recorded.forEach((e, i) => expect(e.position).toBe(128n + 16n * BigInt(i)))
      for (const journey of portfolio.journeys)
        expect(recorded.filter((e) => e.customerId === journey.customerId).map((e) => e.revision)).toEqual(
          journey.events.map((_, i) => BigInt(i)),
        )
      expect(recordEvents(recorded)).toEqual(recorded)
    },
  )
})
