import type { RecordedEvent } from '@journeykit/core'
import { castDraft, freeze } from 'immer'
import type { ProjectionDefinition } from './define.js'
import { applyHandler } from './define.js'

/** A projection's state: one state per partition, the portfolio state, and the last position applied. */
export interface ProjectionState<S, G> {
  readonly partitions: ReadonlyMap<string, S>
  readonly portfolio: G | undefined
  /** Global position of the last event applied, or undefined before the first. */
  readonly position: bigint | undefined
}

/**
 * Folds events (in global order) into a projection's state from scratch: recipes are applied to plain mutable
 * state, frozen at the end. The simplest correct rebuild; the runner adds checkpoints, progress and live mode.
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
  for (const event of events) {
    const key = definition.partitionBy(event)
    if (key !== undefined) {
      let state = partitions.get(key)
      if (state === undefined) {
        state = definition.initialState()
        partitions.set(key, state)
      }
      applyHandler(definition.handlers, castDraft(state), event)
    }
    if (portfolio !== undefined) applyHandler(portfolio.handlers, castDraft(portfolio.state), event)
    position = event.position
  }
  for (const state of partitions.values()) freeze(state, true)
  if (portfolio !== undefined) freeze(portfolio.state, true)
  return { partitions, portfolio: portfolio?.state, position }
}
