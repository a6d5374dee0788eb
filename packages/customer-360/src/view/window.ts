/** A time window (fromMs, toMs]: facts after `fromMs` and at or before `toMs`. Views use (-∞, asOf]. */
export interface Window {
  readonly fromMs: number
  readonly toMs: number
}

export const upTo = (toMs: number): Window => ({ fromMs: -Infinity, toMs })

export const inWindow = (ms: number | null, w: Window): ms is number =>
  ms !== null && ms > w.fromMs && ms <= w.toMs

/** Whether a fact at `ms` had happened by `asOfMs`. */
export const happened = (ms: number | null, asOfMs: number): ms is number => ms !== null && ms <= asOfMs

/** The earlier of two optional times. */
export const earliest = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.min(a, b)

export const HOUR_MS = 3_600_000

/** Orders strings by code unit (the same in every locale); for total, deterministic sorting. */
export const byText = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1

/** numerator / denominator, or null when there is nothing to divide by. */
export const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator

export const isoOrNull = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined || !Number.isFinite(ms) ? null : new Date(ms).toISOString()
