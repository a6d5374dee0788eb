import { DAY_MS } from '@journeykit/core'
import type { ChurnThresholds } from '../config.js'
import type { ChurnFacts, PurchaseFacts, TimedRef } from '../facts/types.js'

/**
 * A customer's purchase rhythm as of an instant, and the probability that they have stopped buying.
 *
 * Model (docs/churn-signals.md, "purchase-lapse"): while active, the customer buys at their own rate; after each
 * purchase they may leave for good with an unknown probability (uniform prior). Their expected gap blends their
 * own gaps with `cadencePriorGaps` gaps of the portfolio's typical rhythm. Then, after `purchases` purchases and
 * a silence of `silenceDays`:
 *
 *     P(lapsed) = 1 / (1 + purchases × S),   S = (β / (β + silence))^α
 *
 * where S is the chance that an active customer at their (uncertain) rate stays silent that long: α = own gaps +
 * prior gaps, β = days spanned by own gaps + prior gaps × prior cadence (a gamma-Poisson posterior predictive).
 * Before any silence P = 1 / (1 + purchases): each purchase is evidence the customer is the staying kind.
 */
export interface PurchaseRhythm {
  /** Distinct purchase days. */
  readonly purchases: number
  readonly first: TimedRef
  readonly last: TimedRef
  readonly silenceDays: number
  /** Days from the first to the last purchase. */
  readonly spanDays: number
  /** The expected gap between purchases, in days. */
  readonly cadenceDays: number
  /** Silence in expected gaps: purchases the customer would normally have made meanwhile. */
  readonly missedGaps: number
  readonly lapseProbability: number
  /** Probability of having stopped before any silence: 1 / (1 + purchases). */
  readonly baseLapseProbability: number
}

export const purchaseRhythm = (
  p: PurchaseFacts | undefined,
  asOfMs: number,
  t: ChurnThresholds,
): PurchaseRhythm | undefined => {
  if (p === undefined || p.first === undefined || p.last === undefined || p.days === 0) return undefined
  const purchases = p.days
  const silenceDays = Math.max(0, (asOfMs - p.last.ms) / DAY_MS)
  const spanDays = Math.max(0, (p.last.ms - p.first.ms) / DAY_MS)
  const shape = purchases - 1 + t.cadencePriorGaps
  const scale = spanDays + t.cadencePriorGaps * t.cadencePriorDays
  if (!(shape > 0 && scale > 0)) return undefined
  const cadenceDays = scale / shape
  const stillSilent = (scale / (scale + silenceDays)) ** shape
  return {
    purchases,
    first: p.first,
    last: p.last,
    silenceDays,
    spanDays,
    cadenceDays,
    missedGaps: silenceDays / cadenceDays,
    lapseProbability: 1 / (1 + purchases * stillSilent),
    baseLapseProbability: 1 / (1 + purchases),
  }
}

/**
 * Whether a subscription is running as of the instant: its relationship is contractual, so renewal signals
 * apply and the purchase-rhythm rules do not.
 */
export const hasActiveSubscription = (facts: ChurnFacts, asOfMs: number): boolean => {
  const subscriptions = facts.account?.subscriptions
  if (subscriptions === undefined) return false
  for (const s of subscriptions) {
    const endMs = Math.min(s.term?.endMs ?? -Infinity, s.cancelled?.endMs ?? Infinity)
    if (s.term !== undefined && endMs > asOfMs) return true
  }
  return false
}
