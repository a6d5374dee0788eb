import type {
  AppendOptions,
  AppendResult,
  DeleteOptions,
  EventStore,
  ExpectedRevision,
  JourneyEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionMessage,
} from '@journeykit/core'
import {
  InvalidAppendError,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@journeykit/core'
import { MAX_POSITION, eventLog } from './event-log.js'

/**
 * Global positions of the memory store start at 128 and step by 16 per appended event: ordered and unique,
 * deliberately not contiguous, so that code assuming `+1` fails here before it fails in production. Imported
 * events (`importRecorded`) keep the positions they had in the store they came from.
 */
const POSITION_BASE = 128n
const POSITION_STRIDE = 16n

interface StreamEntry {
  readonly streamId: string
  /** Indexes into the global log, in revision order (revision = position in this array). */
  readonly indexes: number[]
  /** Events before this revision were soft-deleted. */
  truncatedBefore: number
  tombstoned: boolean
}

export interface MemoryEventStoreOptions {
  /** Default batch size for readAll and subscriptions. Default 512. */
  readonly batchSize?: number
}

export interface MemoryEventStore extends EventStore {
  /** Number of events in the global log (including soft-deleted ones). */
  readonly size: () => number
  /** Global position of the last event, or undefined when empty. */
  readonly lastPosition: () => bigint | undefined
  /** Names of all streams (including soft-deleted ones). */
  readonly streamIds: () => IterableIterator<string>
  /**
   * Adds already-recorded events (an NDJSON import, a copy of another store) keeping their global positions and
   * stream revisions. All or nothing: positions must increase beyond the store's last one and each stream's
   * revisions must continue it without a gap; otherwise `InvalidAppendError` and nothing is added. Later
   * appends continue after the highest position.
   */
  readonly importRecorded: (events: readonly RecordedEvent[]) => void
}

const streamRevision = (s: StreamEntry | undefined): bigint | 'no_stream' =>
  s === undefined || s.indexes.length === s.truncatedBefore ? 'no_stream' : BigInt(s.indexes.length - 1)

/**
 * The embedded event store: one process, no set-up, fast. Appends are atomic (all checks and writes happen
 * synchronously, so concurrent appends in one process never interleave). Events are kept column by column
 * (about 300 bytes each at a million events) and each read gives a fresh envelope; their `data` and `metadata`
 * are deep-frozen and shared between reads, so nobody changes history through a reference they kept.
 */
export const memoryEventStore = (options: MemoryEventStoreOptions = {}): MemoryEventStore => {
  const log = eventLog()
  const streams = new Map<string, StreamEntry>()
  const waiters = new Set<() => void>()
  const defaultBatch = options.batchSize ?? 512
  let closed = false

  const positionAt = (index: number): bigint => (index < 0 ? -1n : log.positionAt(index))
  const nextPosition = (): bigint =>
    log.length() === 0 ? POSITION_BASE : positionAt(log.length() - 1) + POSITION_STRIDE
  /** The index of the first event at or after `position` (binary search: positions increase). */
  const indexAtOrAfter = (position: bigint): number => {
    let lo = 0
    let hi = log.length()
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (positionAt(mid) < position) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  const wakeAll = (): void => {
    for (const wake of waiters) wake()
    waiters.clear()
  }

  const checkExpected = (s: StreamEntry | undefined, expected: ExpectedRevision): boolean => {
    const actual = streamRevision(s)
    if (expected === 'any') return true
    if (expected === 'no_stream') return actual === 'no_stream'
    if (expected === 'stream_exists') return actual !== 'no_stream'
    if (actual === 'no_stream') return false
    return actual === expected
  }

  /** When every event of `events` is already in the stream, in order, where the writer expected: the revision of the last. */
  const alreadyAppended = (
    s: StreamEntry | undefined,
    events: readonly JourneyEvent[],
    expected: ExpectedRevision,
  ): number | undefined => {
    if (s === undefined || s.indexes.length === 0) return undefined
    const first = events[0]
    if (first === undefined) return undefined
    let start: number
    if (typeof expected === 'bigint') start = Number(expected) + 1
    else if (expected === 'no_stream') start = s.truncatedBefore
    else {
      const index = log.indexOfId(first.id)
      start = index === undefined || log.streamIdAt(index) !== s.streamId ? -1 : log.revisionAt(index)
    }
    if (start < 0 || start + events.length > s.indexes.length) return undefined
    for (let k = 0; k < events.length; k++) {
      const index = s.indexes[start + k]
      if (index === undefined || log.idAt(index) !== events[k]?.id) return undefined
    }
    return start + events.length - 1
  }

  const appendToStream = async (
    streamId: string,
    events: readonly JourneyEvent[],
    appendOptions: AppendOptions = {},
  ): Promise<AppendResult> => {
    const expected = appendOptions.expectedRevision ?? 'any'
    let s = streams.get(streamId)
    if (s?.tombstoned === true) throw new StreamDeletedError(streamId)
    const ids = new Set<string>()
    for (const e of events) {
      if (e.streamId !== streamId)
        throw new InvalidAppendError(streamId, `event ${e.id} names stream ${e.streamId}`)
      if (ids.has(e.id))
        throw new InvalidAppendError(streamId, `event id ${e.id} appears twice in one append`)
      ids.add(e.id)
    }
    const duplicateOf = alreadyAppended(s, events, expected)
    if (duplicateOf !== undefined && s !== undefined) {
      return {
        nextExpectedRevision: BigInt(s.indexes.length - 1),
        position: positionAt(s.indexes[duplicateOf] ?? 0),
      }
    }
    if (!checkExpected(s, expected))
      throw new WrongExpectedVersionError(streamId, expected, streamRevision(s))
    if (events.length === 0) {
      const last = s?.indexes[s.indexes.length - 1]
      return {
        nextExpectedRevision: s === undefined ? -1n : BigInt(s.indexes.length - 1),
        position: last === undefined ? -1n : positionAt(last),
      }
    }
    if (s === undefined) {
      s = { streamId, indexes: [], truncatedBefore: 0, tombstoned: false }
      streams.set(streamId, s)
    }
    for (const e of events) s.indexes.push(log.push(e, s.streamId, nextPosition(), s.indexes.length))
    wakeAll()
    return { nextExpectedRevision: BigInt(s.indexes.length - 1), position: positionAt(log.length() - 1) }
  }

  const importRecorded = (events: readonly RecordedEvent[]): void => {
    let last = positionAt(log.length() - 1)
    const next = new Map<string, number>()
    for (const e of events) {
      if (e.position <= last)
        throw new InvalidAppendError(
          e.streamId,
          `event ${e.id} at position ${e.position} is not after ${last}`,
        )
      if (e.position > MAX_POSITION)
        throw new InvalidAppendError(e.streamId, `event ${e.id} has position ${e.position}, past 2^63 - 1`)
      last = e.position
      const s = streams.get(e.streamId)
      if (s?.tombstoned === true) throw new StreamDeletedError(e.streamId)
      const expected = next.get(e.streamId) ?? s?.indexes.length ?? 0
      if (e.revision !== BigInt(expected))
        throw new InvalidAppendError(
          e.streamId,
          `event ${e.id} has revision ${e.revision}, expected ${expected}`,
        )
      next.set(e.streamId, expected + 1)
    }
    for (const e of events) {
      let s = streams.get(e.streamId)
      if (s === undefined) {
        s = { streamId: e.streamId, indexes: [], truncatedBefore: 0, tombstoned: false }
        streams.set(e.streamId, s)
      }
      s.indexes.push(log.push(e, s.streamId, e.position, Number(e.revision)))
    }
    if (events.length > 0) wakeAll()
  }

  async function* readStream(
    streamId: string,
    readOptions: ReadStreamOptions = {},
  ): AsyncGenerator<RecordedEvent> {
    const s = streams.get(streamId)
    if (s?.tombstoned === true) throw new StreamDeletedError(streamId)
    if (s === undefined || s.indexes.length === s.truncatedBefore) throw new StreamNotFoundError(streamId)
    const backwards = readOptions.direction === 'backwards'
    const max = readOptions.maxCount ?? Infinity
    const from = readOptions.from ?? (backwards ? 'end' : 'start')
    const last = s.indexes.length - 1
    let r = from === 'start' ? 0 : from === 'end' ? last : Number(from)
    if (from === 'end' && !backwards) return
    const step = backwards ? -1 : 1
    if (backwards) r = Math.min(r, last)
    else r = Math.max(r, s.truncatedBefore) // a soft delete hides the revisions before it
    for (let n = 0; n < max && r >= s.truncatedBefore && r <= last; r += step, n++) {
      const index = s.indexes[r]
      if (index !== undefined) yield log.at(index)
    }
  }

  async function* readAll(readOptions: ReadAllOptions = {}): AsyncGenerator<readonly RecordedEvent[]> {
    const backwards = readOptions.direction === 'backwards'
    const batchSize = Math.max(1, readOptions.batchSize ?? defaultBatch)
    const matches = log.matcher(readOptions.filter)
    let remaining = readOptions.maxCount ?? Infinity
    const from = readOptions.from ?? (backwards ? 'end' : 'start')
    let i =
      from === 'start'
        ? 0
        : from === 'end'
          ? backwards
            ? log.length() - 1
            : log.length()
          : indexAtOrAfter(from)
    if (backwards && typeof from === 'bigint' && (i >= log.length() || positionAt(i) > from)) i--
    const end = log.length()
    while (remaining > 0 && (backwards ? i >= 0 : i < end)) {
      const batch: RecordedEvent[] = []
      while (batch.length < batchSize && remaining > 0 && (backwards ? i >= 0 : i < end)) {
        if (matches(i)) {
          batch.push(log.at(i))
          remaining--
        }
        i += backwards ? -1 : 1
      }
      if (batch.length > 0) yield batch
    }
  }

  const subscribe = (subscribeOptions: SubscribeOptions = {}): Subscription => {
    const batchSize = Math.max(1, subscribeOptions.batchSize ?? defaultBatch)
    const matches = log.matcher(subscribeOptions.filter)
    const from = subscribeOptions.from ?? 'start'
    let next = from === 'start' ? 0 : from === 'end' ? log.length() : indexAtOrAfter(from + 1n)
    let stopped = false
    let wakeMe: (() => void) | undefined
    const wait = (): Promise<void> =>
      new Promise<void>((resolve) => {
        wakeMe = resolve
        waiters.add(resolve)
      })

    async function* messages(): AsyncGenerator<SubscriptionMessage> {
      let caughtUp = false
      while (!stopped && !closed) {
        if (next < log.length()) {
          const batch: RecordedEvent[] = []
          let scanned = 0
          while (next < log.length() && batch.length < batchSize && scanned < batchSize * 64) {
            if (matches(next)) batch.push(log.at(next))
            next++
            scanned++
          }
          if (batch.length > 0) yield { kind: 'events', events: batch }
          else yield { kind: 'checkpoint', position: positionAt(next - 1) }
        } else if (!caughtUp) {
          caughtUp = true
          yield { kind: 'caughtUp', position: log.length() === 0 ? undefined : positionAt(log.length() - 1) }
        } else {
          await wait()
        }
      }
    }

    const iterator = messages()
    return {
      [Symbol.asyncIterator]: () => iterator,
      stop: async () => {
        stopped = true
        if (wakeMe !== undefined) {
          waiters.delete(wakeMe)
          wakeMe()
        }
        await iterator.return(undefined)
      },
    }
  }

  const deleteStream = async (streamId: string, deleteOptions: DeleteOptions = {}): Promise<void> => {
    const s = streams.get(streamId)
    if (s?.tombstoned === true) throw new StreamDeletedError(streamId)
    const expected = deleteOptions.expectedRevision ?? 'any'
    if (!checkExpected(s, expected))
      throw new WrongExpectedVersionError(streamId, expected, streamRevision(s))
    if (deleteOptions.mode === 'tombstone') {
      if (s === undefined)
        streams.set(streamId, { streamId, indexes: [], truncatedBefore: 0, tombstoned: true })
      else s.tombstoned = true
      return
    }
    if (s === undefined || s.indexes.length === s.truncatedBefore) throw new StreamNotFoundError(streamId)
    s.truncatedBefore = s.indexes.length
  }

  return {
    appendToStream,
    readStream,
    readAll,
    subscribe,
    deleteStream,
    close: async () => {
      closed = true
      wakeAll()
    },
    size: () => log.length(),
    lastPosition: () => (log.length() === 0 ? undefined : positionAt(log.length() - 1)),
    streamIds: () => streams.keys(),
    importRecorded,
  }
}
