import type { SignalKind } from './signal.js'
import { signalKinds } from './signal.js'

/** Every threshold the rules use. docs/churn-signals.md gives the reason for each default. */
export interface ChurnThresholds {
  /** Typical gap between purchases, in days, when the portfolio cannot tell (fewer than 30 repeat buyers). */
  readonly cadencePriorDays: number
  /** How many gaps of the typical rhythm a customer's own cadence is blended with. */
  readonly cadencePriorGaps: number
  /** purchase-lapse: silence of at least this many of the customer's expected gaps ... */
  readonly lapseMinGaps: number
  /** ... and at least this probability that they have stopped buying. */
  readonly lapseMinProbability: number
  /** early-relationship: fewer purchases than this. */
  readonly establishedPurchases: number
  /** Trend windows hold this many expected gaps ... */
  readonly trendWindowGaps: number
  /** ... and at most this many days (and at most half the relationship). */
  readonly trendMaxWindowDays: number
  /** A trend falls when the recent window has at most (1 - this) of the earlier one. */
  readonly trendMinDrop: number
  /** The earlier window needs at least this many purchase days to judge a fall. */
  readonly trendMinEarlierPurchases: number
  /** An abandoned contact must be followed up within this many hours. */
  readonly followUpHours: number
  /** This many unanswered abandoned contacts (or missed callbacks) give full severity. */
  readonly abandonedFullCount: number
  /** SLA of an inquiry that carries none, in hours. */
  readonly inquirySlaHours: number
  /** This many inquiries past SLA give full severity. */
  readonly inquiryFullCount: number
  /** Open items (inquiries, abandoned contacts, complaints, invoices) older than this many days are ignored. */
  readonly staleAfterDays: number
  /** Lookback for recent negative surprises: deliveries, order cancellations, payment failures. */
  readonly recentDays: number
  /** Late deliveries (a failed one counts twice) for full severity. */
  readonly deliveryFullCount: number
  readonly surveyLookbackDays: number
  /** NPS at or below this is a detractor (the NPS convention: 0-6). */
  readonly detractorMaxNps: number
  /** CSAT at or below this is low (1-5 scale). */
  readonly lowCsatMax: number
  /** scores-falling: a fall of at least this on the 0-1 survey scale (0.2 = 2 NPS points, ~1 CSAT point). */
  readonly scoreMinDrop: number
  /** An invoice this many days overdue gives full severity. */
  readonly overdueFullDays: number
  readonly paymentFailureFullCount: number
  /** How long a contact person leaving (or a cancellation) stays a signal, in days. */
  readonly relationshipLookbackDays: number
  /** Renewal activity is expected within this many days before a contract ends. */
  readonly renewalNoticeDays: number
  readonly spikeWindowDays: number
  readonly spikeBaselineDays: number
  readonly spikeMinContacts: number
  /** The recent contact rate must be at least this multiple of the customer's own baseline rate. */
  readonly spikeRatio: number
  /** Campaigns received since the last open, click or conversion. */
  readonly disengagedAfterCampaigns: number
  /** Lookback for unsubscribes and consent withdrawals, in days. */
  readonly marketingLookbackDays: number
  readonly maxEvidenceIds: number
}

export const defaultThresholds: ChurnThresholds = {
  cadencePriorDays: 90,
  cadencePriorGaps: 1,
  lapseMinGaps: 1,
  lapseMinProbability: 0.5,
  establishedPurchases: 3,
  trendWindowGaps: 3,
  trendMaxWindowDays: 365,
  trendMinDrop: 0.5,
  trendMinEarlierPurchases: 2,
  followUpHours: 24,
  abandonedFullCount: 2,
  inquirySlaHours: 24,
  inquiryFullCount: 2,
  staleAfterDays: 365,
  recentDays: 90,
  deliveryFullCount: 2,
  surveyLookbackDays: 180,
  detractorMaxNps: 6,
  lowCsatMax: 2,
  scoreMinDrop: 0.2,
  overdueFullDays: 60,
  paymentFailureFullCount: 2,
  relationshipLookbackDays: 365,
  renewalNoticeDays: 90,
  spikeWindowDays: 14,
  spikeBaselineDays: 180,
  spikeMinContacts: 3,
  spikeRatio: 3,
  disengagedAfterCampaigns: 5,
  marketingLookbackDays: 180,
  maxEvidenceIds: 10,
}

/** Risk points each signal adds at full severity (0-100). docs/churn-signals.md justifies each. */
export type ChurnWeights = Readonly<Record<SignalKind, number>>

export const defaultWeights: ChurnWeights = {
  'purchase-lapse': 60,
  'early-relationship': 60,
  'purchase-frequency-falling': 20,
  'spend-falling': 10,
  'abandoned-contact-unanswered': 20,
  'inquiry-past-sla': 20,
  'complaint-unresolved': 35,
  'support-spike': 15,
  'delivery-late-or-failed': 20,
  'detractor-nps': 30,
  'low-csat': 20,
  'scores-falling': 15,
  'payment-failed': 15,
  'invoice-overdue': 20,
  'champion-left': 35,
  'key-contact-left': 15,
  'contract-ending-unrenewed': 40,
  'subscription-cancelled': 70,
  'order-cancelled': 10,
  'campaign-disengaged': 5,
  unsubscribed: 10,
  'consent-withdrawn': 10,
  'no-owner': 10,
}

/** Lowest risk of each band above `healthy` (risk = 100 - health). */
export interface BandLimits {
  readonly watch: number
  readonly atRisk: number
  readonly critical: number
}

export const defaultBands: BandLimits = { watch: 25, atRisk: 50, critical: 75 }

export interface ChurnConfig {
  readonly thresholds: ChurnThresholds
  readonly weights: ChurnWeights
  readonly bands: BandLimits
  /** Health must move by at least this many points to count as improving or worsening. */
  readonly trendMinDelta: number
}

export const defaultChurnConfig: ChurnConfig = {
  thresholds: defaultThresholds,
  weights: defaultWeights,
  bands: defaultBands,
  trendMinDelta: 5,
}

export interface ChurnConfigOverrides {
  readonly thresholds?: Partial<ChurnThresholds>
  readonly weights?: Partial<ChurnWeights>
  readonly bands?: Partial<BandLimits>
  readonly trendMinDelta?: number
}

/** A configuration value that cannot work, with the field and the reason. */
export class InvalidChurnConfigError extends Error {
  readonly _tag = 'InvalidChurnConfig'
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`churn config ${field}: ${reason}`)
    this.name = 'InvalidChurnConfigError'
  }
}

const check = (field: string, value: number, ok: boolean, expected: string): void => {
  if (!Number.isFinite(value) || !ok)
    throw new InvalidChurnConfigError(field, `must be ${expected}, got ${value}`)
}

/** The defaults with `overrides` applied; throws InvalidChurnConfigError (and builds nothing) on a bad value. */
export const churnConfig = (overrides: ChurnConfigOverrides = {}): ChurnConfig => {
  const thresholds: ChurnThresholds = { ...defaultThresholds, ...overrides.thresholds }
  const weights: ChurnWeights = { ...defaultWeights, ...overrides.weights }
  const bands: BandLimits = { ...defaultBands, ...overrides.bands }
  const trendMinDelta = overrides.trendMinDelta ?? defaultChurnConfig.trendMinDelta
  for (const [key, value] of Object.entries(thresholds))
    check(`thresholds.${key}`, value, value >= 0, 'a finite number ≥ 0')
  for (const kind of signalKinds)
    check(`weights.${kind}`, weights[kind], weights[kind] >= 0 && weights[kind] <= 100, 'from 0 to 100')
  for (const key of Object.keys(overrides.weights ?? {}))
    if (!signalKinds.some((k) => k === key))
      throw new InvalidChurnConfigError(`weights.${key}`, 'is no signal kind')
  check('thresholds.cadencePriorDays', thresholds.cadencePriorDays, thresholds.cadencePriorDays > 0, '> 0')
  check('thresholds.trendMinDrop', thresholds.trendMinDrop, thresholds.trendMinDrop <= 1, 'at most 1')
  check(
    'bands',
    bands.critical,
    0 <= bands.watch &&
      bands.watch <= bands.atRisk &&
      bands.atRisk <= bands.critical &&
      bands.critical <= 100,
    'ordered 0 ≤ watch ≤ atRisk ≤ critical ≤ 100',
  )
  check('trendMinDelta', trendMinDelta, trendMinDelta >= 0, '≥ 0')
  return { thresholds, weights, bands, trendMinDelta }
}
