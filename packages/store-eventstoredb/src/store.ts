import type { EventStore, Subscription, UpcasterRegistry } from '@journeykit/core'
import type { EsdbConnection } from './boundary/connection.js'
import { dbClientConnection } from './boundary/db-client.js'
import { appendEvents } from './append.js'
import type { AdapterContext } from './context.js'
import { deleteStream } from './delete.js'
import { readAllEvents } from './read-all.js'
import { readStreamEvents } from './read-stream.js'
import type { UndecodableEvent } from './serialization.js'
import { CHECKPOINT_STREAM_PREFIX } from './streams.js'
import type { ResubscribeOptions } from './subscribe.js'
import { subscribeAll } from './subscribe.js'

/** EventStoreDB's default `MaxAppendSize`: 1 MiB. */
export const DEFAULT_MAX_APPEND_BYTES = 1024 * 1024

export interface EventStoreDbOptions {
  /** A connection string (`esdb://localhost:2113?tls=false`, `esdb+discover://…`) or a connection of your own. */
  readonly connection: string | EsdbConnection
  /**
   * With a connection string: events each read or subscription buffers ahead of its consumer (see
   * `dbClientConnection`). Default 2048.
   */
  readonly readAhead?: number
  /** Upcasters applied on read (default: the ones journeykit ships). */
  readonly upcasters?: UpcasterRegistry
  /**
   * Called with every event that is not a valid journey event (unknown type, invalid data, not JSON); the event
   * is then skipped. Without it, such an event fails the read or subscription with UndecodableEventError.
   */
  readonly onUndecodable?: (report: UndecodableEvent) => void
  /** The server's `MaxAppendSize`; larger appends are split below it. Default 1 MiB. */
  readonly maxAppendBytes?: number
  /** Default batch size of readAll and subscriptions. Default 512. */
  readonly batchSize?: number
  /**
   * `server` (default): forwards readAll filters on the server through a catch-up subscription read up to its
   * caught-up message (EventStoreDB 23.10+). `client`: a plain read of $all filtered here (any version).
   */
  readonly readAllFiltering?: 'server' | 'client'
  /** Streams left out of readAll and subscriptions. Default: the checkpoint streams. */
  readonly ignoredStreamPrefixes?: readonly string[]
  /** Records the server scans per page of a filtered read. Server default 32. */
  readonly maxSearchWindow?: number
  /** Checkpoint every `checkpointInterval` × `maxSearchWindow` scanned records. Default 1. */
  readonly checkpointInterval?: number
  readonly resubscribe?: ResubscribeOptions
}

export interface EventStoreDbEventStore extends EventStore {
  readonly connection: EsdbConnection
  close(): Promise<void>
}

/** The event-store port over EventStoreDB. */
export const eventStoreDbEventStore = (options: EventStoreDbOptions): EventStoreDbEventStore => {
  const connection =
    typeof options.connection === 'string'
      ? dbClientConnection(options.connection, { readAhead: options.readAhead })
      : options.connection
  const ctx: AdapterContext = {
    connection,
    upcasters: options.upcasters,
    onUndecodable: options.onUndecodable,
    maxAppendBytes: options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES,
    batchSize: options.batchSize ?? 512,
    readAllFiltering: options.readAllFiltering ?? 'server',
    ignoredStreamPrefixes: options.ignoredStreamPrefixes ?? [CHECKPOINT_STREAM_PREFIX],
    filterTuning: {
      ...(options.maxSearchWindow === undefined ? {} : { maxSearchWindow: options.maxSearchWindow }),
      ...(options.checkpointInterval === undefined ? {} : { checkpointInterval: options.checkpointInterval }),
    },
  }
  const subscriptions = new Set<Subscription>()
  let closed = false
  return {
    connection,
    appendToStream: (streamId, events, appendOptions) => appendEvents(ctx, streamId, events, appendOptions),
    readStream: (streamId, readOptions) => readStreamEvents(ctx, streamId, readOptions),
    readAll: (readOptions) => readAllEvents(ctx, readOptions),
    subscribe: (subscribeOptions = {}) => {
      const inner = subscribeAll(ctx, subscribeOptions, options.resubscribe ?? {})
      const subscription: Subscription = {
        [Symbol.asyncIterator]: () => inner[Symbol.asyncIterator](),
        stop: async () => {
          subscriptions.delete(subscription)
          await inner.stop()
        },
      }
      subscriptions.add(subscription)
      return subscription
    },
    deleteStream: (streamId, deleteOptions) => deleteStream(ctx, streamId, deleteOptions),
    close: async () => {
      if (closed) return
      closed = true
      await Promise.all([...subscriptions].map((s) => s.stop()))
      await connection.close()
    },
  }
}
