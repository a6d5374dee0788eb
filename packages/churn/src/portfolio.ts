import type { ChurnConfig } from './config.js'
import { defaultChurnConfig } from './config.js'
import type { CustomerEvaluation, PreviousHealth } from './evaluate.js'
import { evaluateCustomer } from './evaluate.js'
import type { ChurnFacts } from './facts/types.js'
import { portfolioCadenceDays } from './prior.js'
import type { HealthBand, TrendDirection } from './score.js'
import type { SignalKind } from './signal.js'

/** One line of the at-risk list management watches. */
export interface AtRiskEntry {
  readonly customerId: string
  readonly health: number
  readonly risk: number
  readonly band: HealthBand
  readonly trend: TrendDirection
  readonly currency: string
  readonly annualValue: number
  readonly revenueAtRisk: number
  /** The signals behind the risk, largest contribution first. */
  readonly signals: readonly SignalKind[]
  /** Risk points per raised signal (they add up to `risk`). */
  readonly points: Readonly<Partial<Record<SignalKind, number>>>
}

/** The portfolio at a glance: bands, signals by kind, revenue at risk and the top customers at risk. */
export interface PortfolioView {
  readonly asOf: string
  readonly customers: number
  readonly bands: Readonly<Record<HealthBand, number>>
  /** How many customers carry each signal (kinds nobody carries are absent). */
  readonly signalsByKind: Readonly<Partial<Record<SignalKind, number>>>
  /** Sum of annual value per currency (never mixed across currencies). */
  readonly annualValue: Readonly<Record<string, number>>
  readonly revenueAtRisk: Readonly<Record<string, number>>
  /** Per currency, the customers with the most revenue at risk (ties: higher risk first, then customer id). */
  readonly topAtRisk: Readonly<Record<string, readonly AtRiskEntry[]>>
}

const add = (into: Record<string, number>, key: string, amount: number): void => {
  into[key] = (into[key] ?? 0) + amount
}

/** One customer's line of an at-risk list, valued in `currency`. */
export const atRiskEntry = (e: CustomerEvaluation, currency: string): AtRiskEntry => ({
  customerId: e.customerId,
  health: e.health,
  risk: e.risk,
  band: e.band,
  trend: e.trend.direction,
  currency,
  annualValue: e.value.perYear[currency] ?? 0,
  revenueAtRisk: e.revenueAtRisk[currency] ?? 0,
  signals: e.contributions.map((c) => c.kind),
  points: Object.fromEntries(e.contributions.map((c) => [c.kind, c.points])),
})

/** The `n` customers with the most revenue at risk in `currency` (only customers with value in it). */
export const topAtRisk = (
  evaluations: Iterable<CustomerEvaluation>,
  currency: string,
  n: number,
): AtRiskEntry[] => {
  const candidates: CustomerEvaluation[] = []
  for (const e of evaluations) if ((e.revenueAtRisk[currency] ?? 0) > 0) candidates.push(e)
  return candidates
    .sort(
      (a, b) =>
        (b.revenueAtRisk[currency] ?? 0) - (a.revenueAtRisk[currency] ?? 0) ||
        b.riskExact - a.riskExact ||
        (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0),
    )
    .slice(0, n)
    .map((e) => atRiskEntry(e, currency))
}

/** Summarises evaluations (all as of one instant) into the portfolio view. */
export const portfolioView = (
  evaluations: readonly CustomerEvaluation[],
  asOf: string,
  top = 10,
): PortfolioView => {
  const bands: Record<HealthBand, number> = { healthy: 0, watch: 0, at_risk: 0, critical: 0 }
  const signalsByKind: Partial<Record<SignalKind, number>> = {}
  const annualValue: Record<string, number> = {}
  const atRisk: Record<string, number> = {}
  for (const e of evaluations) {
    bands[e.band]++
    for (const s of e.signals) signalsByKind[s.kind] = (signalsByKind[s.kind] ?? 0) + 1
    for (const [currency, amount] of Object.entries(e.value.perYear)) add(annualValue, currency, amount)
    for (const [currency, amount] of Object.entries(e.revenueAtRisk)) add(atRisk, currency, amount)
  }
  const topAtRiskByCurrency: Record<string, AtRiskEntry[]> = {}
  for (const currency of Object.keys(atRisk).sort())
    topAtRiskByCurrency[currency] = topAtRisk(evaluations, currency, top)
  return {
    asOf,
    customers: evaluations.length,
    bands,
    signalsByKind,
    annualValue,
    revenueAtRisk: atRisk,
    topAtRisk: topAtRiskByCurrency,
  }
}

export interface PortfolioOptions {
  readonly config?: ChurnConfig
  /** `portfolio` (default): customers with too few purchases borrow the portfolio's median rhythm. */
  readonly cadencePrior?: 'portfolio' | 'configured'
  /** Previous health per customer, for trends. */
  readonly previous?: ReadonlyMap<string, PreviousHealth>
  /** How many customers the view lists per currency. Default 10. */
  readonly top?: number
}

export interface PortfolioEvaluation {
  readonly asOf: string
  /** The typical gap used for customers with too few purchases of their own, in days. */
  readonly cadencePriorDays: number
  /** Every customer not forgotten, highest risk first (ties: customer id). */
  readonly evaluations: readonly CustomerEvaluation[]
  readonly view: PortfolioView
}

/** The configuration with the portfolio's own rhythm as the cadence prior (when it has enough repeat buyers). */
export const withPortfolioPrior = (config: ChurnConfig, facts: Iterable<ChurnFacts>): ChurnConfig => {
  const prior = portfolioCadenceDays(facts)
  return prior === undefined
    ? config
    : { ...config, thresholds: { ...config.thresholds, cadencePriorDays: prior } }
}

/** Evaluates every customer's facts as of `asOf` (facts folded from events up to it). Pure. */
export const evaluatePortfolio = (
  partitions: ReadonlyMap<string, ChurnFacts>,
  asOf: string,
  options: PortfolioOptions = {},
): PortfolioEvaluation => {
  const base = options.config ?? defaultChurnConfig
  const config = options.cadencePrior === 'configured' ? base : withPortfolioPrior(base, partitions.values())
  const evaluations: CustomerEvaluation[] = []
  for (const [customerId, facts] of partitions) {
    if (facts.forgotten) continue
    const previous = options.previous?.get(customerId)
    evaluations.push(evaluateCustomer(customerId, facts, asOf, { config, ...(previous && { previous }) }))
  }
  evaluations.sort(
    (a, b) =>
      b.riskExact - a.riskExact || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0),
  )
  return {
    asOf,
    cadencePriorDays: config.thresholds.cadencePriorDays,
    evaluations,
    view: portfolioView(evaluations, asOf, options.top),
  }
}
