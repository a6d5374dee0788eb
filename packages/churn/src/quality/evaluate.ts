import type { JourneyEvent } from '@journeykit/core'
import { DAY_MS, asOfMs as asOfBound } from '@journeykit/core'
import { businessTimeMs } from '../facts/time.js'
import type { ChurnConfig } from '../config.js'
import type { ChurnFacts } from '../facts/types.js'
import { initialChurnFacts } from '../facts/types.js'
import { evaluatePortfolio } from '../portfolio.js'
import { applyChurnEvent } from '../projection.js'
import type { SignalKind } from '../signal.js'
import { rocAuc } from './auc.js'

export interface ChurnQualityOptions {
  /** Risk is evaluated as of this instant (a calendar date means the end of that day). */
  readonly asOf: string
  /** A customer churned if they placed no order in the `horizonDays` after `asOf`. */
  readonly horizonDays: number
  readonly config?: ChurnConfig
}

export interface ChurnQuality {
  readonly asOf: string
  readonly horizonDays: number
  /** Customers with at least one order up to `asOf` (the ones judged). */
  readonly customers: number
  /** Of them, those with no order in the horizon. */
  readonly churners: number
  readonly cadencePriorDays: number
  readonly auc: {
    /** The model: each customer's exact risk (before rounding to whole points). */
    readonly model: number
    /** The same risk in whole points, as shown (ties count one half). */
    readonly modelWholePoints: number
    /** Single-feature anchors, from the same events and label: days since the last order ... */
    readonly recency: number
    /** ... fewer orders ... */
    readonly frequency: number
    /** ... less spend (in the most common currency). */
    readonly monetary: number
  }
  /** How many of the judged customers carried each signal. */
  readonly signals: Readonly<Partial<Record<SignalKind, number>>>
}

interface Anchor {
  lastOrderMs: number
  orders: number
  spend: Record<string, number>
}

/**
 * How well the churn risk ranks churners, on any source of events (source-agnostic, one pass): risk as of
 * `asOf` from the events up to it, against "no order in the following `horizonDays`", as ROC AUC. The
 * single-feature anchors (recency, frequency, monetary) come from the same pass, to validate label and split.
 */
export const evaluateChurnQuality = (
  events: Iterable<JourneyEvent>,
  options: ChurnQualityOptions,
): ChurnQuality => {
  const asOfMs = asOfBound(options.asOf)
  const horizonEndMs = asOfMs + options.horizonDays * DAY_MS
  const partitions = new Map<string, ChurnFacts>()
  const anchors = new Map<string, Anchor>()
  const boughtLater = new Set<string>()
  const currencies: Record<string, number> = {}
  for (const event of events) {
    const ms = businessTimeMs(event.occurredAt)
    if (ms > asOfMs) {
      if (event.type === 'OrderPlaced' && ms <= horizonEndMs) boughtLater.add(event.customerId)
      continue
    }
    let facts = partitions.get(event.customerId)
    if (facts === undefined) {
      facts = initialChurnFacts()
      partitions.set(event.customerId, facts)
    }
    applyChurnEvent(facts, event)
    if (event.type !== 'OrderPlaced') continue
    const a = anchors.get(event.customerId) ?? { lastOrderMs: ms, orders: 0, spend: {} }
    a.lastOrderMs = Math.max(a.lastOrderMs, ms)
    a.orders++
    a.spend[event.data.currency] = (a.spend[event.data.currency] ?? 0) + event.data.amount
    anchors.set(event.customerId, a)
    currencies[event.data.currency] = (currencies[event.data.currency] ?? 0) + 1
  }
  const currency = Object.entries(currencies).sort((x, y) => y[1] - x[1])[0]?.[0] ?? ''
  const portfolio = evaluatePortfolio(
    partitions,
    options.asOf,
    options.config ? { config: options.config } : {},
  )
  const judged = portfolio.evaluations.filter((e) => anchors.has(e.customerId))
  const labels = judged.map((e) => !boughtLater.has(e.customerId))
  const anchorOf = (id: string): Anchor => anchors.get(id) ?? { lastOrderMs: asOfMs, orders: 0, spend: {} }
  const signals: Partial<Record<SignalKind, number>> = {}
  for (const e of judged) for (const s of e.signals) signals[s.kind] = (signals[s.kind] ?? 0) + 1
  return {
    asOf: options.asOf,
    horizonDays: options.horizonDays,
    customers: judged.length,
    churners: labels.filter(Boolean).length,
    cadencePriorDays: portfolio.cadencePriorDays,
    auc: {
      model: rocAuc(
        judged.map((e) => e.riskExact),
        labels,
      ),
      modelWholePoints: rocAuc(
        judged.map((e) => e.risk),
        labels,
      ),
      recency: rocAuc(
        judged.map((e) => asOfMs - anchorOf(e.customerId).lastOrderMs),
        labels,
      ),
      frequency: rocAuc(
        judged.map((e) => -anchorOf(e.customerId).orders),
        labels,
      ),
      monetary: rocAuc(
        judged.map((e) => -(anchorOf(e.customerId).spend[currency] ?? 0)),
        labels,
      ),
    },
    signals,
  }
}
