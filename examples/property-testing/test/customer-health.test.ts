import type { CustomerCommand } from '@journeykit/core'
import { customerDecider, decodeJson, fact } from '@journeykit/core'
import {
  DeciderSpecification,
  ProjectionSpecification,
  interleavedJourneysArb,
  invalidPayloadArb,
  journeyArb,
  journeyParameters,
  loyalThenNeglectedArb,
} from '@journeykit/testing'
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { customerHealth, needsAttention } from '../src/customer-health.js'

const health = ProjectionSpecification.for(customerHealth)

describe('customer health (a projection of your own)', () => {
  // Any valid journey: generated commands, decided by the customer decider, so the history is valid.
  test.prop([journeyArb()], journeyParameters({ numRuns: 100 }))(
    'never shows a negative open balance',
    (journey) => {
      health(journey.events).then((state) => {
        for (const balance of Object.values(state.openBalance)) expect(balance).toBeGreaterThanOrEqual(0)
      })
    },
  )

  // A shaped story: loyal for a year or more, then late deliveries and an abandoned phone call.
  test.prop([loyalThenNeglectedArb()], { numRuns: 30 })(
    'flags the loyal customer who then meets late deliveries and an abandoned call',
    (journey) => {
      const state = health(journey.events).then((s) =>
        expect(s.lateDeliveries).toBe(journey.lateDeliveries.length),
      )
      expect(needsAttention(state)).toBe(true)
      const loyalPart = journey.events.filter((e) => e.occurredAt <= journey.loyalUntil)
      expect(needsAttention(health(loyalPart).stateOf())).toBe(false)
    },
  )

  // Many customers interleaved as in the store's global order: each partition sees only its customer.
  test.prop([interleavedJourneysArb({ maxCustomers: 4 })], { numRuns: 30 })(
    'gives each customer the same state alone or among others',
    ({ journeys, events }) => {
      for (const journey of journeys) {
        const alone = health(journey.events).stateOf()
        health(events).then(alone, journey.customerId)
      }
    },
  )

  // Plain fast-check works too; journeyParameters() prints a failing journey one event per line.
  it('counts every abandoned contact (plain fast-check)', () => {
    fc.assert(
      fc.property(journeyArb({ commands: ['RecordAbandonedContact', 'ReceiveInquiry'] }), (journey) => {
        const abandoned = journey.events.filter((e) => e.type === 'ContactAbandoned').length
        health(journey.events).then((s) => expect(s.abandonedContacts).toBe(abandoned))
      }),
      journeyParameters({ numRuns: 50 }),
    )
  })
})

describe('the customer decider, given/when/then', () => {
  const given = DeciderSpecification.for(customerDecider)
  const registered = fact(
    'CustomerRegistered',
    { kind: 'organization', name: 'Acme GmbH', country: 'DE' },
    '2024-01-01',
  )
  const invoice = fact(
    'InvoiceIssued',
    { invoiceId: 'inv-1', currency: 'EUR', amount: 5000, dueDate: '2024-02-01' },
    '2024-01-02T09:00:00Z',
  )
  const payment = (amount: number) => ({ paymentId: 'pay-1', invoiceId: 'inv-1', currency: 'EUR', amount })
  const pay = (amount: number): CustomerCommand => ({
    type: 'ReceivePayment',
    customerId: 'acme',
    occurredAt: '2024-01-20T09:00:00Z',
    data: payment(amount),
  })

  it('accepts a payment up to what is due', () => {
    given([registered, invoice])
      .when(pay(5000))
      .then([fact('PaymentReceived', payment(5000), '2024-01-20T09:00:00Z')])
  })

  it('refuses a payment above what is due, with a typed error', () => {
    given([registered, invoice]).when(pay(5001)).thenRefuses({ code: 'PaymentExceedsDue' })
  })
})

describe('your importer against bad input', () => {
  test.prop([invalidPayloadArb()], { numRuns: 100 })(
    'rejects it with the field path, never throws',
    (bad) => {
      const result = decodeJson(JSON.stringify(bad.payload))
      expect(result._tag).toBe('Left')
      if (result._tag === 'Left' && bad.path !== undefined) expect(result.left.path).toBe(bad.path)
    },
  )
})
