import { DAY_MS } from '@journeykit/core'
import type { ChurnFacts } from './facts/types.js'

/** Fewer repeat buyers than this and the portfolio's rhythm is not trusted (the configured prior is used). */
export const MIN_REPEAT_CUSTOMERS_FOR_PRIOR = 30

/**
 * The portfolio's typical gap between purchases, in days: the median over repeat buyers (two or more purchase
 * days) of their own mean gap. It stands in for the rhythm of customers with too few purchases to show their
 * own (an empirical-Bayes prior). Undefined when fewer than `minRepeatCustomers` repeat buyers are known.
 */
export const portfolioCadenceDays = (
  facts: Iterable<ChurnFacts>,
  minRepeatCustomers = MIN_REPEAT_CUSTOMERS_FOR_PRIOR,
): number | undefined => {
  const gaps: number[] = []
  for (const f of facts) {
    const p = f.purchases
    if (p?.first === undefined || p.last === undefined || p.days < 2) continue
    const gap = (p.last.ms - p.first.ms) / DAY_MS / (p.days - 1)
    if (gap > 0) gaps.push(gap)
  }
  if (gaps.length < Math.max(1, minRepeatCustomers)) return undefined
  gaps.sort((a, b) => a - b)
  const mid = gaps.length >> 1
  const upper = gaps[mid] ?? 0
  return gaps.length % 2 === 1 ? upper : ((gaps[mid - 1] ?? upper) + upper) / 2
}
