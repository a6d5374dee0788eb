import type { BandLimits, ChurnConfig } from './config.js'
import type { Signal, SignalKind } from './signal.js'
import { signalKinds } from './signal.js'

/** A signal's share of the risk: whole points, which add up to the customer's risk exactly. */
export interface Contribution {
  readonly kind: SignalKind
  /** Risk points the signal would add alone: weight × severity. */
  readonly rawPoints: number
  readonly points: number
}

export const healthBands = ['healthy', 'watch', 'at_risk', 'critical'] as const
export type HealthBand = (typeof healthBands)[number]

export interface HealthScore {
  /** 0-100, higher is healthier: 100 - risk. */
  readonly health: number
  /** 0-100 whole points: the sum of the contributions. */
  readonly risk: number
  /** The risk before rounding, for ranking customers with the same whole-point risk. */
  readonly riskExact: number
  readonly band: HealthBand
  /** Largest first; their points add up to `risk`. */
  readonly contributions: readonly Contribution[]
}

export const bandOf = (risk: number, bands: BandLimits): HealthBand =>
  risk >= bands.critical
    ? 'critical'
    : risk >= bands.atRisk
      ? 'at_risk'
      : risk >= bands.watch
        ? 'watch'
        : 'healthy'

const kindOrder = (kind: SignalKind): number => signalKinds.indexOf(kind)

/**
 * Combines signals into a score. Each signal alone would put `weight × severity` points of risk on the customer
 * (read as a probability of losing them, in percent); signals combine like independent causes (a noisy-OR):
 *
 *     riskExact = 100 × (1 − Π (1 − weight × severity / 100))
 *
 * so risk never exceeds 100, every signal only ever adds risk, and two weak signals add less than their sum.
 * The whole-point risk (riskExact rounded) is then shared among the signals in proportion to their raw points,
 * by largest remainders, so the contributions are whole points that add up to the risk exactly.
 */
export const scoreSignals = (signals: readonly Signal[], config: ChurnConfig): HealthScore => {
  const raw = signals.map((s) => ({ kind: s.kind, rawPoints: config.weights[s.kind] * s.severity }))
  const keep = raw.reduce((p, r) => p * (1 - r.rawPoints / 100), 1)
  const riskExact = Math.min(100, Math.max(0, 100 * (1 - keep)))
  const risk = Math.round(riskExact)
  const totalRaw = raw.reduce((sum, r) => sum + r.rawPoints, 0)
  const shares = raw.map((r) => {
    const quota = totalRaw > 0 ? (risk * r.rawPoints) / totalRaw : 0
    return { ...r, points: Math.floor(quota), remainder: quota - Math.floor(quota) }
  })
  let left = risk - shares.reduce((sum, s) => sum + s.points, 0)
  const byRemainder = [...shares].sort(
    (a, b) => b.remainder - a.remainder || b.rawPoints - a.rawPoints || kindOrder(a.kind) - kindOrder(b.kind),
  )
  for (const share of byRemainder) {
    if (left <= 0) break
    share.points++
    left--
  }
  const contributions = shares
    .map(({ kind, rawPoints, points }) => ({ kind, rawPoints: Math.round(rawPoints * 100) / 100, points }))
    .sort((a, b) => b.points - a.points || b.rawPoints - a.rawPoints || kindOrder(a.kind) - kindOrder(b.kind))
  return { health: 100 - risk, risk, riskExact, band: bandOf(risk, config.bands), contributions }
}

export type TrendDirection = 'improving' | 'steady' | 'worsening' | 'new'

export interface HealthTrend {
  readonly direction: TrendDirection
  /** Health now minus health at the previous evaluation (0 when there is none). */
  readonly delta: number
  readonly previousHealth: number | undefined
  readonly previousAsOf: string | undefined
}

/** The trend against a previous evaluation: a move of at least `trendMinDelta` health points counts. */
export const trendOf = (
  health: number,
  previous: { readonly health: number; readonly asOf: string } | undefined,
  config: ChurnConfig,
): HealthTrend => {
  if (previous === undefined)
    return { direction: 'new', delta: 0, previousHealth: undefined, previousAsOf: undefined }
  const delta = health - previous.health
  const direction: TrendDirection =
    delta >= config.trendMinDelta && delta > 0
      ? 'improving'
      : -delta >= config.trendMinDelta && delta < 0
        ? 'worsening'
        : 'steady'
  return { direction, delta, previousHealth: previous.health, previousAsOf: previous.asOf }
}
