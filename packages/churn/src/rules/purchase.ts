import { DAY_MS } from '@journeykit/core'
import type { ChurnThresholds } from '../config.js'
import type { ChurnFacts, OrderFact } from '../facts/types.js'
import type { Signal, SignalRule } from '../signal.js'
import { rounded, signal } from '../signal.js'
import type { PurchaseRhythm } from './rhythm.js'
import { hasActiveSubscription, purchaseRhythm } from './rhythm.js'

const rhythmOf = (facts: ChurnFacts, asOfMs: number, t: ChurnThresholds): PurchaseRhythm | undefined =>
  hasActiveSubscription(facts, asOfMs) ? undefined : purchaseRhythm(facts.purchases, asOfMs, t)

const days = (n: number): string => `${Math.round(n)} day${Math.round(n) === 1 ? '' : 's'}`
const percent = (p: number): string => `${Math.round(p * 100)}%`

/** No purchase for longer than this customer's own cadence suggests, and more likely lapsed than not. */
export const purchaseLapse: SignalRule = (facts, asOfMs, t) => {
  const r = rhythmOf(facts, asOfMs, t)
  if (r === undefined || r.missedGaps < t.lapseMinGaps || r.lapseProbability < t.lapseMinProbability)
    return undefined
  return signal(
    'purchase-lapse',
    r.lapseProbability,
    `No purchase for ${days(r.silenceDays)}, ${rounded(r.missedGaps, 1)}× this customer's usual gap of ` +
      `${days(r.cadenceDays)}; after ${r.purchases} purchase days the chance they have stopped buying is ` +
      `${percent(r.lapseProbability)}.`,
    [r.last.id, r.first.id],
    {
      purchaseDays: r.purchases,
      silenceDays: rounded(r.silenceDays, 1),
      cadenceDays: rounded(r.cadenceDays, 1),
      missedGaps: rounded(r.missedGaps),
      lapseProbability: rounded(r.lapseProbability, 3),
    },
    t,
    {
      lapseMinGaps: t.lapseMinGaps,
      lapseMinProbability: t.lapseMinProbability,
      cadencePriorDays: rounded(t.cadencePriorDays, 1),
      cadencePriorGaps: t.cadencePriorGaps,
    },
  )
}

/** Fewer purchases than an established customer: the chance of having left already is 1 / (1 + purchases). */
export const earlyRelationship: SignalRule = (facts, asOfMs, t) => {
  const r = rhythmOf(facts, asOfMs, t)
  if (r === undefined || r.purchases >= t.establishedPurchases) return undefined
  return signal(
    'early-relationship',
    r.baseLapseProbability,
    `Only ${r.purchases} purchase day${r.purchases === 1 ? '' : 's'} so far: a customer this new leaves ` +
      `${percent(r.baseLapseProbability)} of the time before any silence; the next purchase is the one to win.`,
    [r.first.id, r.last.id].filter((id, i, all) => all.indexOf(id) === i),
    { purchaseDays: r.purchases, baseLapseProbability: rounded(r.baseLapseProbability, 3) },
    t,
    { establishedPurchases: t.establishedPurchases },
  )
}

interface Window {
  readonly days: number
  readonly spend: number
  readonly ids: string[]
}

/** Purchase days and spend (in `currency`, cancelled orders left out) of orders in (fromMs, toMs]. */
const windowOf = (orders: readonly OrderFact[], fromMs: number, toMs: number, currency: string): Window => {
  let purchaseDays = 0
  let lastDay = Number.NaN
  let spend = 0
  const ids: string[] = []
  for (const o of orders) {
    if (o.ms <= fromMs || o.ms > toMs || o.cancelled) continue
    const day = Math.floor(o.ms / DAY_MS)
    if (day !== lastDay) purchaseDays++
    lastDay = day
    if (o.currency === currency) spend += o.amount
    ids.push(o.id)
  }
  return { days: purchaseDays, spend, ids }
}

interface Trend {
  readonly windowDays: number
  readonly earlier: Window
  readonly recent: Window
  readonly currency: string
}

/**
 * The customer's recent window against the one before it: each holds `trendWindowGaps` expected gaps, at most
 * `trendMaxWindowDays`, and at most half of the relationship so far.
 */
const trendOf = (facts: ChurnFacts, asOfMs: number, t: ChurnThresholds): Trend | undefined => {
  const r = rhythmOf(facts, asOfMs, t)
  const orders = facts.purchases?.recent
  const latest = orders?.[orders.length - 1]
  if (r === undefined || orders === undefined || latest === undefined) return undefined
  const tenureDays = (asOfMs - r.first.ms) / DAY_MS
  const windowDays = Math.min(t.trendWindowGaps * r.cadenceDays, t.trendMaxWindowDays, tenureDays / 2)
  if (!(windowDays > 0)) return undefined
  const splitMs = asOfMs - windowDays * DAY_MS
  const earlier = windowOf(orders, splitMs - windowDays * DAY_MS, splitMs, latest.currency)
  const recent = windowOf(orders, splitMs, asOfMs, latest.currency)
  if (earlier.days < t.trendMinEarlierPurchases || recent.days === 0) return undefined
  return { windowDays, earlier, recent, currency: latest.currency }
}

/** Still buying, but on at most half as many days as in the window before. */
export const frequencyFalling: SignalRule = (facts, asOfMs, t): Signal | undefined => {
  const trend = trendOf(facts, asOfMs, t)
  if (trend === undefined) return undefined
  const { earlier, recent, windowDays } = trend
  if (recent.days > (1 - t.trendMinDrop) * earlier.days) return undefined
  return signal(
    'purchase-frequency-falling',
    1 - recent.days / earlier.days,
    `Bought on ${recent.days} day${recent.days === 1 ? '' : 's'} in the last ${days(windowDays)}, against ` +
      `${earlier.days} in the ${days(windowDays)} before.`,
    [...recent.ids, ...earlier.ids],
    {
      windowDays: rounded(windowDays, 1),
      recentPurchaseDays: recent.days,
      earlierPurchaseDays: earlier.days,
    },
    t,
    { trendMinDrop: t.trendMinDrop, trendMinEarlierPurchases: t.trendMinEarlierPurchases },
  )
}

/** Still buying, but spending at most half as much per purchase day as in the window before. */
export const spendFalling: SignalRule = (facts, asOfMs, t): Signal | undefined => {
  const trend = trendOf(facts, asOfMs, t)
  if (trend === undefined) return undefined
  const { earlier, recent, windowDays, currency } = trend
  const earlierBasket = earlier.spend / earlier.days
  const recentBasket = recent.spend / recent.days
  if (!(earlierBasket > 0) || recentBasket > (1 - t.trendMinDrop) * earlierBasket) return undefined
  return signal(
    'spend-falling',
    1 - recentBasket / earlierBasket,
    `Spends ${Math.round(recentBasket)} ${currency} (minor units) per purchase day in the last ` +
      `${days(windowDays)}, against ${Math.round(earlierBasket)} before.`,
    [...recent.ids, ...earlier.ids],
    {
      windowDays: rounded(windowDays, 1),
      currency,
      recentSpendPerDay: Math.round(recentBasket),
      earlierSpendPerDay: Math.round(earlierBasket),
    },
    t,
    { trendMinDrop: t.trendMinDrop, trendMinEarlierPurchases: t.trendMinEarlierPurchases },
  )
}
