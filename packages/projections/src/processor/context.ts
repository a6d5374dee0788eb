import type { RecordedEvent } from '@journeykit/core'
import type { Immer } from 'immer'
import type { DispatchHandler, ProjectionDefinition } from '../define.js'
import type { HandlerTarget, ProjectionHandlerError } from '../errors.js'
import type { Counters } from '../stats.js'
import { addDeadLetter, handlerError } from '../stats.js'

/**
 * What happens when a handler throws: `halt` (default) stops the run with a `ProjectionHandlerError` and
 * applies nothing of the batch; `skip` leaves the event out of that state (as if it had no handler there) and
 * keeps it with its error in the dead-letter list.
 */
export type ErrorPolicy = 'halt' | 'skip'

/**
 * When the states of a rebuilt projection are deep-frozen:
 * - `'lazy'` (default): each state is frozen the first time a reader gets it (or a live batch changes it), so a
 *   rebuild pays nothing for states nobody reads;
 * - `'eager'`: all states are frozen when the rebuild ends (pay it once, up front);
 * - `'never'`: readers get the plain states; for one-shot rebuilds (a CLI export) that read the state and exit.
 *   Nothing stops a reader from mutating them, so do not run such a processor live afterwards.
 * Live batches always produce frozen states (immer's auto-freeze).
 */
export type FreezePolicy = 'lazy' | 'eager' | 'never'

/** The parts of a processor the apply loops share. */
export interface ApplyContext<S, G> {
  readonly definition: ProjectionDefinition<S, G>
  /** The partition handlers by event type. */
  readonly handlers: ReadonlyMap<string, DispatchHandler<S>>
  /** The portfolio handlers by event type (undefined without a portfolio). */
  readonly portfolioHandlers: ReadonlyMap<string, DispatchHandler<G>> | undefined
  readonly policy: ErrorPolicy
  readonly counters: Counters
  /** A private immer instance (auto-freeze on), so the engine never changes immer's global settings. */
  readonly immer: Immer
}

/**
 * A handler threw on `event`: under `halt`, the error to throw; under `skip`, the dead letter is recorded and
 * undefined is returned (the caller then leaves the event out of that state).
 */
export const handleFailure = <S, G>(
  context: ApplyContext<S, G>,
  event: RecordedEvent,
  target: HandlerTarget,
  partition: string | undefined,
  cause: unknown,
): ProjectionHandlerError | undefined => {
  const failure = {
    projection: context.definition.name,
    version: context.definition.version,
    target,
    partition,
    cause,
  }
  if (context.policy === 'halt') return handlerError(event, failure)
  addDeadLetter(context.counters, event, failure)
  return undefined
}
