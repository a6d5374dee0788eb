import type { Customer360Options } from '../options.js'
import { dict, lookup } from '../state/dict.js'
import type { Stamped } from '../state/sorted.js'
import { insertSorted } from '../state/sorted.js'
import type { ArchivedChannel, Customer360State } from '../state/state.js'
import type { Archived, Table } from '../state/table.js'
import { addRecord, archiveOverflow, findRecord } from '../state/table.js'
import type { Tally } from '../state/tally.js'
import type { TimeCounter } from '../state/time-counter.js'
import { countAt, timeCounter } from '../state/time-counter.js'

/** Applies one event, whose occurredAt is `at` (epoch ms), to a customer's state. */
export type Apply<E> = (s: Customer360State, e: E, at: number, o: Customer360Options) => void

/** What archiving a record needs: the customer's state and the options. */
export interface Context {
  readonly s: Customer360State
  readonly o: Customer360Options
}

/** Bookkeeping for every event: which customer, how many events, first and latest time, late arrivals. */
export const begin = (s: Customer360State, customerId: string, at: number): void => {
  if (s.events === 0) s.customerId = customerId
  s.events++
  if (s.firstMs === null || at < s.firstMs) s.firstMs = at
  if (s.latestMs === null || at >= s.latestMs) s.latestMs = at
  else s.lateEvents++
}

/** As-of queries before `ms` may now be approximate. */
export const extendHorizon = (s: Customer360State, ms: number | undefined): void => {
  if (ms !== undefined && (s.horizonMs === null || ms > s.horizonMs)) s.horizonMs = ms
}

/**
 * The bounded history `list` with `item` added (the list to keep: see `insertSorted`); dropping the oldest change
 * makes earlier as-of queries approximate.
 */
export const remember = <T extends Stamped>(s: Customer360State, list: T[], item: T, cap: number): T[] => {
  const full = list.length >= cap
  const next = insertSorted(list, item, cap)
  if (full) extendHorizon(s, next[0]?.at ?? item.at)
  return next
}

export const tick = (s: Customer360State, counter: TimeCounter, at: number, o: Customer360Options): void => {
  extendHorizon(s, countAt(counter, at, o.limits.times))
}

/** Counts an event on a channel in a per-channel counter. */
export const tickChannel = (
  s: Customer360State,
  counters: Record<string, TimeCounter>,
  channel: string,
  at: number,
  o: Customer360Options,
): void => {
  let counter = lookup(counters, channel)
  if (counter === undefined) {
    counter = timeCounter()
    counters[channel] = counter
  }
  tick(s, counter, at, o)
}

const consentKeys = new Map<string, Map<string, string>>()
const CONSENT_KEYS_LIMIT = 4096
let consentKeyCount = 0

/**
 * The key of a consent, `channel/purpose`: one string per pair, made once (a key built per event is a new string
 * that the state's record must hash and intern first; a known key is found at once).
 */
export const consentKey = (channel: string, purpose: string): string => {
  const known = consentKeys.get(channel)?.get(purpose)
  if (known !== undefined) return known
  if (consentKeyCount >= CONSENT_KEYS_LIMIT) {
    consentKeys.clear()
    consentKeyCount = 0
  }
  let byPurpose = consentKeys.get(channel)
  if (byPurpose === undefined) consentKeys.set(channel, (byPurpose = new Map()))
  const key = `${channel}/${purpose}`
  byPurpose.set(purpose, key)
  consentKeyCount++
  return key
}

/** Keeps the channel contribution of an archived record (channel mix counts it from then on). */
export const archiveChannel = (
  s: Customer360State,
  channel: string | null,
  direction: keyof ArchivedChannel,
): void => {
  if (channel === null) return
  const archived = (s.archivedChannels ??= dict())
  let counts = lookup(archived, channel)
  if (counts === undefined) {
    counts = { inbound: 0, outbound: 0, orders: 0 }
    archived[channel] = counts
  }
  counts[direction]++
}

/**
 * The record `id` of a table, created by `create` when new (then the table may archive its oldest record, which
 * `summarize` turns into a tally).
 */
export const recordIn = <R, A extends Tally>(
  s: Customer360State,
  t: Table<R, A>,
  id: string,
  at: number,
  o: Customer360Options,
  create: () => R,
  summarize: (record: R, id: string, context: Context) => Archived<A>,
): R => {
  let record = findRecord(t, id)
  if (record === undefined) {
    record = create()
    addRecord(t, id, record)
    if (t.size > o.limits.records)
      extendHorizon(s, archiveOverflow(t, o.limits.records, summarize, { s, o }, id))
  }
  return record
}

/** The window a record is archived with: everything up to the latest event folded. */
export const untilLatest = (s: Customer360State) => ({ fromMs: -Infinity, toMs: s.latestMs ?? Infinity })
