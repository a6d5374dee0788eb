import type { ChurnFacts } from './facts/types.js'
import type { ChurnThresholds } from './config.js'

/** Every kind of churn signal, in the order the catalogue evaluates them. docs/churn-signals.md explains each. */
export const signalKinds = [
  'purchase-lapse',
  'early-relationship',
  'purchase-frequency-falling',
  'spend-falling',
  'abandoned-contact-unanswered',
  'inquiry-past-sla',
  'complaint-unresolved',
  'support-spike',
  'delivery-late-or-failed',
  'detractor-nps',
  'low-csat',
  'scores-falling',
  'payment-failed',
  'invoice-overdue',
  'champion-left',
  'key-contact-left',
  'contract-ending-unrenewed',
  'subscription-cancelled',
  'order-cancelled',
  'campaign-disengaged',
  'unsubscribed',
  'consent-withdrawn',
  'no-owner',
] as const
export type SignalKind = (typeof signalKinds)[number]

export const isSignalKind = (s: string): s is SignalKind => signalKinds.some((k) => k === s)

/** Why a signal fired: the events behind it, the values measured and the thresholds they crossed. */
export interface Evidence {
  /** Ids of the events behind the signal, most telling first (at most `maxEvidenceIds`). */
  readonly eventIds: readonly string[]
  readonly values: Readonly<Record<string, number | string>>
  readonly thresholds: Readonly<Record<string, number | string>>
}

/** A churn signal raised for a customer as of an instant. */
export interface Signal {
  readonly kind: SignalKind
  /** How strongly it fires, in (0, 1]; the signal adds `weight × severity` risk points before combining. */
  readonly severity: number
  /** One sentence a person can act on. */
  readonly summary: string
  readonly evidence: Evidence
}

/** A pure rule: the signal the facts raise as of `asOfMs` under these thresholds, or undefined. */
export type SignalRule = (
  facts: ChurnFacts,
  asOfMs: number,
  thresholds: ChurnThresholds,
) => Signal | undefined

/** Rounds a measured value for evidence: at most `digits` decimals. */
export const rounded = (n: number, digits = 2): number => {
  const f = 10 ** digits
  return Math.round(n * f) / f
}

/** Builds a signal, keeping severity within (0, 1] and the evidence list within bounds. */
export const signal = (
  kind: SignalKind,
  severity: number,
  summary: string,
  eventIds: readonly string[],
  values: Readonly<Record<string, number | string>>,
  thresholds: ChurnThresholds,
  crossed: Readonly<Record<string, number | string>>,
): Signal | undefined => {
  if (!(severity > 0)) return undefined
  return {
    kind,
    severity: Math.min(1, rounded(severity, 4)),
    summary,
    evidence: { eventIds: eventIds.slice(0, thresholds.maxEvidenceIds), values, thresholds: crossed },
  }
}
