import type { Customer360Options } from '../options.js'
import type { Customer360State } from '../state/state.js'

/** The customer 360 states by customer id: `partitions` of the projection's state (foldProjection, runner). */
export type Customer360Partitions = ReadonlyMap<string, Customer360State>

/** Cumulative shares of ranked customers per tier: top 10%, then up to 30% high, up to 70% medium, rest low. */
export interface TierShares {
  readonly top: number
  readonly high: number
  readonly medium: number
}

export const defaultTierShares: TierShares = { top: 0.1, high: 0.3, medium: 0.7 }

export interface QueryOptions {
  /** The options the projection was built with (`projection.options`). Default: the defaults. */
  readonly options?: Customer360Options
  readonly tierShares?: TierShares
}

/** The customers whose first event occurred by the instant. */
export const knownBy = function* (
  partitions: Customer360Partitions,
  asOfMs: number,
): Generator<readonly [string, Customer360State]> {
  for (const [id, s] of partitions) if (s.firstMs !== null && s.firstMs <= asOfMs) yield [id, s]
}
