import type { Customer360State } from '../state/state.js'
import { purchaseTimes } from '../view/value.js'

export type CohortPeriod = 'month' | 'quarter' | 'year'

export interface CohortRetention {
  /** The period of the first purchase: `1997-01`, `1997-Q1` or `1997`. */
  readonly cohort: string
  readonly customers: number
  /**
   * For each period since the cohort's (0 = the cohort's own period, up to the period containing the as-of
   * instant): how many of the cohort's customers purchased in it, and that count / customers.
   */
  readonly retained: readonly number[]
  readonly rates: readonly number[]
}

/** A running index of UTC periods: months since year 0, quarters since year 0, or the year. */
export const periodIndex = (ms: number, period: CohortPeriod): number => {
  const d = new Date(ms)
  const year = d.getUTCFullYear()
  const month = d.getUTCMonth()
  return period === 'year'
    ? year
    : period === 'quarter'
      ? year * 4 + Math.floor(month / 3)
      : year * 12 + month
}

export const periodLabel = (index: number, period: CohortPeriod): string => {
  if (period === 'year') return String(index)
  if (period === 'quarter') return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/**
 * Retention by first-purchase cohort as of an instant: customers are grouped by the period of their first
 * purchase (an order placed by then and not cancelled by then); for each later period up to the one containing
 * the instant, the share of the cohort that purchased in it. Only cohorts whose first purchase is after
 * `sinceMs` are listed.
 */
export const cohortRetention = (
  states: Iterable<Customer360State>,
  asOfMs: number,
  sinceMs: number,
  period: CohortPeriod,
): CohortRetention[] => {
  const last = periodIndex(asOfMs, period)
  const cohorts = new Map<number, { customers: number; retained: number[] }>()
  for (const s of states) {
    const times = purchaseTimes(s, asOfMs)
    const first = times[0]
    if (first === undefined || first <= sinceMs) continue
    const start = periodIndex(first, period)
    let cohort = cohorts.get(start)
    if (cohort === undefined) {
      cohort = { customers: 0, retained: new Array<number>(last - start + 1).fill(0) }
      cohorts.set(start, cohort)
    }
    cohort.customers++
    let previous = -1
    for (const t of times) {
      const offset = periodIndex(t, period) - start
      if (offset === previous) continue
      cohort.retained[offset] = (cohort.retained[offset] ?? 0) + 1
      previous = offset
    }
  }
  return [...cohorts]
    .sort(([a], [b]) => a - b)
    .map(([start, c]) => ({
      cohort: periodLabel(start, period),
      customers: c.customers,
      retained: c.retained,
      rates: c.retained.map((n) => n / c.customers),
    }))
}
