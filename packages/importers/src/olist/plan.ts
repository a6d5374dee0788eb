import type { EventFact } from '@journeykit/core'
import { fact } from '@journeykit/core'
import type { ZonedInstant } from '../local-time.js'
import type { OrderLine } from '../order-line.js'
import type { Tally } from '../summary.js'
import { countAdjustment } from '../summary.js'
import type { Planned } from '../timeline.js'
import type { OlistData, OlistItem, OlistOrder, OlistReview } from './model.js'
import { OLIST_TIME_ZONE } from './model.js'

/**
 * Plans each order's events in the order the customer decider accepts: placed, promised, invoiced, paid,
 * shipped, delivered or cancelled. A step the data dates before the step it depends on is moved to that
 * step's time (and counted), so the history stays possible: nothing ships before it was ordered, nothing
 * arrives before it shipped, a cancellation comes after everything else that happened to the order.
 */

/** The SKU of the freight line added to an order whose items carry freight. */
export const FREIGHT_SKU = 'freight'

const later = (tally: Tally, adjustment: string, at: ZonedInstant, notBefore: ZonedInstant): ZonedInstant => {
  if (at.ms >= notBefore.ms) return at
  countAdjustment(tally, adjustment)
  return notBefore
}

const latest = (...times: (ZonedInstant | undefined)[]): ZonedInstant | undefined =>
  times.reduce<ZonedInstant | undefined>(
    (a, b) => (b === undefined || (a !== undefined && a.ms >= b.ms) ? a : b),
    undefined,
  )

/** Items of the same product at the same price become one line; all freight becomes one `freight` line. */
export const olistOrderLines = (items: readonly OlistItem[]): OrderLine[] => {
  const lines = new Map<string, { sku: string; quantity: number; unitPrice: number }>()
  let freight = 0
  for (const item of [...items].sort((a, b) => a.itemNo - b.itemNo)) {
    const key = `${item.productId}|${item.price}`
    const line = lines.get(key)
    if (line === undefined) lines.set(key, { sku: item.productId, quantity: 1, unitPrice: item.price })
    else line.quantity++
    freight += item.freight
  }
  const result: OrderLine[] = [...lines.values()]
  if (freight > 0) result.push({ sku: FREIGHT_SKU, quantity: 1, unitPrice: freight })
  return result
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0)

const planOrder = (order: OlistOrder, tally: Tally, planned: Planned[]): void => {
  const { orderId, customerId, purchase } = order
  const step = (at: ZonedInstant, key: string, f: (occurredAt: string) => EventFact): void => {
    planned.push({ atMs: at.ms, customerId, key, fact: f(at.iso) })
  }
  const lines = olistOrderLines(order.items)
  const payments = order.payments.filter((p) => p.value > 0).sort((a, b) => a.sequential - b.sequential)
  countAdjustment(tally, 'zeroValuePaymentsSkipped', order.payments.length - payments.length)
  const paid = sum(payments.map((p) => p.value))
  if (order.items.length === 0 && paid > 0) countAdjustment(tally, 'ordersWithoutItemsValuedByPayments')
  const amount = order.items.length === 0 ? paid : sum(lines.map((l) => l.unitPrice * l.quantity))
  step(purchase, orderId, (at) =>
    fact('OrderPlaced', { orderId, currency: 'BRL', amount, lines, channel: 'web' }, at),
  )
  const delivery = { deliveryId: orderId, orderId }
  const promisedBy = order.promisedBy
  if (promisedBy !== undefined)
    step(purchase, orderId, (at) =>
      fact('DeliveryPromised', { ...delivery, promisedBy, timeZone: OLIST_TIME_ZONE }, at),
    )
  const approved = order.approved && later(tally, 'approvedBeforePlaced', order.approved, purchase)
  if (approved === undefined) countAdjustment(tally, 'paymentsOfUnapprovedOrdersSkipped', payments.length)
  else if (paid > 0) {
    const dueDate = approved.iso.slice(0, 10)
    step(purchase, orderId, (at) =>
      fact('InvoiceIssued', { invoiceId: orderId, orderId, currency: 'BRL', amount: paid, dueDate }, at),
    )
    for (const p of payments) {
      const paymentId = `${orderId}-${p.sequential}`
      step(approved, paymentId, (at) =>
        fact(
          'PaymentReceived',
          { paymentId, invoiceId: orderId, currency: 'BRL', amount: p.value, method: p.type },
          at,
        ),
      )
    }
  }
  const shipped = order.carrier && later(tally, 'shippedBeforePlaced', order.carrier, purchase)
  if (shipped !== undefined) step(shipped, orderId, (at) => fact('DeliveryShipped', delivery, at))
  const cancelled = order.status === 'canceled' || order.status === 'unavailable'
  if (order.delivered !== undefined && cancelled) countAdjustment(tally, 'deliveryDroppedOnCancelledOrder')
  else if (order.delivered !== undefined) {
    const arrived = later(
      tally,
      shipped === undefined ? 'deliveredBeforePlaced' : 'deliveredBeforeShipped',
      order.delivered,
      shipped ?? purchase,
    )
    step(arrived, orderId, (at) => fact('DeliveryCompleted', delivery, at))
  }
  if (cancelled) {
    const at = latest(purchase, approved, shipped) ?? purchase
    const data =
      order.status === 'unavailable'
        ? { orderId, by: 'company' as const, reason: 'unavailable: the order could not be fulfilled' }
        : { orderId, by: 'customer' as const, reason: 'canceled (the export does not say by whom)' }
    step(at, orderId, (occurredAt) => fact('OrderCancelled', data, occurredAt))
  }
}

const planReview = (review: OlistReview, data: OlistData, tally: Tally, planned: Planned[]): void => {
  const orders = review.orderIds.map((id) => data.orders.get(id)).filter((o) => o !== undefined)
  const first = orders.reduce<OlistOrder | undefined>(
    (a, b) => (a !== undefined && a.purchase.ms <= b.purchase.ms ? a : b),
    undefined,
  )
  if (first === undefined) return
  const at = later(tally, 'reviewAnsweredBeforePlaced', review.answered, first.purchase)
  const { reviewId, customerId, score, comment } = review
  planned.push({
    atMs: at.ms,
    customerId,
    key: reviewId,
    fact: fact(
      'SurveyAnswered',
      {
        surveyId: reviewId,
        csat: score,
        relatesTo: first.orderId,
        ...(comment === undefined ? {} : { comment }),
      },
      at.iso,
    ),
  })
}

/** Every event of the import, planned (not yet made) in purchase order, then the reviews. */
export const planOlist = (data: OlistData, tally: Tally): Planned[] => {
  const planned: Planned[] = []
  const orders = [...data.orders.values()].sort((a, b) => a.purchase.ms - b.purchase.ms || a.line - b.line)
  for (const order of orders) planOrder(order, tally, planned)
  for (const review of data.reviews.values()) planReview(review, data, tally, planned)
  return planned
}
