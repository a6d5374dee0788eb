import type { JourneyEvent } from '@journeykit/core'
import { DAY_MS, toInstant } from '@journeykit/core'
import fc from 'fast-check'
import { event, eventId } from './events.js'

/**
 * Small fast-check factories for one customer's journey: every event type the churn facts read, with ids drawn
 * from small pools so that answers, follow-ups and payments meet the things they refer to.
 */
export type Maker = (occurredAt: string, id: string, customerId: string) => JourneyEvent

export const START_MS = Date.UTC(2024, 0, 1)
export const SPAN_DAYS = 365

const pool = (prefix: string, n = 3) =>
  fc.constantFrom(...Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`))
const money = fc.integer({ min: 0, max: 100_000 })
const day = fc
  .integer({ min: 0, max: SPAN_DAYS - 1 })
  .map((d) => toInstant(START_MS + d * DAY_MS).slice(0, 10))

const orderArb: fc.Arbitrary<Maker> = fc
  .record({ orderId: pool('o', 6), amount: money, currency: fc.constantFrom('EUR', 'USD') })
  .map(
    ({ orderId, amount, currency }) =>
      (at, id, c) =>
        event(
          'OrderPlaced',
          {
            orderId,
            currency,
            amount,
            lines: [{ sku: 's', quantity: 1, unitPrice: amount }],
            channel: 'web',
          },
          at,
          c,
          id,
        ),
  )

const makers: fc.Arbitrary<Maker>[] = [
  orderArb,
  orderArb,
  orderArb,
  fc
    .record({ orderId: pool('o', 6), by: fc.constantFrom('customer' as const, 'company' as const) })
    .map((d) => (at, id, c) => event('OrderCancelled', d, at, c, id)),
  fc
    .record({
      deliveryId: pool('d'),
      promisedBy: fc.oneof(
        day,
        day.map((d) => `${d}T15:00:00Z`),
      ),
      timeZone: fc.constantFrom('UTC', 'Asia/Tokyo', 'America/Sao_Paulo'),
    })
    .map((d) => (at, id, c) => event('DeliveryPromised', { ...d, orderId: 'o1' }, at, c, id)),
  pool('d').map(
    (deliveryId) => (at, id, c) => event('DeliveryCompleted', { deliveryId, orderId: 'o1' }, at, c, id),
  ),
  pool('d').map(
    (deliveryId) => (at, id, c) =>
      event('DeliveryFailed', { deliveryId, orderId: 'o1', reason: 'lost' }, at, c, id),
  ),
  fc
    .record({
      inquiryId: pool('i'),
      slaHours: fc.option(fc.integer({ min: 1, max: 72 }), { nil: undefined }),
    })
    .map(
      ({ inquiryId, slaHours }) =>
        (at, id, c) =>
          event(
            'InquiryReceived',
            {
              inquiryId,
              channel: 'email',
              topic: 'billing',
              ...(slaHours === undefined ? {} : { slaHours }),
            },
            at,
            c,
            id,
          ),
    ),
  pool('i').map(
    (inquiryId) => (at, id, c) => event('InquiryAnswered', { inquiryId, channel: 'email' }, at, c, id),
  ),
  pool('k').map(
    (contactId) => (at, id, c) =>
      event(
        'ContactAbandoned',
        { contactId, channel: 'phone', kind: 'dropped_call', waitSeconds: 30 },
        at,
        c,
        id,
      ),
  ),
  pool('k').map(
    (followsUp) => (at, id, c) =>
      event('OutreachMade', { outreachId: id, channel: 'phone', purpose: 'follow-up', followsUp }, at, c, id),
  ),
  fc.record({ callbackId: pool('cb'), due: day }).map(
    ({ callbackId, due }) =>
      (at, id, c) =>
        event('CallbackRequested', { callbackId, channel: 'ivr', dueBy: `${due}T12:00:00Z` }, at, c, id),
  ),
  pool('cb').map((callbackId) => (at, id, c) => event('CallbackMissed', { callbackId }, at, c, id)),
  pool('cb').map((callbackId) => (at, id, c) => event('CallbackCompleted', { callbackId }, at, c, id)),
  fc
    .record({
      complaintId: pool('c'),
      severity: fc.constantFrom('low' as const, 'medium' as const, 'high' as const),
    })
    .map(
      (d) => (at, id, c) =>
        event('ComplaintFiled', { ...d, channel: 'email', category: 'delivery' }, at, c, id),
    ),
  fc.record({ complaintId: pool('c'), satisfied: fc.option(fc.boolean(), { nil: undefined }) }).map(
    ({ complaintId, satisfied }) =>
      (at, id, c) =>
        event(
          'ComplaintResolved',
          { complaintId, ...(satisfied === undefined ? {} : { satisfied }) },
          at,
          c,
          id,
        ),
  ),
  fc
    .record({
      nps: fc.integer({ min: 0, max: 10 }),
      csat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    })
    .map(
      ({ nps, csat }) =>
        (at, id, c) =>
          event('SurveyAnswered', { surveyId: id, nps, ...(csat === undefined ? {} : { csat }) }, at, c, id),
    ),
  fc.record({ invoiceId: pool('inv'), amount: money, due: day }).map(
    ({ invoiceId, amount, due }) =>
      (at, id, c) =>
        event('InvoiceIssued', { invoiceId, currency: 'EUR', amount, dueDate: due }, at, c, id),
  ),
  fc.record({ invoiceId: pool('inv'), amount: money }).map(
    ({ invoiceId, amount }) =>
      (at, id, c) =>
        event('PaymentReceived', { paymentId: id, invoiceId, currency: 'EUR', amount }, at, c, id),
  ),
  pool('inv').map(
    (invoiceId) => (at, id, c) =>
      event(
        'PaymentFailed',
        { paymentId: id, invoiceId, currency: 'EUR', amount: 100, reason: 'declined' },
        at,
        c,
        id,
      ),
  ),
  fc.record({ personId: pool('p'), champion: fc.boolean() }).map(
    ({ personId, champion }) =>
      (at, id, c) =>
        event('ContactPersonAdded', { personId, name: 'Someone', role: 'CTO', champion }, at, c, id),
  ),
  pool('p').map((personId) => (at, id, c) => event('ContactPersonLeft', { personId }, at, c, id)),
  pool('m', 2).map((managerId) => (at, id, c) => event('AccountManagerAssigned', { managerId }, at, c, id)),
  pool('m', 2).map((managerId) => (at, id, c) => event('AccountManagerUnassigned', { managerId }, at, c, id)),
  fc
    .record({ subscriptionId: pool('s', 2), endsOn: day })
    .map((d) => (at, id, c) => event('SubscriptionStarted', { ...d, plan: 'pro' }, at, c, id)),
  fc
    .record({ subscriptionId: pool('s', 2), endsOn: day })
    .map((d) => (at, id, c) => event('SubscriptionRenewed', d, at, c, id)),
  fc
    .record({ subscriptionId: pool('s', 2), endsOn: day })
    .map((d) => (at, id, c) => event('SubscriptionCancelled', d, at, c, id)),
  fc.constant<Maker>((at, id, c) =>
    event('QuoteIssued', { quoteId: id, currency: 'EUR', amount: 100 }, at, c, id),
  ),
  pool('cmp').map(
    (campaignId) => (at, id, c) => event('CampaignSent', { campaignId, channel: 'email' }, at, c, id),
  ),
  fc
    .record({
      campaignId: pool('cmp'),
      response: fc.constantFrom('opened' as const, 'clicked' as const, 'unsubscribed' as const),
    })
    .map((d) => (at, id, c) => event('CampaignResponded', d, at, c, id)),
  fc
    .constantFrom('ConsentGiven' as const, 'ConsentWithdrawn' as const)
    .map((type) => (at, id, c) => event(type, { channel: 'email', purpose: 'marketing' }, at, c, id)),
]

/** A business time within the year: an instant, or sometimes only its calendar date. */
export const timeArb: fc.Arbitrary<{ ms: number; occurredAt: string }> = fc
  .tuple(fc.integer({ min: 0, max: SPAN_DAYS * 24 * 60 - 1 }), fc.boolean())
  .map(([minutes, dateOnly]) => {
    const ms = START_MS + minutes * 60_000
    const instant = toInstant(ms)
    return dateOnly
      ? { ms: Date.parse(instant.slice(0, 10)), occurredAt: instant.slice(0, 10) }
      : { ms, occurredAt: instant }
  })

/** One customer's events (store order as generated), with unique ids. */
export const journeyArb = (customerId = 'ada', maxLength = 30): fc.Arbitrary<JourneyEvent[]> =>
  fc
    .tuple(
      fc.option(fc.constantFrom('person' as const, 'organization' as const), { nil: undefined }),
      fc.array(fc.tuple(fc.oneof(...makers), timeArb), { maxLength }),
    )
    .map(([kind, steps]) => {
      const events = steps.map(([maker, time], i) => maker(time.occurredAt, eventId(1_000 + i), customerId))
      if (kind !== undefined)
        events.unshift(
          event(
            'CustomerRegistered',
            { kind, name: 'Someone', country: 'DE' },
            '2024-01-01',
            customerId,
            eventId(999),
          ),
        )
      return events
    })

/** An instant within the year to evaluate at. */
export const asOfArb: fc.Arbitrary<string> = fc
  .integer({ min: 0, max: SPAN_DAYS * 24 - 1 })
  .map((hours) => toInstant(START_MS + hours * 3_600_000))
