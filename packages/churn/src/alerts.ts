import type { JourneyEvent } from '@journeykit/core'
import { asOfMs as asOfBound } from '@journeykit/core'
import type { CustomerEvaluation, PreviousHealth } from './evaluate.js'
import { businessTimeMs } from './facts/time.js'
import type { ChurnFacts } from './facts/types.js'
import { initialChurnFacts } from './facts/types.js'
import type { PortfolioEvaluation, PortfolioOptions } from './portfolio.js'
import { evaluatePortfolio } from './portfolio.js'
import { applyChurnEvent } from './projection.js'
import type { HealthBand } from './score.js'
import type { Signal, SignalKind } from './signal.js'

/** A signal appeared for a customer since the previous evaluation (or at the first one). */
export interface SignalRaised {
  readonly type: 'SignalRaised'
  readonly customerId: string
  readonly asOf: string
  readonly signal: Signal
  readonly health: number
  readonly band: HealthBand
}

/** A signal the customer carried at the previous evaluation is gone; `lastSeen` is how it looked then. */
export interface SignalCleared {
  readonly type: 'SignalCleared'
  readonly customerId: string
  readonly asOf: string
  readonly kind: SignalKind
  readonly lastSeen: Signal
  readonly lastSeenAsOf: string
  readonly health: number
  readonly band: HealthBand
}

/** The customer moved to another health band. */
export interface HealthBandChanged {
  readonly type: 'HealthBandChanged'
  readonly customerId: string
  readonly asOf: string
  readonly from: HealthBand
  readonly to: HealthBand
  readonly health: number
  readonly previousHealth: number
}

export type ChurnAlert = SignalRaised | SignalCleared | HealthBandChanged

/**
 * The alerts between two evaluations of one customer: signals raised, signals cleared, and a band change.
 * With no previous evaluation every signal counts as raised. Pure.
 */
export const alertsBetween = (
  previous: CustomerEvaluation | undefined,
  current: CustomerEvaluation,
): ChurnAlert[] => {
  const { customerId, asOf, health, band } = current
  const before = new Map((previous?.signals ?? []).map((s) => [s.kind, s]))
  const now = new Set(current.signals.map((s) => s.kind))
  const alerts: ChurnAlert[] = []
  for (const signal of current.signals)
    if (!before.has(signal.kind))
      alerts.push({ type: 'SignalRaised', customerId, asOf, signal, health, band })
  for (const [kind, lastSeen] of before)
    if (!now.has(kind) && previous !== undefined)
      alerts.push({
        type: 'SignalCleared',
        customerId,
        asOf,
        kind,
        lastSeen,
        lastSeenAsOf: previous.asOf,
        health,
        band,
      })
  if (previous !== undefined && previous.band !== band)
    alerts.push({
      type: 'HealthBandChanged',
      customerId,
      asOf,
      from: previous.band,
      to: band,
      health,
      previousHealth: previous.health,
    })
  return alerts
}

/** One step of the monitor: the portfolio as of an instant and the alerts since the previous instant. */
export interface MonitorStep {
  readonly asOf: string
  readonly alerts: readonly ChurnAlert[]
  readonly portfolio: PortfolioEvaluation
}

/**
 * Evaluates the portfolio at successive instants, folding each event once, and yields the alerts between each
 * evaluation and the one before. Events may come in any store order; each instant sees exactly the events that
 * occurred up to it. Forgotten customers leave without alerts.
 */
export function* monitorChurn(
  events: Iterable<JourneyEvent>,
  instants: readonly string[],
  options: Omit<PortfolioOptions, 'previous'> = {},
): Generator<MonitorStep> {
  const timed = Array.from(events, (event) => ({ event, ms: businessTimeMs(event.occurredAt) }))
  timed.sort((a, b) => a.ms - b.ms)
  const steps = instants.map((asOf) => ({ asOf, ms: asOfBound(asOf) })).sort((a, b) => a.ms - b.ms)
  const partitions = new Map<string, ChurnFacts>()
  let previous = new Map<string, CustomerEvaluation>()
  let next = 0
  for (const step of steps) {
    for (; next < timed.length && (timed[next]?.ms ?? Infinity) <= step.ms; next++) {
      const item = timed[next]
      if (item === undefined) continue
      let facts = partitions.get(item.event.customerId)
      if (facts === undefined) {
        facts = initialChurnFacts()
        partitions.set(item.event.customerId, facts)
      }
      applyChurnEvent(facts, item.event)
    }
    const previousHealth = new Map<string, PreviousHealth>(
      Array.from(previous, ([id, e]) => [id, { health: e.health, asOf: e.asOf }]),
    )
    const portfolio = evaluatePortfolio(partitions, step.asOf, { ...options, previous: previousHealth })
    const alerts = portfolio.evaluations.flatMap((e) => alertsBetween(previous.get(e.customerId), e))
    previous = new Map(portfolio.evaluations.map((e) => [e.customerId, e]))
    yield { asOf: step.asOf, alerts, portfolio }
  }
}
