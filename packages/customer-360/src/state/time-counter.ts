import { EMPTY, copyWith, dropFirstInsert } from './sorted.js'

/**
 * Counts events over time so that "how many up to instant t" has an exact answer for recent instants with bounded
 * memory: the most recent `cap` event times are kept sorted; older ones are merged into `base`, which counts for
 * any instant at or after `baseUntilMs` (the latest merged time). Before that instant the count is approximate
 * (merged events are left out).
 */
export interface TimeCounter {
  times: number[]
  base: number
  baseUntilMs: number | null
}

export const timeCounter = (): TimeCounter => ({ times: EMPTY, base: 0, baseUntilMs: null })

/**
 * Records one event at `atMs`; returns the merge horizon when the counter had to merge an old time. Below the cap
 * the times are copied into an exact-size array; a full counter is changed in place.
 */
export const countAt = (counter: TimeCounter, atMs: number, cap: number): number | undefined => {
  const times = counter.times
  let i = times.length
  while (i > 0 && (times[i - 1] ?? -Infinity) > atMs) i--
  if (times.length < cap) {
    counter.times = copyWith(times, 0, i, atMs)
    return undefined
  }
  const merged = i === 0 ? atMs : (times[0] ?? atMs)
  if (i > 0) dropFirstInsert(times, i, atMs)
  counter.base++
  counter.baseUntilMs =
    counter.baseUntilMs === null || merged > counter.baseUntilMs ? merged : counter.baseUntilMs
  return counter.baseUntilMs
}

/** Number of kept times at or before `asOfMs` (binary search). */
const keptUpTo = (times: readonly number[], asOfMs: number): number => {
  let lo = 0
  let hi = times.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((times[mid] ?? Infinity) <= asOfMs) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Events at or before `asOfMs`. */
export const countUpTo = (counter: TimeCounter | null, asOfMs: number): number => {
  if (counter === null) return 0
  const merged = counter.baseUntilMs !== null && asOfMs >= counter.baseUntilMs ? counter.base : 0
  return merged + keptUpTo(counter.times, asOfMs)
}

/** Events in the window (fromMs, toMs]. */
export const countBetween = (counter: TimeCounter | null, fromMs: number, toMs: number): number =>
  toMs <= fromMs ? 0 : countUpTo(counter, toMs) - countUpTo(counter, fromMs)

/** The time of the last event at or before `asOfMs`, if it is known. */
export const lastUpTo = (counter: TimeCounter | null, asOfMs: number): number | undefined => {
  if (counter === null) return undefined
  const n = keptUpTo(counter.times, asOfMs)
  if (n > 0) return counter.times[n - 1]
  return counter.baseUntilMs !== null && counter.baseUntilMs <= asOfMs ? counter.baseUntilMs : undefined
}
