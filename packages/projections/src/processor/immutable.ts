import type { RecordedEvent } from '@journeykit/core'
import type { Draft } from 'immer'
import type { DispatchHandler } from '../define.js'
import type { HandlerTarget, ProjectionHandlerError } from '../errors.js'
import type { PartitionMap } from '../partition-map.js'
import { withUpdates } from '../partition-map.js'
import { isDead, sortDeadLettersFrom } from '../stats.js'
import { earliest, sortBatch } from './batch.js'
import type { ApplyContext } from './context.js'
import { handleFailure } from './context.js'

/** The state of a live projection: immutable, shared structurally from one batch to the next. */
export interface ImmutableState<S, G> {
  readonly partitions: PartitionMap<S>
  readonly portfolio: G | undefined
  /** Global position of the last event considered, -1n before the first. */
  readonly last: bigint
}

export interface BatchOutcome<S, G> {
  readonly state: ImmutableState<S, G>
  /** Partitions whose state is a new object after the batch (created or changed). */
  readonly changed: readonly string[]
  readonly portfolioChanged: boolean
}

type Folded<T> = { readonly state: T } | { readonly error: ProjectionHandlerError }

/**
 * Folds one state's events of a batch (in order) with ONE immer `produce`. When a handler throws, immer drops
 * the draft, so nothing of the fold remains: under `skip` the event becomes a dead letter and the fold is redone
 * without it; under `halt` the error is returned.
 */
export const foldWithProduce = <S, G, T>(
  context: ApplyContext<S, G>,
  base: T,
  events: readonly RecordedEvent[],
  apply: (draft: Draft<T>, event: RecordedEvent) => void,
  target: HandlerTarget,
  partition: string | undefined,
): Folded<T> => {
  for (;;) {
    const cursor: { event?: RecordedEvent } = {}
    try {
      const state = context.immer.produce(base, (draft) => {
        for (const event of events) {
          if (isDead(context.counters, target, event.position)) continue
          cursor.event = event
          apply(draft, event)
        }
        cursor.event = undefined
      })
      return { state }
    } catch (cause) {
      if (cursor.event === undefined) throw cause
      const halt = handleFailure(context, cursor.event, target, partition, cause)
      if (halt !== undefined) return { error: halt }
    }
  }
}

/** Folds the portfolio's events of a batch with `foldWithProduce`. */
export const foldPortfolio = <S, G>(
  context: ApplyContext<S, G>,
  handlers: ReadonlyMap<string, DispatchHandler<G>>,
  portfolio: G,
  events: readonly RecordedEvent[],
): Folded<G> =>
  foldWithProduce<S, G, G>(
    context,
    portfolio,
    events,
    (draft, event) => handlers.get(event.type)?.(draft, event),
    'portfolio',
    undefined,
  )

/**
 * Applies a batch to the live state: events are grouped by partition (keeping their order), each touched
 * partition is produced once, the partition map is updated persistently. Under `halt` the first failing event
 * (by position) is thrown and nothing of the batch is applied. Undefined when every event was already applied.
 */
export const applyImmutable = <S, G>(
  context: ApplyContext<S, G>,
  state: ImmutableState<S, G>,
  events: readonly RecordedEvent[],
): BatchOutcome<S, G> | undefined => {
  const { definition, counters, handlers, portfolioHandlers } = context
  const { groups, portfolioEvents, last, applied, ignored } = sortBatch(context, state.last, events)
  counters.applied += applied
  counters.ignored += ignored
  if (last === state.last) return undefined

  const deadBefore = counters.deadLetters.length
  let halt: ProjectionHandlerError | undefined
  const updates = new Map<string, S>()
  const changed: string[] = []
  const applyPartition = (draft: Draft<S>, event: RecordedEvent): void =>
    handlers.get(event.type)?.(draft, event)
  for (const [key, group] of groups) {
    const base = state.partitions.get(key)
    const folded = foldWithProduce(
      context,
      base ?? definition.initialState(),
      group,
      applyPartition,
      'partition',
      key,
    )
    if ('error' in folded) halt = earliest(halt, folded.error)
    else if (folded.state !== base) {
      updates.set(key, folded.state)
      changed.push(key)
    }
  }
  let portfolio = state.portfolio
  if (portfolioHandlers !== undefined && portfolio !== undefined && portfolioEvents.length > 0) {
    const folded = foldPortfolio(context, portfolioHandlers, portfolio, portfolioEvents)
    if ('error' in folded) halt = earliest(halt, folded.error)
    else portfolio = folded.state
  }
  if (halt !== undefined) throw halt
  sortDeadLettersFrom(counters, deadBefore)
  return {
    state: { partitions: withUpdates(state.partitions, updates), portfolio, last },
    changed,
    portfolioChanged: portfolio !== state.portfolio,
  }
}
