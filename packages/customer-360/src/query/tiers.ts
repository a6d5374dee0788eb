import type { AsOf } from '../as-of.js'
import { resolveAsOf } from '../as-of.js'
import type { ValueTier, ValueTierName } from '../view/types.js'
import { YEAR_MS, revenueIn } from '../view/value.js'
import type { Customer360Partitions, TierShares } from './partitions.js'
import { defaultTierShares, knownBy } from './partitions.js'

const tierOrder: readonly ValueTierName[] = ['top', 'high', 'medium', 'low', 'none']

const noTier: ValueTier = { tier: 'none', currency: null, last12MonthsRevenue: 0, rank: null, of: 0 }

/** The tier of the `rank`-th (1-based) of `n` ranked customers. */
export const tierOfRank = (rank: number, n: number, shares: TierShares): ValueTierName =>
  rank <= Math.ceil(shares.top * n)
    ? 'top'
    : rank <= Math.ceil(shares.high * n)
      ? 'high'
      : rank <= Math.ceil(shares.medium * n)
        ? 'medium'
        : 'low'

/**
 * Value tiers as of an instant. Customers are ranked by revenue over the 365 days up to the instant (orders not
 * cancelled by then), separately per currency (amounts in different currencies are never compared); ties are
 * broken by customer id. The first ceil(10% of n) are `top`, up to ceil(30% of n) `high`, up to ceil(70% of n)
 * `medium`, the rest `low`; a customer buying in several currencies gets their best tier; customers without
 * 12-month revenue are `none`.
 */
export const valueTiers = (
  partitions: Customer360Partitions,
  asOf: AsOf,
  shares: TierShares = defaultTierShares,
): Map<string, ValueTier> => {
  const at = resolveAsOf(asOf)
  const byCurrency = new Map<string, { id: string; amount: number }[]>()
  const tiers = new Map<string, ValueTier>()
  for (const [id, s] of knownBy(partitions, at)) {
    tiers.set(id, noTier)
    const revenue = revenueIn(s, { fromMs: at - YEAR_MS, toMs: at })
    for (const currency of Object.keys(revenue)) {
      const amount = revenue[currency]?.amount ?? 0
      if (amount <= 0) continue
      let ranked = byCurrency.get(currency)
      if (ranked === undefined) byCurrency.set(currency, (ranked = []))
      ranked.push({ id, amount })
    }
  }
  for (const [currency, ranked] of [...byCurrency].sort(([a], [b]) => (a < b ? -1 : 1))) {
    ranked.sort((a, b) => b.amount - a.amount || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    ranked.forEach(({ id, amount }, i) => {
      const candidate: ValueTier = {
        tier: tierOfRank(i + 1, ranked.length, shares),
        currency,
        last12MonthsRevenue: amount,
        rank: i + 1,
        of: ranked.length,
      }
      const current = tiers.get(id) ?? noTier
      if (tierOrder.indexOf(candidate.tier) < tierOrder.indexOf(current.tier)) tiers.set(id, candidate)
    })
  }
  return tiers
}
