import type { ExpectedRevision } from '@journeykit/core'
import {
  EventStoreUnavailableError,
  InvalidAppendError,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@journeykit/core'
import { isEsdbConnectionError } from './boundary/connection.js'
import type { UndecodableEvent } from './serialization.js'

/** An event in the store is not a valid journey event, and no `onUndecodable` handler was given. */
export class UndecodableEventError extends Error {
  readonly _tag = 'UndecodableEvent'
  constructor(readonly report: UndecodableEvent) {
    super(
      `Event ${report.id} (${report.type}) at ${report.streamId}@${report.revision} cannot be decoded: ${report.reason}`,
    )
    this.name = 'UndecodableEventError'
  }
}

/** The server refused or failed for a reason the port has no type for (access denied, bad request, ...). */
export class EventStoreDbFailure extends Error {
  readonly _tag = 'EventStoreDbFailure'
  constructor(
    readonly streamId: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`EventStoreDB failed (${streamId}): ${reason}`, options)
    this.name = 'EventStoreDbFailure'
  }
}

export interface ErrorContext {
  readonly streamId: string
  readonly expected?: ExpectedRevision
}

/**
 * The port's typed error for a failure of the connection. WrongExpectedVersion carries the writer's own
 * expectation (as given to the port) and the server's actual revision.
 */
export const portError = (e: unknown, context: ErrorContext): Error => {
  if (!isEsdbConnectionError(e)) return e instanceof Error ? e : new Error(String(e))
  const f = e.failure
  switch (f.kind) {
    case 'wrongExpectedVersion':
      return new WrongExpectedVersionError(context.streamId, context.expected ?? 'any', f.actual)
    case 'streamNotFound':
      return new StreamNotFoundError(context.streamId)
    case 'streamDeleted':
      return new StreamDeletedError(context.streamId)
    case 'maxAppendSizeExceeded':
      return new InvalidAppendError(
        context.streamId,
        `the append is larger than the server's maximum append size of ${f.maxAppendSize} bytes`,
      )
    case 'transient':
      return new EventStoreUnavailableError(`EventStoreDB unavailable (${context.streamId}): ${f.reason}`, {
        cause: e,
      })
    case 'failed':
      return new EventStoreDbFailure(context.streamId, f.reason, { cause: e })
  }
}

export const isTransient = (e: unknown): boolean => isEsdbConnectionError(e) && e.failure.kind === 'transient'
