import type { JourneyEvent, RecordedEvent } from '../envelope.js'

/**
 * What the writer expects of the stream before appending:
 * - `'any'`: no check;
 * - `'no_stream'`: the stream must not exist yet (or have been soft-deleted with no events since);
 * - `'stream_exists'`: the stream must hold at least one event;
 * - a bigint: the revision of the stream's last event must be exactly this.
 * A mismatch rejects the whole append with `WrongExpectedVersionError`.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint

export interface AppendOptions {
  /** Default `'any'`. */
  readonly expectedRevision?: ExpectedRevision
}

export interface AppendResult {
  /** The revision of the stream's last event after the append: pass it as `expectedRevision` next time. */
  readonly nextExpectedRevision: bigint
  /** The global position of the last event of the append. */
  readonly position: bigint
}

/** Where a read starts. On reads `from` is inclusive; on subscriptions it is exclusive (see `subscribe`). */
export type ReadFrom = 'start' | 'end' | bigint

export type Direction = 'forwards' | 'backwards'

export interface ReadStreamOptions {
  /** A stream revision, inclusive. Default `'start'` forwards, `'end'` backwards. */
  readonly from?: ReadFrom
  readonly direction?: Direction
  /** At most this many events. Default: all. */
  readonly maxCount?: number
}

/**
 * Which events a `readAll` or `subscribe` delivers. Criteria combine with AND; the lists within one criterion
 * with OR. System events (types starting with `$`) are never delivered.
 */
export interface EventFilter {
  /** Exact event types. */
  readonly eventTypes?: readonly string[]
  /** Event type prefixes. */
  readonly eventTypePrefixes?: readonly string[]
  /** Stream name prefixes, such as `customer-`. */
  readonly streamNamePrefixes?: readonly string[]
}

export interface ReadAllOptions {
  /** A global position, inclusive: the event at exactly this position is the first delivered. Default `'start'`. */
  readonly from?: ReadFrom
  readonly direction?: Direction
  readonly filter?: EventFilter
  /** Events per delivered batch (and per round trip, for remote stores). Default 512. */
  readonly batchSize?: number
  /** At most this many events in all. Default: all. */
  readonly maxCount?: number
}

export interface SubscribeOptions {
  /**
   * A global position, exclusive: delivery resumes *after* the event at this position, so a stored
   * checkpoint can be passed as is. `'start'` delivers everything, `'end'` only what is appended from now on.
   */
  readonly from?: ReadFrom
  readonly filter?: EventFilter
  /** At most this many events per delivered batch. Default 512. */
  readonly batchSize?: number
}

/**
 * What a subscription delivers, in order: batches of events, then once `caughtUp` (everything that existed
 * when it was reached has been delivered; live events follow). `checkpoint` reports progress through events a
 * filter left out, so a sparse filtered subscription can still move its checkpoint forward.
 */
export type SubscriptionMessage =
  | { readonly kind: 'events'; readonly events: readonly RecordedEvent[] }
  | { readonly kind: 'caughtUp'; readonly position: bigint | undefined }
  | { readonly kind: 'checkpoint'; readonly position: bigint }

/**
 * A catch-up subscription: iterate it with `for await`. It pulls from the store only as fast as the consumer
 * iterates (backpressure), so a slow consumer does not make memory grow. `stop()` ends the iteration.
 */
export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  stop(): Promise<void>
}

export interface DeleteOptions {
  readonly expectedRevision?: ExpectedRevision
  /**
   * `'soft'` (default): reads of the stream answer StreamNotFound; appending again recreates it, continuing the
   * revision numbers. `'tombstone'`: the stream is gone for good; reads and appends fail with StreamDeletedError.
   * Either way the events stay in `readAll` (stores may scavenge them later).
   */
  readonly mode?: 'soft' | 'tombstone'
}

/**
 * The event-store port: every adapter (memory, EventStoreDB, yours) implements these five methods and passes
 * the contract suite of `@journeykit/testing`.
 *
 * Errors are thrown (rejected) as the typed errors of `./errors`: WrongExpectedVersionError,
 * StreamNotFoundError (reading a stream that does not exist or was soft-deleted), StreamDeletedError
 * (tombstoned), EventStoreUnavailableError (transient infrastructure faults).
 */
export interface EventStore {
  /**
   * Appends events to one stream atomically. Events whose ids the stream already holds at the same place are
   * not written again (idempotent by event id): the call answers as if it had written them.
   */
  appendToStream(
    streamId: string,
    events: readonly JourneyEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult>
  /** The events of one stream; a missing or soft-deleted stream fails with StreamNotFoundError on first read. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>
  /** Every stream's events in global order, in batches of at most `batchSize`. */
  readAll(options?: ReadAllOptions): AsyncIterable<readonly RecordedEvent[]>
  /** Catch-up then live. */
  subscribe(options?: SubscribeOptions): Subscription
  deleteStream(streamId: string, options?: DeleteOptions): Promise<void>
  /** Releases connections and wakes waiting subscriptions; the store is unusable afterwards. */
  close?(): Promise<void>
}

/** Whether `event` passes `filter` (system events never do). Adapters may use it for client-side filtering. */
export const matchesFilter = (
  event: { readonly type: string; readonly streamId: string },
  filter: EventFilter | undefined,
): boolean => {
  if (event.type.startsWith('$')) return false
  if (filter === undefined) return true
  const { eventTypes, eventTypePrefixes, streamNamePrefixes } = filter
  if (eventTypes !== undefined || eventTypePrefixes !== undefined) {
    const byType =
      (eventTypes?.includes(event.type) ?? false) ||
      (eventTypePrefixes?.some((p) => event.type.startsWith(p)) ?? false)
    if (!byType) return false
  }
  if (streamNamePrefixes !== undefined && !streamNamePrefixes.some((p) => event.streamId.startsWith(p)))
    return false
  return true
}

/** Iterates the events of a batched read one by one. */
export async function* eachEvent<E>(batches: AsyncIterable<readonly E[]>): AsyncGenerator<E> {
  for await (const batch of batches) yield* batch
}
