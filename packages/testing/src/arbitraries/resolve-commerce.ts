import type { CustomerCommand } from '@journeykit/core'
import type { Resolver } from './command.js'
import { commandOf, dateAfter } from './command.js'
import type { JourneyModel } from './model.js'
import { dueInvoices, freshId, openDeliveries, openOrders } from './model.js'
import type { Step, StepKind } from './steps.js'
import { choose } from './values.js'

type DeliveryCommand = 'ShipDelivery' | 'CompleteDelivery' | 'RecordFailedDelivery'

/** An open delivery to move on, or else a new delivery of an open order. */
const deliveryTarget = (m: JourneyModel, s: Step): { deliveryId: string; orderId: string } | undefined => {
  const open = choose(openDeliveries(m), s.pick)
  if (open !== undefined) return { deliveryId: open.id, orderId: open.orderId }
  const order = choose(openOrders(m), s.pick)
  return order && { deliveryId: freshId(m, 'd'), orderId: order.id }
}

const delivery =
  (type: DeliveryCommand): Resolver =>
  (m, s, at): CustomerCommand | undefined => {
    const target = deliveryTarget(m, s)
    if (target === undefined) return undefined
    if (type === 'RecordFailedDelivery')
      return commandOf(m, type, at, { ...target, reason: 'address not found' })
    if (type === 'ShipDelivery') return commandOf(m, type, at, { ...target, carrier: 'DHL' })
    return commandOf(m, type, at, target)
  }

/** Resolvers of commerce steps: quotes, orders, deliveries, returns, invoices, warranties, subscriptions. */
export const commerceResolvers = {
  IssueQuote: (m, s, at, atMs) =>
    commandOf(m, 'IssueQuote', at, {
      quoteId: freshId(m, 'q'),
      currency: m.currency,
      amount: s.amount,
      validUntil: dateAfter(atMs, 30),
    }),
  PlaceOrder: (m, s, at) => {
    const lineCount = 1 + (s.pick % 3)
    const quantity = 1 + (s.percent % 3)
    const lines = Array.from({ length: lineCount }, (_, i) => ({
      sku: `sku-${i + 1}`,
      quantity,
      unitPrice: s.amount,
    }))
    const quoteId = s.flag ? choose(m.quotes, s.pick) : undefined
    return commandOf(m, 'PlaceOrder', at, {
      orderId: freshId(m, 'o'),
      currency: m.currency,
      amount: lineCount * quantity * s.amount,
      lines,
      channel: s.channel,
      ...(s.channel === 'partner' ? { partnerId: 'partner-1' } : {}),
      ...(quoteId === undefined ? {} : { quoteId }),
    })
  },
  CancelOrder: (m, s, at) => {
    const order = choose(
      m.orders.filter((o) => !o.cancelled && !o.delivered),
      s.pick,
    )
    return (
      order && commandOf(m, 'CancelOrder', at, { orderId: order.id, by: s.flag ? 'customer' : 'company' })
    )
  },
  PromiseDelivery: (m, s, at, atMs) => {
    const order = choose(openOrders(m), s.pick)
    return (
      order &&
      commandOf(m, 'PromiseDelivery', at, {
        deliveryId: freshId(m, 'd'),
        orderId: order.id,
        promisedBy: dateAfter(atMs, 1 + (s.days % 14)),
        ...(s.flag ? { timeZone: 'Europe/Berlin' } : {}),
      })
    )
  },
  ShipDelivery: delivery('ShipDelivery'),
  CompleteDelivery: delivery('CompleteDelivery'),
  RecordFailedDelivery: delivery('RecordFailedDelivery'),
  ReturnProduct: (m, s, at) => {
    const order = choose(
      m.orders.filter((o) => !o.cancelled && o.delivered),
      s.pick,
    )
    return (
      order &&
      commandOf(m, 'ReturnProduct', at, {
        returnId: freshId(m, 'ret'),
        orderId: order.id,
        ...(s.flag ? { amount: Math.min(s.amount, order.amount), currency: m.currency } : {}),
      })
    )
  },
  IssueInvoice: (m, s, at, atMs) => {
    const order = s.flag ? choose(m.orders, s.pick) : undefined
    return commandOf(m, 'IssueInvoice', at, {
      invoiceId: freshId(m, 'inv'),
      currency: m.currency,
      amount: order === undefined || order.amount === 0 ? s.amount : order.amount,
      dueDate: dateAfter(atMs, 14 + (s.days % 30)),
      ...(order === undefined ? {} : { orderId: order.id }),
    })
  },
  ReceivePayment: (m, s, at) => {
    const invoice = choose(dueInvoices(m), s.pick)
    if (invoice === undefined) return undefined
    const due = invoice.amount - invoice.paid
    return commandOf(m, 'ReceivePayment', at, {
      paymentId: freshId(m, 'pay'),
      invoiceId: invoice.id,
      currency: invoice.currency,
      amount: Math.max(1, Math.floor((due * s.percent) / 100)),
      method: s.flag ? 'card' : 'transfer',
    })
  },
  RecordFailedPayment: (m, s, at) => {
    const invoice = choose(dueInvoices(m), s.pick)
    return (
      invoice &&
      commandOf(m, 'RecordFailedPayment', at, {
        paymentId: freshId(m, 'pay'),
        invoiceId: invoice.id,
        currency: invoice.currency,
        amount: invoice.amount - invoice.paid,
        reason: 'card declined',
      })
    )
  },
  RegisterWarranty: (m, s, at, atMs) => {
    const order = s.flag ? choose(m.orders, s.pick) : undefined
    return commandOf(m, 'RegisterWarranty', at, {
      warrantyId: freshId(m, 'w'),
      sku: 'sku-1',
      expiresOn: dateAfter(atMs, 30 + s.days),
      ...(order === undefined ? {} : { orderId: order.id }),
    })
  },
  ClaimWarranty: (m, s, at, atMs) => {
    const warranty = choose(
      m.warranties.filter((w) => atMs < w.coverEndsMs),
      s.pick,
    )
    return (
      warranty &&
      commandOf(m, 'ClaimWarranty', at, {
        warrantyId: warranty.id,
        claimId: freshId(m, 'cl'),
        reason: 'broken',
      })
    )
  },
  StartSubscription: (m, s, at, atMs) =>
    commandOf(m, 'StartSubscription', at, {
      subscriptionId: freshId(m, 's'),
      plan: s.flag ? 'premium' : 'basic',
      endsOn: dateAfter(atMs, 365),
      ...(s.flag ? { amount: s.amount, currency: m.currency } : {}),
    }),
  RenewSubscription: (m, s, at, atMs) => {
    const sub = choose(
      m.subscriptions.filter((x) => x.active),
      s.pick,
    )
    return (
      sub && commandOf(m, 'RenewSubscription', at, { subscriptionId: sub.id, endsOn: dateAfter(atMs, 365) })
    )
  },
  CancelSubscription: (m, s, at, atMs) => {
    const sub = choose(
      m.subscriptions.filter((x) => x.active),
      s.pick,
    )
    return (
      sub &&
      commandOf(m, 'CancelSubscription', at, {
        subscriptionId: sub.id,
        endsOn: dateAfter(atMs, 1 + (s.days % 60)),
        reason: 'too expensive',
      })
    )
  },
  UpdatePurchaseForecast: (m, s, at) =>
    commandOf(m, 'UpdatePurchaseForecast', at, { expectedSpend: s.amount * 12, currency: m.currency }),
} satisfies Partial<Record<StepKind, Resolver>>
