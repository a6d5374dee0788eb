import type {
  AllStreamSubscription,
  Filter,
  JSONEventData,
  Position,
  ResolvedEvent,
} from '@eventstore/db-client'
import {
  BACKWARDS,
  CancelledError,
  DeadlineExceededError,
  EventStoreDBClient,
  FORWARDS,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
  eventTypeFilter,
  streamNameFilter,
} from '@eventstore/db-client'
import type {
  EsdbConnection,
  EsdbFailure,
  FeedItem,
  IncomingEvent,
  LogPosition,
  OutgoingEvent,
  ReadFromPosition,
  ServerFilter,
} from './connection.js'
import { EsdbConnectionError } from './connection.js'
import { DEFAULT_READ_AHEAD, readableFeed } from './feed.js'

/** gRPC status codes that mean "try again": CANCELLED (by the server), DEADLINE_EXCEEDED, ABORTED, UNAVAILABLE. */
const TRANSIENT_CODES = new Set([1, 4, 10, 14])

const failureOf = (e: unknown): EsdbFailure => {
  if (e instanceof WrongExpectedVersionError) return { kind: 'wrongExpectedVersion', actual: e.actualVersion }
  if (e instanceof StreamNotFoundError) return { kind: 'streamNotFound', streamId: e.streamName }
  if (e instanceof StreamDeletedError) return { kind: 'streamDeleted', streamId: e.streamName }
  if (e instanceof MaxAppendSizeExceededError)
    return { kind: 'maxAppendSizeExceeded', maxAppendSize: e.maxAppendSize }
  const message = e instanceof Error ? e.message : String(e)
  if (
    e instanceof UnavailableError ||
    e instanceof DeadlineExceededError ||
    e instanceof CancelledError ||
    e instanceof NotLeaderError ||
    e instanceof TimeoutError
  )
    return { kind: 'transient', reason: message }
  const code: unknown = typeof e === 'object' && e !== null ? Reflect.get(e, 'code') : undefined
  if (typeof code === 'number' && TRANSIENT_CODES.has(code)) return { kind: 'transient', reason: message }
  return { kind: 'failed', reason: message }
}

const toError = (e: unknown): EsdbConnectionError => new EsdbConnectionError(failureOf(e), { cause: e })

const isBigint = (v: unknown): v is bigint => typeof v === 'bigint'

const positionOf = (v: unknown): LogPosition | undefined => {
  if (typeof v !== 'object' || v === null) return undefined
  const commit: unknown = Reflect.get(v, 'commit')
  const prepare: unknown = Reflect.get(v, 'prepare')
  return isBigint(commit) && isBigint(prepare) ? { commit, prepare } : undefined
}

const isResolvedEvent = (chunk: unknown): chunk is ResolvedEvent =>
  typeof chunk === 'object' && chunk !== null && 'event' in chunk

/** The recorded event of a client `ResolvedEvent` (links are not resolved: the adapter never writes them). */
const incomingOf = (chunk: unknown): IncomingEvent | undefined => {
  if (!isResolvedEvent(chunk)) return undefined
  const event = chunk.event
  if (event === undefined) return undefined
  return {
    kind: 'event',
    streamId: event.streamId,
    id: event.id,
    type: event.type,
    revision: event.revision,
    position: event.position,
    isJson: event.isJson,
    data: event.data,
    metadata: event.metadata,
  }
}

const CHECKPOINT = Symbol('checkpoint')
const CAUGHT_UP = Symbol('caughtUp')

const feedItemOf = (chunk: unknown): FeedItem | undefined => {
  if (typeof chunk === 'object' && chunk !== null) {
    const marker: unknown = Reflect.get(chunk, 'marker')
    if (marker === CAUGHT_UP) return { kind: 'caughtUp' }
    if (marker === CHECKPOINT) {
      const position = positionOf(Reflect.get(chunk, 'position'))
      return position === undefined ? undefined : { kind: 'checkpoint', position }
    }
  }
  return incomingOf(chunk)
}

const readPosition = (from: ReadFromPosition): 'start' | 'end' | Position => from

/** Checkpoints and caught-up are pushed into the subscription's own stream, so they keep their order among events. */
const clientFilter = (filter: ServerFilter): Filter => {
  const checkpointReached = (subscription: AllStreamSubscription, position: Position) => {
    subscription.push({ marker: CHECKPOINT, position })
  }
  const base = {
    checkpointInterval: filter.checkpointInterval ?? 1,
    checkpointReached,
    ...(filter.maxSearchWindow === undefined ? {} : { maxSearchWindow: filter.maxSearchWindow }),
  }
  const make = filter.on === 'eventType' ? eventTypeFilter : streamNameFilter
  return filter.regex !== undefined
    ? make({ ...base, regex: filter.regex })
    : make({ ...base, prefixes: [...(filter.prefixes ?? [])] })
}

export interface DbClientConnectionOptions {
  /**
   * Events a read or subscription buffers ahead of its consumer before it stops reading (HTTP/2 flow control
   * then holds the server back), about twice this many counting the client stream's own buffer. Large
   * buffers let reads deliver big batches; small ones bound the memory of a slow subscriber. Default 2048.
   */
  readonly readAhead?: number
}

const jsonEvent = (e: OutgoingEvent): JSONEventData => ({
  id: e.id,
  contentType: 'application/json',
  type: e.type,
  data: { ...e.data },
  metadata: { ...e.metadata },
})

/**
 * `EsdbConnection` over `@eventstore/db-client` 6.2.1. Pass a connection string (`esdb://host:2113?tls=false`,
 * `esdb+discover://…` for a cluster) or a client you configured yourself.
 */
export const dbClientConnection = (
  source: string | EventStoreDBClient,
  options: DbClientConnectionOptions = {},
): EsdbConnection => {
  const client = typeof source === 'string' ? EventStoreDBClient.connectionString(source) : source
  const readAhead = Math.max(16, options.readAhead ?? DEFAULT_READ_AHEAD)
  /** Object-mode buffers of the client's streams. */
  const readable = { highWaterMark: Math.ceil(readAhead / 2) }
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work()
    } catch (e) {
      throw toError(e)
    }
  }
  return {
    append: (streamId, events, expected) =>
      guard(async () => {
        const result = await client.appendToStream(streamId, events.map(jsonEvent), {
          expectedRevision: expected,
        })
        return { nextExpectedRevision: result.nextExpectedRevision, position: positionOf(result.position) }
      }),

    readStream: (streamId, request) => {
      const stream = client.readStream(
        streamId,
        {
          fromRevision: request.from,
          direction: request.direction === 'backwards' ? BACKWARDS : FORWARDS,
          maxCount: request.maxCount ?? Number.MAX_SAFE_INTEGER,
        },
        readable,
      )
      return readableFeed(stream, incomingOf, toError, () => stream.cancel(), readAhead)
    },

    readAll: (request) => {
      const stream = client.readAll(
        {
          fromPosition: readPosition(request.from),
          direction: request.direction === 'backwards' ? BACKWARDS : FORWARDS,
          maxCount: request.maxCount ?? Number.MAX_SAFE_INTEGER,
        },
        readable,
      )
      return readableFeed(stream, incomingOf, toError, () => stream.cancel(), readAhead)
    },

    subscribeToAll: (request) => {
      const subscription = client.subscribeToAll(
        {
          fromPosition: readPosition(request.from),
          ...(request.filter === undefined ? {} : { filter: clientFilter(request.filter) }),
        },
        readable,
      )
      subscription.on('caughtUp', () => subscription.push({ marker: CAUGHT_UP }))
      return readableFeed(subscription, feedItemOf, toError, () => subscription.unsubscribe(), readAhead)
    },

    deleteStream: (streamId, expected) =>
      guard(async () => {
        await client.deleteStream(streamId, { expectedRevision: expected })
      }),

    tombstoneStream: (streamId, expected) =>
      guard(async () => {
        await client.tombstoneStream(streamId, { expectedRevision: expected })
      }),

    setStreamMaxCount: (streamId, maxCount) =>
      guard(async () => {
        await client.setStreamMetadata(streamId, { maxCount })
      }),

    close: () => client.dispose(),
  }
}
