import type { Dict } from './dict.js'
import { dict, lookup } from './dict.js'
import type { Tally } from './tally.js'
import { addTally } from './tally.js'

/** What archiving a record gives: its tally and the latest time of its facts. */
export interface Archived<A extends Tally> {
  readonly tally: A
  readonly lastMs: number
}

/**
 * Records of one kind (orders, inquiries, ...) by id, bounded: when a customer has more than the limit, the
 * oldest record is archived, i.e. its contribution to the view's counts is added to `archive` and the record is
 * dropped. `archivedUntilMs` is the latest time of any archived fact: the archive counts in as-of queries at or
 * after it.
 */
export interface Table<R, A extends Tally> {
  readonly byId: Dict<R>
  size: number
  archive: A | null
  archivedUntilMs: number | null
}

export const table = <R, A extends Tally>(): Table<R, A> => ({
  byId: dict<R>(),
  size: 0,
  archive: null,
  archivedUntilMs: null,
})

export const findRecord = <R, A extends Tally>(t: Table<R, A> | null, id: string): R | undefined =>
  t === null ? undefined : lookup(t.byId, id)

export const addRecord = <R, A extends Tally>(t: Table<R, A>, id: string, record: R): void => {
  t.byId[id] = record
  t.size++
}

/** The kept records, in insertion order (integer-like ids first). */
export const recordsOf = <R, A extends Tally>(t: Table<R, A> | null): R[] =>
  t === null ? [] : Object.values(t.byId)

/**
 * Archives the first record (the oldest, except that integer-like ids come first) when the table holds more than
 * `cap` (never `keep`, the record just added): `summarize` gives its tally, which is added to the archive. Returns
 * the archive horizon when it archived.
 */
export const archiveOverflow = <R, A extends Tally, C>(
  t: Table<R, A>,
  cap: number,
  summarize: (record: R, id: string, context: C) => Archived<A>,
  context: C,
  keep?: string,
): number | undefined => {
  if (t.size <= cap) return undefined
  for (const id in t.byId) {
    const record = t.byId[id]
    if (record === undefined || id === keep) continue
    const { tally, lastMs } = summarize(record, id, context)
    if (t.archive === null) t.archive = tally
    else addTally(t.archive, tally)
    delete t.byId[id]
    t.size--
    const until = t.archivedUntilMs === null ? lastMs : Math.max(t.archivedUntilMs, lastMs)
    t.archivedUntilMs = until
    return until
  }
  return undefined
}

/** The archive's tally if it counts as of `asOfMs` (it holds facts up to `archivedUntilMs`). */
export const archiveAsOf = <R, A extends Tally>(t: Table<R, A> | null, asOfMs: number): A | null =>
  t !== null && t.archive !== null && t.archivedUntilMs !== null && asOfMs >= t.archivedUntilMs
    ? t.archive
    : null
