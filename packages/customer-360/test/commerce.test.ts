import { describe, expect, it } from 'vitest'
import { viewAsOf } from '../src/index.js'
import { event, order, registered, stateOf } from './support/events.js'

const promised = (deliveryId: string, promisedBy: string, timeZone?: string, at = '2024-04-25T00:00:00Z') =>
  event(
    'DeliveryPromised',
    { deliveryId, orderId: 'o1', promisedBy, ...(timeZone === undefined ? {} : { timeZone }) },
    at,
  )
const completed = (deliveryId: string, at: string) =>
  event('DeliveryCompleted', { deliveryId, orderId: 'o1' }, at)

/** The delivery counts of one promise and one completion. */
const outcome = (promise: ReturnType<typeof promised>, at: string) => {
  const d = viewAsOf(
    stateOf([registered(), order('o1', 100, '2024-04-24T00:00:00Z'), promise, completed('d1', at)]),
    '2030-01-01',
  ).deliveries
  return d.onTime === 1 ? 'on time' : d.late === 1 ? 'late' : JSON.stringify(d)
}

describe('deliveries: a calendar-date promise is late only after that day ends in its time zone', () => {
  it('uses UTC when the promise has no time zone', () => {
    expect(outcome(promised('d1', '2024-05-01'), '2024-05-01T23:59:59.999Z')).toBe('on time')
    expect(outcome(promised('d1', '2024-05-01'), '2024-05-02T00:00:00Z')).toBe('late')
  })

  it('ends the day in the promise time zone west of Greenwich (São Paulo, UTC-3)', () => {
    const p = promised('d1', '2024-05-01', 'America/Sao_Paulo')
    expect(outcome(p, '2024-05-02T02:59:59.999Z')).toBe('on time')
    expect(outcome(p, '2024-05-01T23:59:59-03:00')).toBe('on time')
    expect(outcome(p, '2024-05-02T03:00:00Z')).toBe('late')
  })

  it('ends the day in the promise time zone east of Greenwich (Tokyo, UTC+9)', () => {
    const p = promised('d1', '2024-05-01', 'Asia/Tokyo')
    expect(outcome(p, '2024-05-01T14:59:59Z')).toBe('on time')
    expect(outcome(p, '2024-05-01T15:00:00Z')).toBe('late')
    expect(outcome(p, '2024-05-02T00:30:00+09:00')).toBe('late')
  })

  it('compares a delivery known only by its date with the promised date', () => {
    const p = promised('d1', '2024-05-01', 'America/Sao_Paulo')
    expect(outcome(p, '2024-05-01')).toBe('on time')
    expect(outcome(p, '2024-05-02')).toBe('late')
  })

  it('keeps a promised instant when the delivery arrives at or before it', () => {
    expect(outcome(promised('d1', '2024-05-01T12:00:00Z'), '2024-05-01T12:00:00Z')).toBe('on time')
    expect(outcome(promised('d1', '2024-05-01T12:00:00Z'), '2024-05-01T12:00:00.001Z')).toBe('late')
  })

  it('lets the latest promise decide, in occurredAt order', () => {
    const s = stateOf([
      registered(),
      order('o1', 100, '2024-04-24T00:00:00Z'),
      promised('d1', '2024-05-03', undefined, '2024-04-26T00:00:00Z'),
      promised('d1', '2024-05-01', undefined, '2024-04-25T00:00:00Z'),
      completed('d1', '2024-05-02T10:00:00Z'),
    ])
    expect(viewAsOf(s, '2030-01-01').deliveries.onTime).toBe(1)
  })
})

describe('deliveries as of an instant', () => {
  const s = stateOf([
    registered(),
    order('o1', 100, '2024-04-24T00:00:00Z'),
    promised('d1', '2024-05-01'),
    promised('d2', '2024-05-01'),
    promised('d3', '2024-05-10'),
    event('DeliveryShipped', { deliveryId: 'd2', orderId: 'o1', carrier: 'DHL' }, '2024-04-28T00:00:00Z'),
    event('DeliveryFailed', { deliveryId: 'd2', orderId: 'o1', reason: 'lost' }, '2024-05-03T00:00:00Z'),
    completed('d3', '2024-05-04T00:00:00Z'),
    event('DeliveryCompleted', { deliveryId: 'd4', orderId: 'o1' }, '2024-05-04T00:00:00Z'),
  ])

  it('counts open deliveries past their promise as overdue', () => {
    expect(viewAsOf(s, '2024-04-30').deliveries).toEqual({
      onTime: 0,
      late: 0,
      failed: 0,
      overdue: 0,
      pending: 3,
      completedUnpromised: 0,
    })
    expect(viewAsOf(s, '2024-05-02T00:00:00Z').deliveries).toMatchObject({ overdue: 2, pending: 1 })
    expect(viewAsOf(s, '2024-05-31').deliveries).toEqual({
      onTime: 1,
      late: 0,
      failed: 1,
      overdue: 1,
      pending: 0,
      completedUnpromised: 1,
    })
  })

  it('derives order status from deliveries, returns and cancellations', () => {
    expect(viewAsOf(s, '2024-05-03').orders).toMatchObject({ open: 1, delivered: 0 })
    expect(viewAsOf(s, '2024-05-04').orders).toMatchObject({ open: 0, delivered: 1 })
  })
})

describe('invoices, payments, warranties and subscriptions', () => {
  const s = stateOf([
    registered(),
    event(
      'InvoiceIssued',
      { invoiceId: 'i1', currency: 'EUR', amount: 10_000, dueDate: '2024-02-15' },
      '2024-02-01',
    ),
    event(
      'InvoiceIssued',
      { invoiceId: 'i2', currency: 'USD', amount: 500, dueDate: '2024-02-20' },
      '2024-02-01',
    ),
    event(
      'PaymentReceived',
      { paymentId: 'p1', invoiceId: 'i1', currency: 'EUR', amount: 4_000 },
      '2024-02-10',
    ),
    event(
      'PaymentFailed',
      { paymentId: 'p2', invoiceId: 'i1', currency: 'EUR', amount: 6_000, reason: 'declined' },
      '2024-02-14T09:00:00Z',
    ),
    event(
      'PaymentReceived',
      { paymentId: 'p3', invoiceId: 'i1', currency: 'EUR', amount: 6_000 },
      '2024-03-01',
    ),
    event('WarrantyRegistered', { warrantyId: 'w1', sku: 'tv', expiresOn: '2024-12-31' }, '2024-01-10'),
    event('WarrantyRegistered', { warrantyId: 'w2', sku: 'radio', expiresOn: '2024-03-31' }, '2024-01-10'),
    event('WarrantyClaimed', { warrantyId: 'w1', claimId: 'cl1', reason: 'no picture' }, '2024-06-01'),
    event(
      'SubscriptionStarted',
      { subscriptionId: 's1', plan: 'pro', endsOn: '2024-12-31', amount: 999, currency: 'EUR' },
      '2024-01-01',
    ),
    event('SubscriptionRenewed', { subscriptionId: 's1', endsOn: '2025-12-31' }, '2024-12-01'),
    event('SubscriptionStarted', { subscriptionId: 's2', plan: 'basic', endsOn: '2024-12-31' }, '2024-01-01'),
    event(
      'SubscriptionCancelled',
      { subscriptionId: 's2', endsOn: '2024-06-30', reason: 'too pricey' },
      '2024-05-01',
    ),
  ])

  it('shows outstanding, overdue (from the day after the due date) and paid invoices with amounts per currency', () => {
    expect(viewAsOf(s, '2024-02-15').invoices).toEqual({
      issued: 2,
      outstanding: 2,
      overdue: 0,
      paid: 0,
      amounts: [
        { currency: 'EUR', billed: 10_000, paid: 4_000, outstanding: 6_000, overdue: 0 },
        { currency: 'USD', billed: 500, paid: 0, outstanding: 500, overdue: 0 },
      ],
      paymentFailures: 1,
      lastPaymentFailureAt: '2024-02-14T09:00:00.000Z',
    })
    expect(viewAsOf(s, '2024-02-16T00:00:00Z').invoices).toMatchObject({ outstanding: 2, overdue: 1 })
    expect(viewAsOf(s, '2024-03-01').invoices).toMatchObject({ outstanding: 1, overdue: 1, paid: 1 })
    expect(viewAsOf(s, '2024-02-13').invoices.paymentFailures).toBe(0)
  })

  it('shows warranties active, expired and claimed', () => {
    expect(viewAsOf(s, '2024-03-31').warranties).toEqual({
      registered: 2,
      active: 2,
      expired: 0,
      claimed: 0,
      claims: 0,
    })
    expect(viewAsOf(s, '2024-06-01').warranties).toEqual({
      registered: 2,
      active: 1,
      expired: 1,
      claimed: 1,
      claims: 1,
    })
  })

  it('shows subscriptions with their contract end dates', () => {
    const mid = viewAsOf(s, '2024-05-15').subscriptions
    expect(mid).toMatchObject({ started: 2, active: 1, ending: 1, ended: 0 })
    expect(mid.contracts).toEqual([
      {
        subscriptionId: 's2',
        plan: 'basic',
        startedAt: '2024-01-01T00:00:00.000Z',
        endsOn: '2024-06-30',
        status: 'ending',
        amount: null,
        currency: null,
      },
      {
        subscriptionId: 's1',
        plan: 'pro',
        startedAt: '2024-01-01T00:00:00.000Z',
        endsOn: '2024-12-31',
        status: 'active',
        amount: 999,
        currency: 'EUR',
      },
    ])
    const next = viewAsOf(s, '2025-01-01').subscriptions
    expect(next).toMatchObject({ active: 1, ended: 1 })
    expect(next.contracts.find((c) => c.subscriptionId === 's1')?.endsOn).toBe('2025-12-31')
  })
})

describe('deliveries of a cancelled order', () => {
  const cancelled = (at: string) => event('OrderCancelled', { orderId: 'o1', by: 'customer' }, at)
  const history = (cancellation: ReturnType<typeof cancelled>) => [
    registered(),
    order('o1', 100, '2024-04-24T00:00:00Z'),
    promised('d1', '2024-05-01'),
    cancellation,
  ]

  it('are neither overdue nor pending once the order is cancelled, whichever came first in the stream', () => {
    const zero = { onTime: 0, late: 0, failed: 0, overdue: 0, pending: 0 }
    for (const s of [
      stateOf(history(cancelled('2024-04-26T00:00:00Z'))),
      stateOf([
        registered(),
        order('o1', 100, '2024-04-24T00:00:00Z'),
        cancelled('2024-04-26T00:00:00Z'),
        promised('d1', '2024-05-01'),
      ]),
    ])
      expect(viewAsOf(s, '2024-06-01').deliveries).toMatchObject(zero)
  })

  it('count as overdue before the cancellation, as of an earlier instant', () => {
    const s = stateOf(history(cancelled('2024-05-10T00:00:00Z')))
    expect(viewAsOf(s, '2024-05-05').deliveries).toMatchObject({ overdue: 1 })
    expect(viewAsOf(s, '2024-05-20').deliveries).toMatchObject({ overdue: 0, pending: 0 })
  })
})
