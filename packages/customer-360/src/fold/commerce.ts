import type { JourneyEvent } from '@journeykit/core'
import { isDateOnly } from '@journeykit/core'
import type { Customer360Options } from '../options.js'
import { latestOf, minTime } from '../state/dict.js'
import { EMPTY } from '../state/sorted.js'
import type { DeliveryRecord, OrderRecord, PromiseEntry, ReturnRecord } from '../state/records.js'
import type { Customer360State } from '../state/state.js'
import { findRecord, recordsOf, table } from '../state/table.js'
import { timeCounter } from '../state/time-counter.js'
import { deliveryTally } from '../view/deliveries.js'
import { orderTally, returnTally } from '../view/orders.js'
import type { Apply, Context } from './common.js'
import { archiveChannel, recordIn, remember, tick, untilLatest } from './common.js'
import { promiseDeadlineMs } from './deadline.js'

const newOrder = (): OrderRecord => ({
  at: null,
  currency: null,
  amount: 0,
  channel: null,
  cancelledMs: null,
})

const summarizeOrder = (r: OrderRecord, id: string, { s }: Context) => {
  archiveChannel(s, r.channel, 'orders')
  return { tally: orderTally(s, [[id, r]], untilLatest(s)), lastMs: latestOf(r.at, r.cancelledMs) }
}

const order = (s: Customer360State, id: string, at: number, o: Customer360Options): OrderRecord =>
  recordIn(s, (s.orders ??= table()), id, at, o, newOrder, summarizeOrder)

export const orderPlaced: Apply<JourneyEvent<'OrderPlaced'>> = (s, e, at, o) => {
  const { orderId, currency, amount, channel } = e.data
  const record = order(s, orderId, at, o)
  record.at = minTime(record.at, at)
  record.currency = currency
  record.amount = amount
  record.channel = channel
  s.firstOrderMs = minTime(s.firstOrderMs, at)
  s.engagedMs = minTime(s.engagedMs, at)
}

export const orderCancelled: Apply<JourneyEvent<'OrderCancelled'>> = (s, e, at, o) => {
  const record = order(s, e.data.orderId, at, o)
  record.cancelledMs = minTime(record.cancelledMs, at)
  for (const d of recordsOf(s.deliveries))
    if (d.orderId === e.data.orderId) d.cancelledMs = minTime(d.cancelledMs, at)
}

const newDelivery = (): DeliveryRecord => ({
  at: Infinity,
  orderId: '',
  deadlineMs: null,
  promisedDate: null,
  promisedMs: null,
  earlierPromises: EMPTY,
  shippedMs: null,
  completedMs: null,
  completedDate: null,
  failedMs: null,
  cancelledMs: null,
})

const summarizeDelivery = (r: DeliveryRecord, _id: string, { s }: Context) => ({
  tally: deliveryTally([r], untilLatest(s)),
  lastMs: latestOf(r.at, r.promisedMs, r.shippedMs, r.completedMs, r.failedMs),
})

const delivery = (
  s: Customer360State,
  e: JourneyEvent<'DeliveryPromised' | 'DeliveryShipped' | 'DeliveryCompleted' | 'DeliveryFailed'>,
  at: number,
  o: Customer360Options,
): DeliveryRecord => {
  const record = recordIn(
    s,
    (s.deliveries ??= table()),
    e.data.deliveryId,
    at,
    o,
    newDelivery,
    summarizeDelivery,
  )
  if (at < record.at) record.at = at
  if (record.orderId === '') {
    record.orderId = e.data.orderId
    record.cancelledMs = findRecord(s.orders, e.data.orderId)?.cancelledMs ?? null
  }
  return record
}

/**
 * The promise that occurred last is the one in effect (a later promise replaces an earlier one); earlier ones
 * are kept for as-of queries.
 */
export const deliveryPromised: Apply<JourneyEvent<'DeliveryPromised'>> = (s, e, at, o) => {
  const record = delivery(s, e, at, o)
  const { promisedBy, timeZone } = e.data
  const promise: PromiseEntry = {
    at,
    deadlineMs: promiseDeadlineMs(promisedBy, timeZone),
    promisedDate: isDateOnly(promisedBy) ? promisedBy : null,
  }
  if (record.promisedMs === null || record.deadlineMs === null) return setPromise(record, promise)
  const current: PromiseEntry = {
    at: record.promisedMs,
    deadlineMs: record.deadlineMs,
    promisedDate: record.promisedDate,
  }
  const earlier = promise.at >= current.at ? current : promise
  record.earlierPromises = remember(s, record.earlierPromises, earlier, o.limits.history)
  if (earlier === current) setPromise(record, promise)
}

const setPromise = (record: DeliveryRecord, promise: PromiseEntry): void => {
  record.promisedMs = promise.at
  record.deadlineMs = promise.deadlineMs
  record.promisedDate = promise.promisedDate
}

export const deliveryShipped: Apply<JourneyEvent<'DeliveryShipped'>> = (s, e, at, o) => {
  const record = delivery(s, e, at, o)
  record.shippedMs = minTime(record.shippedMs, at)
}

export const deliveryCompleted: Apply<JourneyEvent<'DeliveryCompleted'>> = (s, e, at, o) => {
  const record = delivery(s, e, at, o)
  if (record.completedMs !== null && record.completedMs <= at) return
  record.completedMs = at
  record.completedDate = isDateOnly(e.occurredAt) ? e.occurredAt : null
}

export const deliveryFailed: Apply<JourneyEvent<'DeliveryFailed'>> = (s, e, at, o) => {
  const record = delivery(s, e, at, o)
  record.failedMs = minTime(record.failedMs, at)
}

const newReturn = (): ReturnRecord => ({ at: Infinity, orderId: '', amount: 0, currency: null })

const summarizeReturn = (r: ReturnRecord, _id: string, { s }: Context) => ({
  tally: returnTally([r], untilLatest(s)),
  lastMs: r.at,
})

export const productReturned: Apply<JourneyEvent<'ProductReturned'>> = (s, e, at, o) => {
  const { returnId, orderId, amount, currency } = e.data
  const record = recordIn(s, (s.returns ??= table()), returnId, at, o, newReturn, summarizeReturn)
  if (at < record.at) record.at = at
  record.orderId = orderId
  record.amount = amount ?? 0
  record.currency = currency ?? null
}

export const quoteIssued: Apply<JourneyEvent<'QuoteIssued'>> = (s, _e, at, o) => {
  s.engagedMs = minTime(s.engagedMs, at)
  tick(s, (s.quotes ??= timeCounter()), at, o)
}

export const purchaseForecastUpdated: Apply<JourneyEvent<'PurchaseForecastUpdated'>> = (s, e, at, o) => {
  const { expectedSpend, currency, model } = e.data
  s.forecasts = remember(
    s,
    s.forecasts,
    { at, expectedSpend, currency, model: model ?? null },
    o.limits.history,
  )
}
