/** Where a handler threw: in a partition's handlers, or in the portfolio's. */
export type HandlerTarget = 'partition' | 'portfolio'

const describeCause = (cause: unknown): string =>
  cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)

export interface HandlerFailure {
  readonly projection: string
  readonly version: number
  /** Global position of the event. */
  readonly position: bigint
  readonly eventId: string
  readonly eventType: string
  readonly target: HandlerTarget
  /** The partition whose handler threw (undefined for the portfolio). */
  readonly partition: string | undefined
  /** What the handler threw. */
  readonly cause: unknown
}

/**
 * A projection's handler threw. Under the `halt` policy the run stops with it; under `skip` it is kept with the
 * event in the dead-letter list. It names the projection, the event (position, id, type) and carries the cause.
 */
export class ProjectionHandlerError extends Error {
  readonly _tag = 'ProjectionHandlerError'
  readonly projection: string
  readonly version: number
  readonly position: bigint
  readonly eventId: string
  readonly eventType: string
  readonly target: HandlerTarget
  readonly partition: string | undefined

  constructor(failure: HandlerFailure) {
    const where =
      failure.target === 'portfolio'
        ? 'the portfolio handler'
        : `the handler of partition ${failure.partition}`
    super(
      `Projection ${failure.projection} v${failure.version}: ${where} threw on ${failure.eventType} ` +
        `${failure.eventId} at position ${failure.position}: ${describeCause(failure.cause)}`,
      { cause: failure.cause },
    )
    this.name = 'ProjectionHandlerError'
    this.projection = failure.projection
    this.version = failure.version
    this.position = failure.position
    this.eventId = failure.eventId
    this.eventType = failure.eventType
    this.target = failure.target
    this.partition = failure.partition
  }
}

/**
 * A checkpoint commit found another revision than it expected: another runner of the same projection version
 * committed in between (or the record was removed). The losing runner stops; its uncommitted work is dropped.
 */
export class CheckpointConflictError extends Error {
  readonly _tag = 'CheckpointConflict'
  constructor(
    readonly key: string,
    readonly expected: bigint | 'none',
    /** The revision stored now, or 'none' when there is no record. */
    readonly actual: bigint | 'none',
  ) {
    super(
      `Checkpoint ${key}: expected ${expected === 'none' ? 'no record' : `revision ${expected}`}, found ` +
        `${actual === 'none' ? 'no record' : `revision ${actual}`} (another runner of this projection version?)`,
    )
    this.name = 'CheckpointConflictError'
  }
}

/** A processor was used in a way it does not allow (two runs at once, after a halt, ...). */
export class ProjectionUsageError extends Error {
  readonly _tag = 'ProjectionUsage'
  constructor(
    readonly projection: string,
    readonly reason: string,
  ) {
    super(`Projection ${projection}: ${reason}`)
    this.name = 'ProjectionUsageError'
  }
}

/** An option out of range (batch size, progress interval, ...): says which and why. */
export class InvalidProjectionOption extends Error {
  readonly _tag = 'InvalidProjectionOption'
  constructor(
    readonly option: string,
    readonly reason: string,
  ) {
    super(`Invalid option ${option}: ${reason}`)
    this.name = 'InvalidProjectionOption'
  }
}
