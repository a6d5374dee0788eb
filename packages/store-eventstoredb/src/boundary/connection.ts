/**
 * The thin boundary between the adapter and an EventStoreDB client library. Everything the adapter needs from a
 * client is here, in plain data of our own; `db-client.ts` implements it with `@eventstore/db-client` 6.2.1.
 * Swapping in `@kurrent/kurrentdb-client` means writing one more implementation of `EsdbConnection` (see
 * docs/eventstoredb.md); nothing else in the adapter imports a client library.
 */

/** A position in EventStoreDB's transaction log ($all): commit and prepare positions, as the server gives them. */
export interface LogPosition {
  readonly commit: bigint
  readonly prepare: bigint
}

/** What the writer expects of the stream (EventStoreDB's `expectedRevision`, `streamState` in kurrentdb-client). */
export type StreamExpectation = 'any' | 'no_stream' | 'stream_exists' | bigint

export type DeleteExpectation = 'any' | 'no_stream' | bigint

export interface OutgoingEvent {
  /** A UUID. */
  readonly id: string
  readonly type: string
  /** JSON data. */
  readonly data: Readonly<Record<string, unknown>>
  /** JSON metadata. */
  readonly metadata: Readonly<Record<string, unknown>>
}

export interface IncomingEvent {
  readonly kind: 'event'
  readonly streamId: string
  readonly id: string
  readonly type: string
  readonly revision: bigint
  /** Absent on stream reads from servers older than 22.6. */
  readonly position: LogPosition | undefined
  readonly isJson: boolean
  /** Parsed JSON when `isJson` and parseable, else the raw bytes or text. */
  readonly data: unknown
  readonly metadata: unknown
}

export interface WriteResult {
  readonly nextExpectedRevision: bigint
  /** Absent when the server reports none (an idempotent append). */
  readonly position: LogPosition | undefined
}

/** A server-side filter of a subscription to $all: one criterion, event type or stream name. */
export interface ServerFilter {
  readonly on: 'eventType' | 'streamName'
  readonly prefixes?: readonly string[]
  readonly regex?: string
  /** Records the server considers before it returns a page (and counts toward a checkpoint). */
  readonly maxSearchWindow?: number
  /** Checkpoint every `checkpointInterval` × `maxSearchWindow` considered records. Default 1. */
  readonly checkpointInterval?: number
}

export type FeedItem =
  | IncomingEvent
  | { readonly kind: 'checkpoint'; readonly position: LogPosition }
  | { readonly kind: 'caughtUp' }

/**
 * A pull-based stream of items received from the server. `next(max, wait)` returns up to `max` items already
 * received; with `wait` it first waits for at least one. `undefined` once the server ended the stream.
 */
export interface Feed<T> {
  next(max: number, wait: boolean): Promise<readonly T[] | undefined>
  close(): Promise<void>
}

export type ReadFromRevision = 'start' | 'end' | bigint
export type ReadFromPosition = 'start' | 'end' | LogPosition

export interface ReadStreamRequest {
  readonly from: ReadFromRevision
  readonly direction: 'forwards' | 'backwards'
  readonly maxCount?: number
}

export interface ReadAllRequest {
  readonly from: ReadFromPosition
  readonly direction: 'forwards' | 'backwards'
  readonly maxCount?: number
}

export interface SubscribeRequest {
  /** Exclusive: the subscription starts after the event at this position. */
  readonly from: ReadFromPosition
  readonly filter: ServerFilter | undefined
}

/** What failed, as data: the adapter maps it to the port's typed errors. */
export type EsdbFailure =
  | { readonly kind: 'wrongExpectedVersion'; readonly actual: bigint | 'no_stream' }
  | { readonly kind: 'streamNotFound'; readonly streamId: string }
  | { readonly kind: 'streamDeleted'; readonly streamId: string }
  | { readonly kind: 'maxAppendSizeExceeded'; readonly maxAppendSize: number }
  /** Unavailable, deadline exceeded, connection dropped, not leader: retrying may succeed. */
  | { readonly kind: 'transient'; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string }

export class EsdbConnectionError extends Error {
  readonly _tag = 'EsdbConnectionError'
  constructor(
    readonly failure: EsdbFailure,
    options?: { cause?: unknown },
  ) {
    super(`EventStoreDB: ${failure.kind}${'reason' in failure ? `: ${failure.reason}` : ''}`, options)
    this.name = 'EsdbConnectionError'
  }
}

export const isEsdbConnectionError = (e: unknown): e is EsdbConnectionError =>
  e instanceof Error && Reflect.get(e, '_tag') === 'EsdbConnectionError'

export interface EsdbConnection {
  append(
    streamId: string,
    events: readonly OutgoingEvent[],
    expected: StreamExpectation,
  ): Promise<WriteResult>
  readStream(streamId: string, request: ReadStreamRequest): Feed<IncomingEvent>
  readAll(request: ReadAllRequest): Feed<IncomingEvent>
  subscribeToAll(request: SubscribeRequest): Feed<FeedItem>
  /** Soft delete. The 6.2.1 client cannot send `stream_exists` here; the adapter resolves it first. */
  deleteStream(streamId: string, expected: DeleteExpectation): Promise<void>
  tombstoneStream(streamId: string, expected: DeleteExpectation): Promise<void>
  setStreamMaxCount(streamId: string, maxCount: number): Promise<void>
  close(): Promise<void>
}
