import type { RecordedEvent } from '@journeykit/core'
import { decode, encode } from '@journeykit/core'
import type { HandlerTarget } from '../errors.js'
import { ProjectionHandlerError } from '../errors.js'
import type { DeadLetter, ProjectionStats } from '../stats.js'
import type { ProjectionCheckpoint } from './port.js'

/**
 * How a serializing checkpoint store (EventStoreDB, a file, a database) turns one projection's states into
 * JSON and back. `decode*` receive what `encode*` returned after a JSON round trip; they throw when it is not a
 * valid state (an io-ts `decode`, a hand-written guard, ...).
 */
export interface StateCodec<S, G> {
  /** To a value `JSON.stringify` keeps intact. Default: the state itself (plain JSON data). */
  readonly encodeState?: (state: S) => unknown
  readonly decodeState: (json: unknown) => S
  /** Default: the portfolio itself. */
  readonly encodePortfolio?: (portfolio: G) => unknown
  /** Needed only by projections with a portfolio. */
  readonly decodePortfolio?: (json: unknown) => G
}

/** The JSON form of a checkpoint (format 1). Positions and revisions are decimal strings, never numbers. */
export interface CheckpointJson {
  readonly format: 1
  readonly position: string
  readonly partitions: readonly (readonly [string, unknown])[]
  /** Absent when the projection has no portfolio. */
  readonly portfolio?: unknown
  readonly stats: {
    readonly applied: number
    readonly ignored: number
    readonly unhandled: Readonly<Record<string, number>>
    readonly deadLetters: readonly DeadLetterJson[]
  }
}

interface DeadLetterJson {
  readonly event: Readonly<Record<string, unknown>>
  readonly position: string
  readonly revision: string
  readonly projection: string
  readonly version: number
  readonly target: HandlerTarget
  readonly partition?: string
  /** The cause, as `{ name, message }` (an Error) or its string form. */
  readonly cause: { readonly name: string; readonly message: string } | string
}

/** A stored checkpoint could not be read back: which part and why. */
export class InvalidCheckpointError extends Error {
  readonly _tag = 'InvalidCheckpoint'
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`Invalid checkpoint at ${path}: ${reason}`)
    this.name = 'InvalidCheckpointError'
  }
}

const causeJson = (cause: unknown): DeadLetterJson['cause'] =>
  cause instanceof Error ? { name: cause.name, message: cause.message } : String(cause)

const deadLetterJson = ({ event, error }: DeadLetter): DeadLetterJson => {
  const { position, revision, ...journeyEvent } = event
  return {
    event: encode(journeyEvent),
    position: String(position),
    revision: String(revision),
    projection: error.projection,
    version: error.version,
    target: error.target,
    ...(error.partition === undefined ? {} : { partition: error.partition }),
    cause: causeJson(error.cause),
  }
}

/** The JSON form of a checkpoint, for stores that serialize (write it with `JSON.stringify`). */
export const checkpointToJson = <S, G>(
  checkpoint: ProjectionCheckpoint<S, G>,
  codec: Pick<StateCodec<S, G>, 'encodeState' | 'encodePortfolio'> = {},
): CheckpointJson => {
  const { encodeState, encodePortfolio } = codec
  const partitions: (readonly [string, unknown])[] = []
  for (const [key, state] of checkpoint.partitions)
    partitions.push([key, encodeState === undefined ? state : encodeState(state)])
  const { portfolio, stats } = checkpoint
  return {
    format: 1,
    position: String(checkpoint.position),
    partitions,
    ...(portfolio === undefined
      ? {}
      : { portfolio: encodePortfolio === undefined ? portfolio : encodePortfolio(portfolio) }),
    stats: {
      applied: stats.applied,
      ignored: stats.ignored,
      unhandled: stats.unhandled,
      deadLetters: stats.deadLetters.map(deadLetterJson),
    },
  }
}

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

const field = (record: Readonly<Record<string, unknown>>, key: string, path: string): unknown => {
  if (!(key in record)) throw new InvalidCheckpointError(`${path}.${key}`, 'is missing')
  return record[key]
}

const record = (u: unknown, path: string): Readonly<Record<string, unknown>> => {
  if (!isRecord(u)) throw new InvalidCheckpointError(path, 'must be an object')
  return u
}

const bigintOf = (u: unknown, path: string): bigint => {
  if (typeof u !== 'string' || !/^-?\d+$/.test(u))
    throw new InvalidCheckpointError(path, 'must be a decimal string')
  return BigInt(u)
}

const count = (u: unknown, path: string): number => {
  if (typeof u !== 'number' || !Number.isInteger(u) || u < 0)
    throw new InvalidCheckpointError(path, 'must be a non-negative integer')
  return u
}

const text = (u: unknown, path: string): string => {
  if (typeof u !== 'string') throw new InvalidCheckpointError(path, 'must be a string')
  return u
}

const causeOf = (u: unknown): unknown => {
  if (!isRecord(u)) return String(u)
  const error = new Error(String(u['message']))
  error.name = String(u['name'])
  return error
}

const deadLetterOf = (u: unknown, path: string): DeadLetter => {
  const r = record(u, path)
  const decoded = decode(field(r, 'event', path))
  if (decoded._tag === 'Left')
    throw new InvalidCheckpointError(`${path}.event.${decoded.left.path}`, decoded.left.reason)
  const target = field(r, 'target', path)
  if (target !== 'partition' && target !== 'portfolio')
    throw new InvalidCheckpointError(`${path}.target`, 'must be partition or portfolio')
  const event: RecordedEvent = {
    ...decoded.right,
    position: bigintOf(field(r, 'position', path), `${path}.position`),
    revision: bigintOf(field(r, 'revision', path), `${path}.revision`),
  }
  const partition = r['partition']
  const error = new ProjectionHandlerError({
    projection: text(field(r, 'projection', path), `${path}.projection`),
    version: count(field(r, 'version', path), `${path}.version`),
    position: event.position,
    eventId: event.id,
    eventType: event.type,
    target,
    partition: partition === undefined ? undefined : text(partition, `${path}.partition`),
    cause: causeOf(field(r, 'cause', path)),
  })
  return Object.freeze({ event, error })
}

const statsOf = (u: unknown): ProjectionStats => {
  const r = record(u, 'stats')
  const unhandled = record(field(r, 'unhandled', 'stats'), 'stats.unhandled')
  const letters = field(r, 'deadLetters', 'stats')
  if (!Array.isArray(letters)) throw new InvalidCheckpointError('stats.deadLetters', 'must be an array')
  return Object.freeze({
    applied: count(field(r, 'applied', 'stats'), 'stats.applied'),
    ignored: count(field(r, 'ignored', 'stats'), 'stats.ignored'),
    unhandled: Object.freeze(
      Object.fromEntries(
        Object.entries(unhandled).map(([type, n]) => [type, count(n, `stats.unhandled.${type}`)]),
      ),
    ),
    deadLetters: Object.freeze(letters.map((letter, i) => deadLetterOf(letter, `stats.deadLetters[${i}]`))),
  })
}

/**
 * A checkpoint back from its JSON form (parsed). Throws `InvalidCheckpointError` naming the part that is wrong;
 * the codec's decoders validate the states.
 */
export const checkpointFromJson = <S, G>(
  json: unknown,
  codec: StateCodec<S, G>,
): ProjectionCheckpoint<S, G> => {
  const r = record(json, '(root)')
  if (field(r, 'format', '(root)') !== 1) throw new InvalidCheckpointError('format', 'must be 1')
  const entries = field(r, 'partitions', '(root)')
  if (!Array.isArray(entries)) throw new InvalidCheckpointError('partitions', 'must be an array')
  const partitions = new Map<string, S>()
  entries.forEach((entry: unknown, i) => {
    if (!Array.isArray(entry) || entry.length !== 2)
      throw new InvalidCheckpointError(`partitions[${i}]`, 'must be a [key, state] pair')
    partitions.set(text(entry[0], `partitions[${i}][0]`), codec.decodeState(entry[1]))
  })
  let portfolio: G | undefined
  if ('portfolio' in r) {
    if (codec.decodePortfolio === undefined)
      throw new InvalidCheckpointError('portfolio', 'is stored but the codec has no decodePortfolio')
    portfolio = codec.decodePortfolio(r['portfolio'])
  }
  return {
    position: bigintOf(field(r, 'position', '(root)'), 'position'),
    partitions,
    portfolio,
    stats: statsOf(field(r, 'stats', '(root)')),
  }
}
