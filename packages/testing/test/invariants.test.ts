import type { JourneyEvent } from '@journeykit/core'
import {
  commandEventTypes,
  currentSchemaVersion,
  customerStreamId,
  isEventType,
  isJourneyEvent,
} from '@journeykit/core'
import { describe, expect, it } from 'vitest'
import { prop } from './support/prop.js'
import type { RefusalCase } from '../src/index.js'
import { journeyEventId, journeyInvariantViolations, refusedCommandArb } from '../src/index.js'

/** The event the refused command would have caused, recorded anyway (as a buggy decider would). */
const forced = ({ journey, command }: RefusalCase): JourneyEvent => {
  const event: unknown = {
    id: journeyEventId(command.customerId, journey.events.length, Date.parse(command.occurredAt)),
    type: commandEventTypes[command.type],
    streamId: customerStreamId(command.customerId),
    customerId: command.customerId,
    occurredAt: command.occurredAt,
    recordedAt: new Date(Date.parse(command.occurredAt)).toISOString(),
    schemaVersion: currentSchemaVersion(commandEventTypes[command.type]),
    data: command.data,
  }
  if (!isJourneyEvent(event)) throw new Error(`not a valid event: ${JSON.stringify(event)}`)
  return event
}

describe('journey invariants, stated independently of the decider', () => {
  prop([refusedCommandArb()], { numRuns: 100 })(
    'a history with the event of any refused command forced into it breaks a stated invariant',
    (refusal) => {
      expect(journeyInvariantViolations(refusal.journey.events)).toEqual([])
      const violations = journeyInvariantViolations([...refusal.journey.events, forced(refusal)])
      expect(violations.length).toBeGreaterThan(0)
      expect(violations[0]).toMatch(new RegExp(`^event ${refusal.journey.events.length + 1} \\(`))
    },
  )

  const at = (day: number) => `2024-01-${String(day).padStart(2, '0')}T10:00:00Z`
  const event = (
    day: number,
    type: string,
    data: Record<string, unknown>,
    customerId = 'ada',
  ): JourneyEvent => {
    const e: unknown = {
      id: journeyEventId(customerId, day, Date.parse(at(day))),
      type,
      streamId: customerStreamId(customerId),
      customerId,
      occurredAt: at(day),
      recordedAt: at(day),
      schemaVersion: isEventType(type) ? currentSchemaVersion(type) : 1,
      data,
    }
    if (!isJourneyEvent(e)) throw new Error(`bad test event ${type}`)
    return e
  }
  const registered = event(1, 'CustomerRegistered', { kind: 'person', name: 'Ada', country: 'GB' })
  const invoice = event(2, 'InvoiceIssued', {
    invoiceId: 'inv1',
    currency: 'EUR',
    amount: 1000,
    dueDate: '2024-02-01',
  })
  const pay = (day: number, amount: number) =>
    event(day, 'PaymentReceived', { paymentId: `pay${day}`, invoiceId: 'inv1', currency: 'EUR', amount })

  it('names the event and the rule it breaks', () => {
    expect(journeyInvariantViolations([registered, invoice, pay(3, 600), pay(4, 600)])).toEqual([
      'event 4 (2024-01-04T10:00:00Z  [ada]  PaymentReceived  paymentId=pay4 invoiceId=inv1 currency=EUR amount=600): never pay above what is due',
    ])
  })

  it('finds events before registration, after forgetting, and time going backwards', () => {
    const forgotten = event(5, 'CustomerForgotten', {})
    expect(journeyInvariantViolations([invoice, registered])).toEqual([
      expect.stringContaining('nothing happens before CustomerRegistered'),
    ])
    expect(journeyInvariantViolations([registered, forgotten, invoice])).toEqual([
      expect.stringContaining('nothing happens after CustomerForgotten'),
    ])
    expect(
      journeyInvariantViolations([registered, pay(3, 1)].concat(invoice), { timeOrdered: true }),
    ).toEqual([
      expect.stringContaining('pay only an issued invoice'),
      expect.stringContaining('time moves forward'),
    ])
  })

  it('checks each customer in their own order when histories are interleaved', () => {
    const bob = event(2, 'CustomerRegistered', { kind: 'person', name: 'Bob', country: 'DE' }, 'bob')
    const bobsOrder = event(3, 'OrderCancelled', { orderId: 'o1', by: 'customer' }, 'bob')
    expect(journeyInvariantViolations([registered, bob, invoice, pay(4, 1000)])).toEqual([])
    expect(journeyInvariantViolations([registered, bob, bobsOrder])).toEqual([
      expect.stringMatching(/^event 3 .*\[bob\].*: cancel only a placed order that is not cancelled$/),
    ])
  })
})
