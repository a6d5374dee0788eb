import type { RecordedEvent } from '@journeykit/core'
import type { HandlerFailure, HandlerTarget } from './errors.js'
import { ProjectionHandlerError } from './errors.js'

/** An event a handler threw on, kept (under the `skip` policy) with the error that names it. */
export interface DeadLetter {
  readonly event: RecordedEvent
  readonly error: ProjectionHandlerError
}

/** What a projection has seen, beyond its state. Committed with the state in every checkpoint. */
export interface ProjectionStats {
  /** Events that ran at least one handler of the projection. */
  readonly applied: number
  /**
   * Events the projection has no handler for, per event type: skipped (for example types written by a newer
   * producer, or types this projection does not need). Never silent: they are counted here.
   */
  readonly unhandled: Readonly<Record<string, number>>
  /** Events delivered at or before the projection's position (redeliveries, shared reads), ignored. */
  readonly ignored: number
  /** Events a handler threw on under the `skip` policy, oldest first. */
  readonly deadLetters: readonly DeadLetter[]
}

export const emptyStats: ProjectionStats = Object.freeze({
  applied: 0,
  unhandled: Object.freeze({}),
  ignored: 0,
  deadLetters: Object.freeze([]),
})

/** The counters a processor mutates while applying events, and turns into `ProjectionStats` per snapshot. */
export interface Counters {
  applied: number
  ignored: number
  readonly unhandled: Map<string, number>
  /** Append-only. */
  readonly deadLetters: DeadLetter[]
  /** The last stats handed out, reused while nothing changed but `applied`/`ignored`. */
  published: ProjectionStats
  /** Positions dead-lettered per target, so a repair or a redraft leaves them out again. */
  readonly deadInPartitions: Set<bigint>
  readonly deadInPortfolio: Set<bigint>
}

export const countersOf = (stats: ProjectionStats): Counters => {
  const counters: Counters = {
    applied: stats.applied,
    ignored: stats.ignored,
    unhandled: new Map(Object.entries(stats.unhandled)),
    deadLetters: [...stats.deadLetters],
    published: stats,
    deadInPartitions: new Set(),
    deadInPortfolio: new Set(),
  }
  for (const { error } of stats.deadLetters)
    (error.target === 'portfolio' ? counters.deadInPortfolio : counters.deadInPartitions).add(error.position)
  return counters
}

const sameCounts = (
  record: Readonly<Record<string, number>>,
  counts: ReadonlyMap<string, number>,
): boolean => {
  let n = 0
  for (const [type, count] of counts) {
    if (record[type] !== count) return false
    n++
  }
  return Object.keys(record).length === n
}

/** Immutable stats of the counters now (sharing what has not changed since the last call). */
export const statsOf = (counters: Counters): ProjectionStats => {
  const last = counters.published
  const unhandled = sameCounts(last.unhandled, counters.unhandled)
    ? last.unhandled
    : Object.freeze(Object.fromEntries(counters.unhandled))
  const deadLetters =
    last.deadLetters.length === counters.deadLetters.length
      ? last.deadLetters
      : Object.freeze(counters.deadLetters.slice())
  counters.published = Object.freeze({
    applied: counters.applied,
    unhandled,
    ignored: counters.ignored,
    deadLetters,
  })
  return counters.published
}

export const countUnhandled = (counters: Counters, type: string): void => {
  counters.unhandled.set(type, (counters.unhandled.get(type) ?? 0) + 1)
}

export const isDead = (counters: Counters, target: HandlerTarget, position: bigint): boolean =>
  (target === 'portfolio' ? counters.deadInPortfolio : counters.deadInPartitions).has(position)

/** Records a dead letter (once per event and target); returns its error. */
export const addDeadLetter = (
  counters: Counters,
  event: RecordedEvent,
  failure: Omit<HandlerFailure, 'position' | 'eventId' | 'eventType'>,
): ProjectionHandlerError => {
  const error = handlerError(event, failure)
  const dead = failure.target === 'portfolio' ? counters.deadInPortfolio : counters.deadInPartitions
  if (!dead.has(event.position)) {
    dead.add(event.position)
    counters.deadLetters.push(Object.freeze({ event, error }))
  }
  return error
}

export const handlerError = (
  event: RecordedEvent,
  failure: Omit<HandlerFailure, 'position' | 'eventId' | 'eventType'>,
): ProjectionHandlerError =>
  new ProjectionHandlerError({
    ...failure,
    position: event.position,
    eventId: event.id,
    eventType: event.type,
  })

/** Global order; on one event, the partition's failure before the portfolio's (the order of a plain run). */
const deadLetterOrder = (a: DeadLetter, b: DeadLetter): number =>
  a.event.position < b.event.position
    ? -1
    : a.event.position > b.event.position
      ? 1
      : Number(a.error.target === 'portfolio') - Number(b.error.target === 'portfolio')

/** Keeps the dead letters added since `from` in that order (a batch may find them group by group). */
export const sortDeadLettersFrom = (counters: Counters, from: number): void => {
  if (counters.deadLetters.length - from < 2) return
  const added = counters.deadLetters.splice(from)
  added.sort(deadLetterOrder)
  counters.deadLetters.push(...added)
}
