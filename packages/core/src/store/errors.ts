import type { ExpectedRevision } from './port.js'

/**
 * Errors of the event-store port. Each has a `_tag` to switch on and says in its message what was refused and
 * why. They are Error subclasses so that stack traces survive; match them with `isEventStoreError` or `_tag`.
 */
export type EventStoreError =
  | WrongExpectedVersionError
  | StreamNotFoundError
  | StreamDeletedError
  | EventStoreUnavailableError
  | InvalidAppendError

const describeRevision = (r: ExpectedRevision | bigint | 'no_stream'): string =>
  typeof r === 'bigint' ? `revision ${r}` : r

/** The stream was not where the writer expected it. Reload, decide again, retry. */
export class WrongExpectedVersionError extends Error {
  readonly _tag = 'WrongExpectedVersion'
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or `'no_stream'` when it does not exist. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(
      `Append to ${streamId} refused: expected ${describeRevision(expected)}, the stream is at ${describeRevision(actual)}`,
    )
    this.name = 'WrongExpectedVersionError'
  }
}

export class StreamNotFoundError extends Error {
  readonly _tag = 'StreamNotFound'
  constructor(readonly streamId: string) {
    super(`Stream ${streamId} not found`)
    this.name = 'StreamNotFoundError'
  }
}

/** The stream was tombstoned (hard-deleted): it can be neither read nor written again. */
export class StreamDeletedError extends Error {
  readonly _tag = 'StreamDeleted'
  constructor(readonly streamId: string) {
    super(`Stream ${streamId} is deleted for good (tombstoned)`)
    this.name = 'StreamDeletedError'
  }
}

/** A transient fault (server unavailable, deadline exceeded, connection dropped). Retrying may succeed. */
export class EventStoreUnavailableError extends Error {
  readonly _tag = 'EventStoreUnavailable'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'EventStoreUnavailableError'
  }
}

/** The append itself is invalid (an event for another stream, a duplicate id inside one append, ...). */
export class InvalidAppendError extends Error {
  readonly _tag = 'InvalidAppend'
  constructor(
    readonly streamId: string,
    readonly reason: string,
  ) {
    super(`Append to ${streamId} refused: ${reason}`)
    this.name = 'InvalidAppendError'
  }
}

const tags = new Set([
  'WrongExpectedVersion',
  'StreamNotFound',
  'StreamDeleted',
  'EventStoreUnavailable',
  'InvalidAppend',
])

export const isEventStoreError = (e: unknown): e is EventStoreError =>
  e instanceof Error && tags.has(String(Reflect.get(e, '_tag')))
