import { DAY_MS } from '@journeykit/core'
import type { Dict } from '../state/dict.js'
import { dict } from '../state/dict.js'
import { latestAsOf } from '../state/sorted.js'
import type { Customer360State } from '../state/state.js'
import type { RevenueTally } from '../state/tallies.js'
import { archiveAsOf, recordsOf } from '../state/table.js'
import { addTally, groupOf } from '../state/tally.js'
import { emptyRevenue, orderTally, returnTally } from './orders.js'
import type { CurrencyValue, ForecastView, OrdersView, ValueTier, ValueView } from './types.js'
import type { Window } from './window.js'
import { happened, inWindow, isoOrNull, upTo } from './window.js'

export const YEAR_MS = 365 * DAY_MS

/** Revenue by currency of orders placed in the window and not cancelled by its end. */
export const revenueIn = (s: Customer360State, w: Window): Dict<RevenueTally> => {
  const revenue = dict<RevenueTally>()
  for (const r of recordsOf(s.orders)) {
    if (!inWindow(r.at, w) || r.currency === null || happened(r.cancelledMs, w.toMs)) continue
    const tally = groupOf(revenue, r.currency, emptyRevenue)
    tally.amount += r.amount
    tally.orders++
  }
  return revenue
}

/** Times of purchases (orders placed by `asOfMs` and not cancelled by then), oldest first. */
export const purchaseTimes = (s: Customer360State, asOfMs: number): number[] => {
  const times: number[] = []
  for (const r of recordsOf(s.orders))
    if (happened(r.at, asOfMs) && !happened(r.cancelledMs, asOfMs)) times.push(r.at)
  return times.sort((a, b) => a - b)
}

/** The median gap between consecutive purchases, in days; null with fewer than two purchases. */
export const typicalGapDays = (times: readonly number[]): number | null => {
  const gaps: number[] = []
  for (let i = 1; i < times.length; i++) gaps.push(((times[i] ?? 0) - (times[i - 1] ?? 0)) / DAY_MS)
  if (gaps.length === 0) return null
  gaps.sort((a, b) => a - b)
  const mid = gaps.length >> 1
  return gaps.length % 2 === 1 ? (gaps[mid] ?? 0) : ((gaps[mid - 1] ?? 0) + (gaps[mid] ?? 0)) / 2
}

/**
 * The 12-month forecast: the latest PurchaseForecastUpdated by the instant; otherwise, with a typical gap, the
 * purchases expected in 365 days at that cadence times the average order value in the currency of the last
 * purchase (rounded to minor units).
 */
const forecastAsOf = (
  s: Customer360State,
  asOfMs: number,
  byCurrency: readonly CurrencyValue[],
  gapDays: number | null,
  lastCurrency: string | null,
): ForecastView | null => {
  const latest = latestAsOf(s.forecasts, asOfMs)
  if (latest !== undefined)
    return {
      expectedSpend: latest.expectedSpend,
      currency: latest.currency,
      source: 'forecast',
      model: latest.model,
      at: isoOrNull(latest.at),
    }
  const value = byCurrency.find((v) => v.currency === lastCurrency)
  if (gapDays === null || gapDays <= 0 || value === undefined) return null
  return {
    expectedSpend: Math.round((365 / gapDays) * value.averageOrderValue),
    currency: value.currency,
    source: 'cadence',
    model: null,
    at: null,
  }
}

const lastPurchaseCurrency = (s: Customer360State, lastMs: number | undefined): string | null => {
  if (lastMs === undefined) return null
  for (const r of recordsOf(s.orders)) if (r.at === lastMs && r.currency !== null) return r.currency
  return null
}

export const valueAsOf = (
  s: Customer360State,
  asOfMs: number,
  tier: ValueTier | null,
): { value: ValueView; orders: OrdersView } => {
  const entries = s.orders === null ? [] : Object.entries(s.orders.byId)
  const lifetime = orderTally(s, entries, upTo(asOfMs))
  const archive = archiveAsOf(s.orders, asOfMs)
  if (archive !== null) addTally(lifetime, archive)
  const returns = returnTally(recordsOf(s.returns), upTo(asOfMs))
  const returnsArchive = archiveAsOf(s.returns, asOfMs)
  if (returnsArchive !== null) addTally(returns, returnsArchive)
  const recent = revenueIn(s, { fromMs: asOfMs - YEAR_MS, toMs: asOfMs })
  const byCurrency: CurrencyValue[] = Object.keys(lifetime.revenue)
    .sort()
    .map((currency) => {
      const total = lifetime.revenue[currency] ?? emptyRevenue()
      return {
        currency,
        lifetimeRevenue: total.amount,
        last12MonthsRevenue: recent[currency]?.amount ?? 0,
        orders: total.orders,
        averageOrderValue: total.orders === 0 ? 0 : Math.round(total.amount / total.orders),
        refunded: returns.refunded[currency] ?? 0,
      }
    })
  const times = purchaseTimes(s, asOfMs)
  const first = times[0]
  const last = times[times.length - 1]
  const gapDays = typicalGapDays(times)
  return {
    value: {
      byCurrency,
      orderCount: byCurrency.reduce((n, v) => n + v.orders, 0),
      firstPurchaseAt: isoOrNull(first),
      lastPurchaseAt: isoOrNull(last),
      typicalGapDays: gapDays,
      currentGapDays: last === undefined ? null : (asOfMs - last) / DAY_MS,
      tier,
      forecast12Months: forecastAsOf(s, asOfMs, byCurrency, gapDays, lastPurchaseCurrency(s, last)),
    },
    orders: {
      placed: lifetime.placed,
      open: lifetime.open,
      delivered: lifetime.delivered,
      cancelled: lifetime.cancelled,
      returned: lifetime.returned,
      returns: returns.returns,
    },
  }
}
