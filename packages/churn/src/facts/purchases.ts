import type { JourneyEvent } from '@journeykit/core'
import { DAY_MS } from '@journeykit/core'
import { happenedBefore, insertRecent, laterOf } from './bounded.js'
import { onOrderCancelledDeliveries } from './experience.js'
import type { ChurnFacts, PurchaseFacts } from './types.js'
import { RECENT_ORDERS, RECENT_REFS } from './types.js'

const newPurchases = (): PurchaseFacts => ({
  days: 0,
  orders: 0,
  first: undefined,
  last: undefined,
  recent: [],
  lifetime: {},
  cancelledOrderIds: [],
  cancellations: [],
  forecast: undefined,
})

const dayOf = (ms: number): number => Math.floor(ms / DAY_MS)

/** Whether an order we still hold falls on the same UTC day (so this order is not a new purchase occasion). */
const sameDayHeld = (p: PurchaseFacts, ms: number): boolean => {
  const day = dayOf(ms)
  for (let i = p.recent.length - 1; i >= 0; i--) {
    const o = p.recent[i]
    if (o === undefined) continue
    const d = dayOf(o.ms)
    if (d === day) return true
    if (d < day) return false
  }
  return false
}

const addSpend = (p: PurchaseFacts, currency: string, amount: number): void => {
  p.lifetime[currency] = (p.lifetime[currency] ?? 0) + amount
}

export const onOrderPlaced = (f: ChurnFacts, e: JourneyEvent<'OrderPlaced'>, ms: number): void => {
  const p = (f.purchases ??= newPurchases())
  const cancelled = p.cancelledOrderIds.includes(e.data.orderId)
  if (!sameDayHeld(p, ms)) p.days++
  p.orders++
  if (p.first === undefined || happenedBefore(ms, e.id, p.first)) p.first = { ms, id: e.id }
  p.last = laterOf(p.last, { ms, id: e.id })
  addSpend(p, e.data.currency, cancelled ? 0 : e.data.amount)
  insertRecent(
    p.recent,
    { ms, id: e.id, orderId: e.data.orderId, amount: e.data.amount, currency: e.data.currency, cancelled },
    RECENT_ORDERS,
  )
}

export const onOrderCancelled = (f: ChurnFacts, e: JourneyEvent<'OrderCancelled'>, ms: number): void => {
  const p = (f.purchases ??= newPurchases())
  insertRecent(p.cancellations, { ms, id: e.id }, RECENT_REFS)
  if (!p.cancelledOrderIds.includes(e.data.orderId)) {
    p.cancelledOrderIds.push(e.data.orderId)
    p.cancelledOrderIds.sort()
    if (p.cancelledOrderIds.length > RECENT_REFS) p.cancelledOrderIds.shift()
  }
  onOrderCancelledDeliveries(f, e)
  for (const order of p.recent) {
    if (order.orderId !== e.data.orderId || order.cancelled) continue
    order.cancelled = true
    addSpend(p, order.currency, -order.amount)
  }
}

export const onForecast = (f: ChurnFacts, e: JourneyEvent<'PurchaseForecastUpdated'>, ms: number): void => {
  const p = (f.purchases ??= newPurchases())
  p.forecast = laterOf(p.forecast, {
    ms,
    id: e.id,
    amount: e.data.expectedSpend,
    currency: e.data.currency,
  })
}
