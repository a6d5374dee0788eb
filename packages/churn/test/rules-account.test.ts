import { asOfMs } from '@journeykit/core'
import { describe, expect, it } from 'vitest'
import { defaultThresholds as t, signalRules as rule } from '../src/index.js'
import { event, factsOf } from './support/events.js'

describe('billing', () => {
  const invoice = event(
    'InvoiceIssued',
    { invoiceId: 'inv1', currency: 'EUR', amount: 10_000, dueDate: '2024-05-31' },
    '2024-05-01',
  )

  it('invoice-overdue: unpaid from the day after the due date, severity growing with the days overdue', () => {
    expect(rule['invoice-overdue'](factsOf([invoice]), asOfMs('2024-05-31'), t)).toBeUndefined()
    const s = rule['invoice-overdue'](factsOf([invoice]), asOfMs('2024-07-15'), t)
    expect(s?.evidence.values).toMatchObject({ overdueInvoices: 1, outstanding: '10000 EUR' })
    expect(s?.severity).toBeCloseTo(45 / 60, 2)
    const part = event(
      'PaymentReceived',
      { paymentId: 'p1', invoiceId: 'inv1', currency: 'EUR', amount: 4000 },
      '2024-06-10',
    )
    expect(
      rule['invoice-overdue'](factsOf([invoice, part]), asOfMs('2024-07-15'), t)?.evidence.values[
        'outstanding'
      ],
    ).toBe('6000 EUR')
    const rest = event(
      'PaymentReceived',
      { paymentId: 'p2', invoiceId: 'inv1', currency: 'EUR', amount: 6000 },
      '2024-06-11',
    )
    expect(rule['invoice-overdue'](factsOf([invoice, part, rest]), asOfMs('2024-07-15'), t)).toBeUndefined()
  })

  it('payment-failed: failures not followed by a payment', () => {
    const failed = event(
      'PaymentFailed',
      { paymentId: 'p1', invoiceId: 'inv1', currency: 'EUR', amount: 10_000, reason: 'card declined' },
      '2024-05-20',
    )
    expect(
      rule['payment-failed'](factsOf([invoice, failed]), asOfMs('2024-05-21'), t)?.evidence.eventIds,
    ).toEqual([failed.id])
    const paid = event(
      'PaymentReceived',
      { paymentId: 'p2', invoiceId: 'inv1', currency: 'EUR', amount: 10_000 },
      '2024-05-22',
    )
    expect(rule['payment-failed'](factsOf([invoice, failed, paid]), asOfMs('2024-05-23'), t)).toBeUndefined()
  })
})

describe('people', () => {
  const added = (personId: string, champion: boolean, at = '2023-01-01') =>
    event('ContactPersonAdded', { personId, name: 'Someone', role: 'CTO', champion }, at)
  const left = (personId: string, at: string) => event('ContactPersonLeft', { personId }, at)

  it('champion-left, until another champion is in place', () => {
    const history = [added('p1', true), added('p2', false), left('p1', '2024-04-01')]
    const s = rule['champion-left'](factsOf(history), asOfMs('2024-05-01'), t)
    expect(s?.evidence.eventIds).toEqual([history[2]?.id])
    expect(
      rule['champion-left'](factsOf([...history, added('p3', true, '2024-04-20')]), asOfMs('2024-05-01'), t),
    ).toBeUndefined()
    expect(rule['key-contact-left'](factsOf(history), asOfMs('2024-05-01'), t)).toBeUndefined()
  })

  it('key-contact-left, until someone new is added', () => {
    const history = [added('p1', false), added('p2', false), left('p1', '2024-04-01')]
    expect(rule['key-contact-left'](factsOf(history), asOfMs('2024-05-01'), t)?.severity).toBe(0.5)
    expect(
      rule['key-contact-left'](
        factsOf([...history, added('p3', false, '2024-04-10')]),
        asOfMs('2024-05-01'),
        t,
      ),
    ).toBeUndefined()
  })

  it('no-owner: unassigned with nobody since, or a business customer never owned', () => {
    const org = event(
      'CustomerRegistered',
      { kind: 'organization', name: 'Acme', country: 'DE' },
      '2023-01-01',
    )
    expect(rule['no-owner'](factsOf([org]), asOfMs('2024-01-01'), t)?.severity).toBe(0.5)
    const person = event('CustomerRegistered', { kind: 'person', name: 'Ada', country: 'GB' }, '2023-01-01')
    expect(rule['no-owner'](factsOf([person]), asOfMs('2024-01-01'), t)).toBeUndefined()
    const assigned = event('AccountManagerAssigned', { managerId: 'm1' }, '2023-02-01')
    const unassigned = event('AccountManagerUnassigned', { managerId: 'm1' }, '2023-06-01')
    expect(rule['no-owner'](factsOf([org, assigned]), asOfMs('2024-01-01'), t)).toBeUndefined()
    expect(
      rule['no-owner'](factsOf([org, unassigned, assigned]), asOfMs('2024-01-01'), t)?.evidence.eventIds,
    ).toEqual([unassigned.id])
  })
})

describe('contracts', () => {
  const started = event(
    'SubscriptionStarted',
    { subscriptionId: 's1', plan: 'pro', endsOn: '2024-12-31' },
    '2024-01-01',
  )

  it('contract-ending-unrenewed: within the notice period with no renewal activity, growing to the end', () => {
    expect(rule['contract-ending-unrenewed'](factsOf([started]), asOfMs('2024-09-01'), t)).toBeUndefined()
    const soon = rule['contract-ending-unrenewed'](factsOf([started]), asOfMs('2024-12-01'), t)
    expect(soon?.evidence.values['daysLeft']).toBe(30)
    expect(soon?.severity).toBeCloseTo(2 / 3, 2)
    const quote = event('QuoteIssued', { quoteId: 'q1', currency: 'EUR', amount: 100 }, '2024-11-15')
    expect(
      rule['contract-ending-unrenewed'](factsOf([started, quote]), asOfMs('2024-12-01'), t),
    ).toBeUndefined()
    expect(
      rule['contract-ending-unrenewed'](factsOf([started, quote]), asOfMs('2025-01-10'), t)?.severity,
    ).toBe(1)
    const renewed = event('SubscriptionRenewed', { subscriptionId: 's1', endsOn: '2025-12-31' }, '2024-12-15')
    expect(
      rule['contract-ending-unrenewed'](factsOf([started, renewed]), asOfMs('2025-01-10'), t),
    ).toBeUndefined()
  })

  it('subscription-cancelled: strongest when nothing is left running', () => {
    const cancelled = event(
      'SubscriptionCancelled',
      { subscriptionId: 's1', endsOn: '2024-12-31' },
      '2024-06-01',
    )
    const s = rule['subscription-cancelled'](factsOf([started, cancelled]), asOfMs('2024-06-02'), t)
    expect(s?.severity).toBe(1)
    expect(s?.evidence.eventIds).toEqual([cancelled.id])
    const other = event(
      'SubscriptionStarted',
      { subscriptionId: 's2', plan: 'basic', endsOn: '2025-12-31' },
      '2024-03-01',
    )
    expect(
      rule['subscription-cancelled'](factsOf([started, other, cancelled]), asOfMs('2024-06-02'), t)?.severity,
    ).toBe(0.5)
    expect(
      rule['contract-ending-unrenewed'](factsOf([started, cancelled]), asOfMs('2024-12-01'), t),
    ).toBeUndefined()
  })

  it('order-cancelled: recent cancellations', () => {
    const c = event('OrderCancelled', { orderId: 'o1', by: 'customer' }, '2024-05-01')
    expect(rule['order-cancelled'](factsOf([c]), asOfMs('2024-05-02'), t)?.severity).toBe(0.5)
    expect(rule['order-cancelled'](factsOf([c]), asOfMs('2024-12-02'), t)).toBeUndefined()
  })
})

describe('marketing', () => {
  const sent = (n: number) =>
    event('CampaignSent', { campaignId: `c${n}`, channel: 'email' }, `2024-0${n}-01`)

  it('campaign-disengaged: five campaigns since the last open, click or conversion', () => {
    const opened = event('CampaignResponded', { campaignId: 'c1', response: 'opened' }, '2024-01-02')
    const five = [1, 2, 3, 4, 5, 6].map(sent)
    expect(
      rule['campaign-disengaged'](factsOf([...five, opened]), asOfMs('2024-07-01'), t)?.evidence.values[
        'campaignsIgnored'
      ],
    ).toBe(5)
    const clicked = event('CampaignResponded', { campaignId: 'c5', response: 'clicked' }, '2024-05-02')
    expect(
      rule['campaign-disengaged'](factsOf([...five, opened, clicked]), asOfMs('2024-07-01'), t),
    ).toBeUndefined()
  })

  it('unsubscribed and consent-withdrawn: recent, and not given again', () => {
    const unsub = event('CampaignResponded', { campaignId: 'c1', response: 'unsubscribed' }, '2024-05-01')
    expect(rule.unsubscribed(factsOf([unsub]), asOfMs('2024-05-02'), t)?.evidence.eventIds).toEqual([
      unsub.id,
    ])
    const withdrawn = event('ConsentWithdrawn', { channel: 'email', purpose: 'marketing' }, '2024-05-01')
    expect(
      rule['consent-withdrawn'](factsOf([withdrawn]), asOfMs('2024-05-02'), t)?.evidence.values['which'],
    ).toBe('email/marketing')
    const given = event('ConsentGiven', { channel: 'email', purpose: 'marketing' }, '2024-05-10')
    expect(rule['consent-withdrawn'](factsOf([withdrawn, given]), asOfMs('2024-05-12'), t)).toBeUndefined()
  })
})
