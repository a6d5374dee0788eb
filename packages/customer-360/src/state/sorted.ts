/** Something that happened at an epoch time. */
export interface Stamped {
  readonly at: number
}

/**
 * The empty list every bounded list starts as: shared and frozen, so the first insertion replaces it (lists grow
 * by exact-size copies; only a full list is changed in place).
 */
export const EMPTY: never[] = []
Object.freeze(EMPTY)

/**
 * A new array of exactly the right size: `list` from index `from` on, with `item` inserted before index `at`.
 * (A copy loop: `concat` and pushes are several times slower, and a pushed-to array reserves room for 17 items.)
 */
export const copyWith = <T>(list: readonly T[], from: number, at: number, item: T): T[] => {
  const out = new Array<T>(list.length - from + 1)
  let o = 0
  for (let i = from; i < at; i++) out[o++] = list[i] as T
  out[o++] = item
  for (let i = at; i < list.length; i++) out[o++] = list[i] as T
  return out
}

/** In place: drops `list[0]`, moves the items before index `at` down by one and puts `item` at `at - 1`. */
export const dropFirstInsert = <T>(list: T[], at: number, item: T): void => {
  for (let i = 1; i < at; i++) list[i - 1] = list[i] as T
  list[at - 1] = item
}

/**
 * The list to keep after inserting `item` by time (ties keep arrival order) and dropping the oldest item when that
 * makes it longer than `cap`. Below the cap it is a new array of exactly the right size (a pushed-to array
 * reserves room for 17 items; memory per customer matters more than copying a short list); a full list is changed
 * in place, without allocating (an item older than all of a full list's is dropped at once).
 */
export const insertSorted = <T extends Stamped>(list: T[], item: T, cap: number): T[] => {
  let i = list.length
  while (i > 0 && (list[i - 1]?.at ?? -Infinity) > item.at) i--
  if (list.length < cap) return copyWith(list, 0, i, item)
  if (i > 0) dropFirstInsert(list, i, item)
  return list
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
