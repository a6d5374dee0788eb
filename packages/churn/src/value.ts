import { DAY_MS } from '@journeykit/core'
import type { ChurnFacts } from './facts/types.js'

const YEAR_MS = 365 * DAY_MS

/** What a customer is worth to us per year, per currency (minor units), and where the figure comes from. */
export interface CustomerValue {
  readonly perYear: Readonly<Record<string, number>>
  /** `forecast`: the latest 12-month forecast (at most a year old); `history`: spend per year while buying. */
  readonly source: 'forecast' | 'history' | 'none'
}

/**
 * The customer's annual value: the latest PurchaseForecastUpdated when it is at most a year old; otherwise their
 * spend over the relationship divided by the years they were buying (first to last purchase, at least one year).
 * A lapsed customer keeps the value they used to bring: that is exactly the revenue at risk.
 */
export const customerValue = (facts: ChurnFacts, asOfMs: number): CustomerValue => {
  const p = facts.purchases
  if (p === undefined) return { perYear: {}, source: 'none' }
  const forecast = p.forecast
  if (forecast !== undefined && forecast.ms >= asOfMs - YEAR_MS)
    return { perYear: { [forecast.currency]: forecast.amount }, source: 'forecast' }
  if (p.first === undefined || p.last === undefined) return { perYear: {}, source: 'none' }
  const years = Math.max(YEAR_MS, p.last.ms - p.first.ms) / YEAR_MS
  const perYear: Record<string, number> = {}
  for (const [currency, spend] of Object.entries(p.lifetime))
    if (spend > 0) perYear[currency] = Math.round(spend / years)
  return { perYear, source: Object.keys(perYear).length > 0 ? 'history' : 'none' }
}

/** Revenue at risk per currency: annual value × risk / 100, in whole minor units. */
export const revenueAtRisk = (value: CustomerValue, risk: number): Record<string, number> => {
  const atRisk: Record<string, number> = {}
  for (const [currency, amount] of Object.entries(value.perYear))
    atRisk[currency] = Math.round((amount * risk) / 100)
  return atRisk
}
