import { asOfMs as asOfBound, toInstant } from '@journeykit/core'
import type { ChurnConfig } from './config.js'
import { defaultChurnConfig } from './config.js'
import type { ChurnFacts } from './facts/types.js'
import { signalRules } from './rules/catalogue.js'
import type { HealthScore, HealthTrend } from './score.js'
import { scoreSignals, trendOf } from './score.js'
import type { Signal } from './signal.js'
import { signalKinds } from './signal.js'
import type { CustomerValue } from './value.js'
import { customerValue, revenueAtRisk } from './value.js'

/** A customer's churn evaluation as of an instant: signals with evidence, score, trend and revenue at risk. */
export interface CustomerEvaluation extends HealthScore {
  readonly customerId: string
  /** The instant asked about, as given (an instant or a calendar date, meaning the end of that day). */
  readonly asOf: string
  readonly asOfMs: number
  readonly signals: readonly Signal[]
  readonly trend: HealthTrend
  readonly value: CustomerValue
  /** Annual value × risk / 100, per currency (minor units). */
  readonly revenueAtRisk: Readonly<Record<string, number>>
}

/** What a trend is measured against: an earlier evaluation's health and instant. */
export interface PreviousHealth {
  readonly health: number
  readonly asOf: string
}

/** Facts folded from an event that occurred after the instant asked about: the evaluation would see the future. */
export class FactsAfterAsOfError extends Error {
  readonly _tag = 'FactsAfterAsOf'
  constructor(
    readonly customerId: string,
    readonly latestEventAt: string,
    readonly asOf: string,
  ) {
    super(
      `churn facts of customer ${customerId} include an event at ${latestEventAt}, after as-of ${asOf}: ` +
        'fold only the events up to the instant (evaluateAsOf does)',
    )
    this.name = 'FactsAfterAsOfError'
  }
}

/** Every rule's signal for these facts as of the instant, in catalogue order. Pure. */
export const signalsOf = (facts: ChurnFacts, asOfMs: number, config: ChurnConfig): Signal[] => {
  if (facts.forgotten) return []
  const signals: Signal[] = []
  for (const kind of signalKinds) {
    if (config.weights[kind] <= 0) continue
    const s = signalRules[kind](facts, asOfMs, config.thresholds)
    if (s !== undefined) signals.push(s)
  }
  return signals
}

export interface EvaluateOptions {
  readonly config?: ChurnConfig
  /** The previous evaluation of this customer, for the trend. */
  readonly previous?: PreviousHealth
}

/**
 * Evaluates one customer's facts as of `asOf` (an ISO instant, or a calendar date meaning the end of that day).
 * The facts must hold only events that occurred up to `asOf`; otherwise FactsAfterAsOfError is thrown. Pure.
 */
export const evaluateCustomer = (
  customerId: string,
  facts: ChurnFacts,
  asOf: string,
  options: EvaluateOptions = {},
): CustomerEvaluation => {
  const at = asOfBound(asOf)
  if (Number.isNaN(at)) throw new RangeError(`evaluateCustomer: asOf ${asOf} is no instant or calendar date`)
  if (facts.latestMs > at) throw new FactsAfterAsOfError(customerId, toInstant(facts.latestMs), asOf)
  const config = options.config ?? defaultChurnConfig
  const signals = signalsOf(facts, at, config)
  const score = scoreSignals(signals, config)
  const value = customerValue(facts, at)
  return {
    customerId,
    asOf,
    asOfMs: at,
    ...score,
    signals,
    trend: trendOf(score.health, options.previous, config),
    value,
    revenueAtRisk: revenueAtRisk(value, score.risk),
  }
}
