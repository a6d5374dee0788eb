import type { JourneyEvent } from '@journeykit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Journey } from '../src/index.js'
import {
  anyEventArb,
  assertJourneyProperty,
  describeCounterexample,
  formatJourney,
  journeyArb,
  journeyReporter,
} from '../src/index.js'

const counterexampleOf = (property: fc.IProperty<[Journey]>): Journey => {
  const details = fc.check(property, { seed: 20240501, numRuns: 300 })
  expect(details.failed).toBe(true)
  const [journey] = details.counterexample ?? []
  if (journey === undefined) throw new Error('no counterexample')
  return journey
}

const commandTypes = (j: Journey) => j.commands.map((c) => c.type)
const has = (j: Journey, type: JourneyEvent['type']) => j.events.some((e) => e.type === type)

describe('journeys shrink to small, readable counterexamples', () => {
  it('"nobody ever pays" shrinks to register, invoice, pay', () => {
    const journey = counterexampleOf(fc.property(journeyArb(), (j) => !has(j, 'PaymentReceived')))
    expect(commandTypes(journey)).toEqual(['RegisterCustomer', 'IssueInvoice', 'ReceivePayment'])
  })

  it('"nothing is ever returned" shrinks to register, order, delivery, return', () => {
    const journey = counterexampleOf(fc.property(journeyArb(), (j) => !has(j, 'ProductReturned')))
    expect(commandTypes(journey)).toEqual([
      'RegisterCustomer',
      'PlaceOrder',
      'CompleteDelivery',
      'ReturnProduct',
    ])
  })

  it('fast-check prints the shrunk journey one event per line', () => {
    let message = ''
    try {
      fc.assert(
        fc.property(journeyArb(), (j) => !has(j, 'PaymentReceived')),
        { seed: 20240501, numRuns: 300 },
      )
    } catch (e) {
      message = e instanceof Error ? e.message : String(e)
    }
    expect(message).toMatch(/Counterexample: \[journey of \S+ \(3 events\):\n/)
    expect(message).toMatch(
      /^ {2}1\. \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ {2}CustomerRegistered {2}kind=\w+ name="[^"]+" country=[A-Z]{2}$/m,
    )
    expect(message).toMatch(
      /^ {2}2\. \S+ {2}InvoiceIssued {2}invoiceId=inv1 currency=[A-Z]{3} amount=\d+ dueDate=\S+$/m,
    )
    expect(message).toMatch(/^ {2}3\. \S+ {2}PaymentReceived {2}paymentId=pay1 invoiceId=inv1 /m)
  })
})

describe('journeyReporter and assertJourneyProperty', () => {
  const someEvents = fc.array(anyEventArb(), { minLength: 1, maxLength: 4 })

  it('write a counterexample made of plain events as a journey', () => {
    let message = ''
    try {
      fc.assert(
        fc.property(someEvents, (events) => events.length < 2),
        { seed: 7, reporter: journeyReporter },
      )
    } catch (e) {
      message = e instanceof Error ? e.message : String(e)
    }
    expect(message).toContain('Counterexample as a journey (one event per line):\nargument 1, 2 events:\n')
    expect(message.split('\n').filter((line) => /^ {2}[12]\. /.test(line))).toHaveLength(2)
  })

  it('assertJourneyProperty passes quietly and fails readably, sync or async', async () => {
    expect(() => assertJourneyProperty(fc.property(someEvents, (events) => events.length >= 1))).not.toThrow()
    expect(() =>
      assertJourneyProperty(
        fc.property(someEvents, () => false),
        { seed: 1 },
      ),
    ).toThrow(/as a journey/)
    await expect(
      assertJourneyProperty(
        fc.asyncProperty(someEvents, async () => false),
        { seed: 1 },
      ),
    ).rejects.toThrow(/argument 1, 1 events:\n {2}1\. /)
  })

  it('describeCounterexample reads tuples, records (test.prop({ ... })) and journeys', () => {
    const events = fc.sample(anyEventArb(), { numRuns: 2, seed: 3 })
    const rendered = formatJourney(events)
    expect(describeCounterexample([events, 42])).toBe(`argument 1, 2 events:\n${rendered}`)
    expect(describeCounterexample({ history: { events } })).toBe(`history, 2 events:\n${rendered}`)
    expect(describeCounterexample([42])).toBeUndefined()
  })
})
