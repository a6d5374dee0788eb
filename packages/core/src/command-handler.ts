import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import type { TaskEither } from 'fp-ts/lib/TaskEither.js'
import { v7 as uuidv7 } from 'uuid'
import type { Decider, EventFact } from './decider.js'
import { foldState } from './decider.js'
import type { EventMetadata, JourneyEvent } from './envelope.js'
import { currentSchemaVersion } from './events/catalogue.js'
import { StreamNotFoundError, WrongExpectedVersionError } from './store/errors.js'
import type { AppendResult, EventStore } from './store/port.js'

/** The command gave up after `attempts` conflicts with concurrent writers. */
export interface ConcurrencyConflict {
  readonly _tag: 'ConcurrencyConflict'
  readonly streamId: string
  readonly attempts: number
  readonly message: string
  readonly lastError: WrongExpectedVersionError
}

/** The store failed (not a conflict): nothing was written by this attempt. */
export interface StoreFailure {
  readonly _tag: 'StoreFailure'
  readonly streamId: string
  readonly message: string
  readonly cause: unknown
}

export type CommandHandlerError<DomainErr> = DomainErr | ConcurrencyConflict | StoreFailure

export interface CommandResult<State> {
  readonly events: readonly JourneyEvent[]
  readonly state: State
  readonly nextExpectedRevision: bigint | undefined
  readonly position: bigint | undefined
  /** How many attempts it took (1 when there was no conflict). */
  readonly attempts: number
}

export interface CommandHandlerOptions {
  /** Attempts before giving up on concurrency conflicts. Default 8. */
  readonly maxAttempts?: number
  /** Base backoff in milliseconds; attempt n waits a random time up to base·2ⁿ (full jitter). Default 2. */
  readonly backoffMs?: number
  /** Upper bound of one backoff wait in milliseconds. Default 200. */
  readonly maxBackoffMs?: number
  /** Recorded time of new events (the only clock journeykit reads, and only here). Default: now. */
  readonly clock?: () => Date
  /** Event ids. Default: UUID v7. */
  readonly newId?: () => string
  /** Randomness for the jitter, in [0, 1). Default Math.random. */
  readonly random?: () => number
  readonly sleep?: (ms: number) => Promise<void>
}

export interface CommandEnvelope {
  readonly customerId: string
  readonly metadata?: EventMetadata
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * A command handler for a decider whose events are journey facts: load the stream, fold the state, decide,
 * append with the expected revision, and on a concurrency conflict reload and decide again (bounded attempts,
 * jittered backoff). Every outcome is a value: the appended events, the decider's typed refusal, a
 * ConcurrencyConflict after the last attempt, or a StoreFailure.
 */
export const commandHandler =
  <C extends CommandEnvelope, S, Err>(
    store: EventStore,
    decider: Decider<C, EventFact, S, Err>,
    streamIdOf: (command: C) => string,
    options: CommandHandlerOptions = {},
  ) =>
  (command: C): TaskEither<CommandHandlerError<Err>, CommandResult<S>> =>
  async () => {
    const maxAttempts = options.maxAttempts ?? 8
    const random = options.random ?? Math.random
    const sleep = options.sleep ?? defaultSleep
    const streamId = streamIdOf(command)
    let lastConflict: WrongExpectedVersionError | undefined
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const outcome = await attemptOnce(store, decider, streamId, command, options)
      if (outcome._tag === 'Right') return right({ ...outcome.right, attempts: attempt })
      const error = outcome.left
      if (!(error instanceof WrongExpectedVersionError)) return left(error)
      lastConflict = error
      if (attempt < maxAttempts) {
        const cap = Math.min(options.maxBackoffMs ?? 200, (options.backoffMs ?? 2) * 2 ** attempt)
        await sleep(random() * cap)
      }
    }
    const conflict = lastConflict ?? new WrongExpectedVersionError(streamId, 'any', 'no_stream')
    return left({
      _tag: 'ConcurrencyConflict',
      streamId,
      attempts: maxAttempts,
      message: `${streamId}: gave up after ${maxAttempts} attempts, each lost to a concurrent writer (${conflict.message})`,
      lastError: conflict,
    })
  }

type Attempt<S, Err> = Either<
  Err | StoreFailure | WrongExpectedVersionError,
  Omit<CommandResult<S>, 'attempts'>
>

const attemptOnce = async <C extends CommandEnvelope, S, Err>(
  store: EventStore,
  decider: Decider<C, EventFact, S, Err>,
  streamId: string,
  command: C,
  options: CommandHandlerOptions,
): Promise<Attempt<S, Err>> => {
  const history: JourneyEvent[] = []
  let revision: bigint | undefined
  try {
    for await (const event of store.readStream(streamId)) {
      history.push(event)
      revision = event.revision
    }
  } catch (e) {
    if (!(e instanceof StreamNotFoundError)) return left(storeFailure(streamId, e))
  }
  const state = foldState(decider, history)
  const decision = decider.decide(command, state)
  if (decision._tag === 'Left') return decision
  const events = decision.right.map((f) => stamp(f, streamId, command, options))
  if (events.length === 0)
    return right({ events, state, nextExpectedRevision: revision, position: undefined })
  let result: AppendResult
  try {
    result = await store.appendToStream(streamId, events, { expectedRevision: revision ?? 'no_stream' })
  } catch (e) {
    return left(e instanceof WrongExpectedVersionError ? e : storeFailure(streamId, e))
  }
  return right({
    events,
    state: foldState(decider, decision.right, state),
    nextExpectedRevision: result.nextExpectedRevision,
    position: result.position,
  })
}

const storeFailure = (streamId: string, cause: unknown): StoreFailure => ({
  _tag: 'StoreFailure',
  streamId,
  message: `${streamId}: the event store failed: ${cause instanceof Error ? cause.message : String(cause)}`,
  cause,
})

/** Turns a decided fact into a full event envelope for the command's customer. */
export const stamp = (
  f: EventFact,
  streamId: string,
  command: CommandEnvelope,
  options: Pick<CommandHandlerOptions, 'clock' | 'newId'> = {},
): JourneyEvent => {
  const event = {
    id: (options.newId ?? uuidv7)(),
    streamId,
    customerId: command.customerId,
    occurredAt: f.occurredAt,
    recordedAt: (options.clock?.() ?? new Date()).toISOString(),
    schemaVersion: currentSchemaVersion(f.type),
    ...(command.metadata === undefined ? {} : { metadata: command.metadata }),
  }
  return withFact(event, f)
}

/** Combines envelope fields with a fact; the union stays discriminated because type and data travel together. */
const withFact = (envelope: Omit<JourneyEvent, 'type' | 'data'>, f: EventFact): JourneyEvent => ({
  ...envelope,
  ...f,
})
