import type { TimedRef } from './types.js'

/** Whether `a` happened before `b`: by business time, then by event id (a total, store-independent order). */
export const isBefore = (a: TimedRef, b: TimedRef): boolean => a.ms < b.ms || (a.ms === b.ms && a.id < b.id)

/** Whether the event at `ms` with id `id` happened before `ref` (the order of `isBefore`, without a ref). */
export const happenedBefore = (ms: number, id: string, ref: TimedRef): boolean =>
  ms < ref.ms || (ms === ref.ms && id < ref.id)

/** The later of two refs (either may be missing). */
export const laterOf = <T extends TimedRef>(a: T | undefined, b: T): T =>
  a === undefined || isBefore(a, b) ? b : a

/** The earlier of two refs (either may be missing). */
export const earlierOf = <T extends TimedRef>(a: T | undefined, b: T): T =>
  a === undefined || isBefore(b, a) ? b : a

/** Inserts `item` before index `at`, in place (`splice` would allocate the array of removed items). */
const insertAt = <T>(list: T[], at: number, item: T): void => {
  list.push(item)
  for (let i = list.length - 1; i > at; i--) list[i] = list[i - 1] as T
  list[at] = item
}

/** Removes the item at index `at`, in place. */
const removeAt = <T>(list: T[], at: number): void => {
  for (let i = at + 1; i < list.length; i++) list[i - 1] = list[i] as T
  list.pop()
}

/**
 * Inserts `item` into `list` (kept oldest first) and drops the oldest item beyond `max`. Appending in time order
 * costs O(1); an out-of-order item is placed by a short scan from the end. An item with the id of one already
 * held is ignored (a replayed event changes nothing).
 */
export const insertRecent = <T extends TimedRef>(list: T[], item: T, max: number): void => {
  let i = list.length
  while (i > 0) {
    const previous = list[i - 1]
    if (previous === undefined || !isBefore(item, previous)) break
    i--
  }
  const before = list[i - 1]
  if (before !== undefined && before.id === item.id) return
  insertAt(list, i, item)
  if (list.length > max) list.shift()
}

/** Counts items after `afterMs` and up to `toMs` inclusive. */
export const countBetween = (list: readonly TimedRef[], afterMs: number, toMs: number): number => {
  let n = 0
  for (const item of list) if (item.ms > afterMs && item.ms <= toMs) n++
  return n
}

/** The latest business time among an entry's parts (the refs it holds; missing ones count as never). */
export const latestPartMs = (
  a: TimedRef | undefined,
  b: TimedRef | undefined,
  c: TimedRef | undefined = undefined,
): number => {
  let ms = Number.NEGATIVE_INFINITY
  if (a !== undefined && a.ms > ms) ms = a.ms
  if (b !== undefined && b.ms > ms) ms = b.ms
  if (c !== undefined && c.ms > ms) ms = c.ms
  return ms
}

/**
 * The entry under `key` in `list` (kept sorted by key), created when missing. Creating one beyond `max` entries
 * drops the entry whose time (`timeOf`) is earliest (ties by key), so the most recent entries stay whatever
 * order they arrived in.
 */
export const keyed = <V extends { readonly key: string }>(
  list: V[],
  key: string,
  create: (key: string) => V,
  max: number,
  timeOf: (value: V) => number,
): V => {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((list[mid]?.key ?? '') < key) lo = mid + 1
    else hi = mid
  }
  const found = list[lo]
  if (found !== undefined && found.key === key) return found
  const value = create(key)
  insertAt(list, lo, value)
  if (list.length > max) {
    let oldest = -1
    let oldestMs = Number.POSITIVE_INFINITY
    for (let i = 0; i < list.length; i++) {
      const item = list[i]
      if (item === undefined || item === value) continue
      const ms = timeOf(item)
      if (oldest < 0 || ms < oldestMs) {
        oldest = i
        oldestMs = ms
      }
    }
    if (oldest >= 0) removeAt(list, oldest)
  }
  return value
}

/** The entries of a keyed map in key order. */
export const entriesByKey = <V>(record: Readonly<Record<string, V>>): [string, V][] =>
  Object.keys(record)
    .sort()
    .flatMap((key): [string, V][] => {
      const value = record[key]
      return value === undefined ? [] : [[key, value]]
    })
