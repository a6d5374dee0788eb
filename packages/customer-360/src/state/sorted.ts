/** Something that happened at an epoch time. */
export interface Stamped {
  readonly at: number
}

/** The empty list every bounded list starts as (shared, frozen: lists are replaced, never changed in place). */
export const EMPTY: readonly never[] = Object.freeze([])

/**
 * A new array of exactly the right size: `list` from index `from` on, with `items` inserted before index `at`.
 * (A copy loop: `concat` and pushes are several times slower, and a pushed-to array reserves room for 17 items.)
 */
export const copyWith = <T>(list: readonly T[], from: number, at: number, ...items: T[]): T[] => {
  const out = new Array<T>(list.length - from + items.length)
  let o = 0
  for (let i = from; i < at; i++) out[o++] = list[i] as T
  for (const item of items) out[o++] = item
  for (let i = at; i < list.length; i++) out[o++] = list[i] as T
  return out
}

/**
 * `list` with `item` inserted by time (ties keep arrival order), as a new array of exactly the right size, without
 * its oldest item when that makes it longer than `cap`. Lists are small and bounded, so copying is cheap, and
 * exact-size arrays keep the memory per customer low (a pushed-to array reserves room for 17 items).
 */
export const insertSorted = <T extends Stamped>(list: readonly T[], item: T, cap: number): readonly T[] => {
  let i = list.length
  while (i > 0 && (list[i - 1]?.at ?? -Infinity) > item.at) i--
  const from = list.length + 1 > cap ? 1 : 0
  if (i === 0 && from === 1) return list
  return copyWith(list, from, i, item)
}

/** Index of the last item at or before `asOfMs`, or -1 (the list is sorted by `at`). */
export const lastIndexAsOf = (list: readonly Stamped[], asOfMs: number): number => {
  let i = list.length - 1
  while (i >= 0 && (list[i]?.at ?? Infinity) > asOfMs) i--
  return i
}

/** The last item at or before `asOfMs`. */
export const latestAsOf = <T extends Stamped>(list: readonly T[], asOfMs: number): T | undefined =>
  list[lastIndexAsOf(list, asOfMs)]

/** The items at or before `asOfMs`, oldest first. */
export const itemsAsOf = <T extends Stamped>(list: readonly T[], asOfMs: number): T[] =>
  list.slice(0, lastIndexAsOf(list, asOfMs) + 1)
