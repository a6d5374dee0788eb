import type { RecordedEvent } from '@journeykit/core'
import { castDraft, freeze } from 'immer'
import type { ProjectionDefinition } from './define.js'
import { applyHandler } from './define.js'
import type { HandlerTarget } from './errors.js'
import { handlerError } from './stats.js'

/** A projection's state: one state per partition, the portfolio state, and the last position applied. */
export interface ProjectionState<S, G> {
  readonly partitions: ReadonlyMap<string, S>
  readonly portfolio: G | undefined
  /** Global position of the last event applied, or undefined before the first. */
  readonly position: bigint | undefined
}

/**
 * Folds events (in the order given) into a projection's state from scratch: recipes are applied to plain
 * mutable state, frozen at the end. Every event is applied (no idempotence check: give each event once). A
 * handler that throws ends the fold with a `ProjectionHandlerError` (the `halt` policy) carrying the cause.
 * The simplest correct rebuild, for tests and specifications; processors and runners add checkpoints,
 * idempotence, progress, error policies and live mode, with the same meaning.
 */
export const foldProjection = <S, G>(
  definition: ProjectionDefinition<S, G>,
  events: Iterable<RecordedEvent>,
): ProjectionState<S, G> => {
  const partitions = new Map<string, S>()
  const portfolioDefinition = definition.portfolio
  const portfolio =
    portfolioDefinition === undefined
      ? undefined
      : { state: portfolioDefinition.initialState(), handlers: portfolioDefinition.handlers }
  let position: bigint | undefined
  const { name: projection, version } = definition
  const fail = (event: RecordedEvent, target: HandlerTarget, partition: string | undefined, cause: unknown) =>
    handlerError(event, { projection, version, target, partition, cause })
  for (const event of events) {
    const key = definition.partitionBy(event)
    if (key !== undefined) {
      let state = partitions.get(key)
      if (state === undefined) {
        state = definition.initialState()
        partitions.set(key, state)
      }
      try {
        applyHandler(definition.handlers, castDraft(state), event)
      } catch (cause) {
        throw fail(event, 'partition', key, cause)
      }
    }
    if (portfolio !== undefined)
      try {
        applyHandler(portfolio.handlers, castDraft(portfolio.state), event)
      } catch (cause) {
        throw fail(event, 'portfolio', undefined, cause)
      }
    position = event.position
  }
  for (const state of partitions.values()) freeze(state, true)
  if (portfolio !== undefined) freeze(portfolio.state, true)
  return { partitions, portfolio: portfolio?.state, position }
}
