import type { Dict } from '../state/dict.js'
import { dict, lookup } from '../state/dict.js'
import type { OrderRecord, ReturnRecord } from '../state/records.js'
import type { Customer360State } from '../state/state.js'
import type { OrderTally, ReturnTally, RevenueTally } from '../state/tallies.js'
import { recordsOf } from '../state/table.js'
import { groupOf } from '../state/tally.js'
import type { Window } from './window.js'
import { happened, inWindow } from './window.js'

/** Per order id, the earliest time of a fact, from `entries` of [orderId, time]. */
const earliestByOrder = (entries: Iterable<readonly [string, number | null]>): Dict<number> => {
  const index = dict<number>()
  for (const [orderId, ms] of entries) {
    if (ms === null) continue
    const known = lookup(index, orderId)
    if (known === undefined || ms < known) index[orderId] = ms
  }
  return index
}

/** When each order was first delivered and first returned (from the deliveries and returns kept). */
export const orderMilestones = (s: Customer360State) => ({
  delivered: earliestByOrder(recordsOf(s.deliveries).map((d) => [d.orderId, d.completedMs] as const)),
  returned: earliestByOrder(recordsOf(s.returns).map((r) => [r.orderId, r.at] as const)),
})

export type OrderStatus = 'open' | 'delivered' | 'cancelled' | 'returned'

/** An order's status as of `asOfMs`: cancelled, else returned, else delivered, else open. */
export const orderStatus = (
  id: string,
  r: OrderRecord,
  milestones: ReturnType<typeof orderMilestones>,
  asOfMs: number,
): OrderStatus =>
  happened(r.cancelledMs, asOfMs)
    ? 'cancelled'
    : happened(lookup(milestones.returned, id) ?? null, asOfMs)
      ? 'returned'
      : happened(lookup(milestones.delivered, id) ?? null, asOfMs)
        ? 'delivered'
        : 'open'

export const emptyRevenue = (): RevenueTally => ({ amount: 0, orders: 0 })

/**
 * Orders placed in the window, by status as of its end; revenue (by currency) of those not cancelled by then.
 * `records` are [orderId, record] pairs.
 */
export const orderTally = (
  s: Customer360State,
  records: Iterable<readonly [string, OrderRecord]>,
  w: Window,
): OrderTally => {
  const t: OrderTally = { placed: 0, open: 0, delivered: 0, cancelled: 0, returned: 0, revenue: dict() }
  const milestones = orderMilestones(s)
  for (const [id, r] of records) {
    if (!inWindow(r.at, w)) continue
    t.placed++
    const status = orderStatus(id, r, milestones, w.toMs)
    t[status]++
    if (status !== 'cancelled' && r.currency !== null) {
      const revenue = groupOf(t.revenue, r.currency, emptyRevenue)
      revenue.amount += r.amount
      revenue.orders++
    }
  }
  return t
}

/** Returns in the window, and the amounts refunded by currency (returns that carry an amount). */
export const returnTally = (records: Iterable<ReturnRecord>, w: Window): ReturnTally => {
  const t: ReturnTally = { returns: 0, refunded: dict() }
  for (const r of records) {
    if (!inWindow(r.at, w)) continue
    t.returns++
    if (r.currency !== null) t.refunded[r.currency] = (lookup(t.refunded, r.currency) ?? 0) + r.amount
  }
  return t
}
