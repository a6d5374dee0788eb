import type { RecordedEvent } from '@journeykit/core'
import { castDraft } from 'immer'
import { countUnhandled } from '../stats.js'
import type { ApplyContext } from './context.js'
import { handleFailure } from './context.js'

/**
 * The state of a rebuild: plain mutable objects the recipes change in place (no drafts, no copies, no freezing:
 * the fastest way to replay history). Nobody else sees it until the rebuild is sealed.
 */
export interface MutableState<S, G> {
  readonly partitions: Map<string, S>
  portfolio: G | undefined
  /**
   * Partitions whose handler threw under `skip`: their state may be half-changed, so they are left alone for
   * the rest of the pass and rebuilt from the history (without the dead letters) before sealing.
   */
  readonly tainted: Set<string>
  portfolioTainted: boolean
  /** Global position of the last event considered, -1n before the first. */
  last: bigint
}

export const emptyMutableState = <S, G>(context: ApplyContext<S, G>): MutableState<S, G> => ({
  partitions: new Map(),
  portfolio: context.definition.portfolio?.initialState(),
  tainted: new Set(),
  portfolioTainted: false,
  last: -1n,
})

/** Applies a batch (in global order) to the mutable state. Throws `ProjectionHandlerError` under `halt`. */
export const applyMutable = <S, G>(
  context: ApplyContext<S, G>,
  state: MutableState<S, G>,
  events: readonly RecordedEvent[],
): void => {
  const { definition, counters, handlers, portfolioHandlers } = context
  const { partitionBy, initialState } = definition
  const { partitions, tainted } = state
  let last = state.last
  let applied = 0
  let ignored = 0
  // The locals are written back at the end and before a halt, not in a try/finally nor through a closure:
  // either would cost a quarter of the loop.
  for (const event of events) {
    const position = event.position
    if (position <= last) {
      ignored++
      continue
    }
    last = position
    const handler = handlers.get(event.type)
    const portfolioHandler = portfolioHandlers === undefined ? undefined : portfolioHandlers.get(event.type)
    if (handler === undefined && portfolioHandler === undefined) countUnhandled(counters, event.type)
    else applied++
    const key = partitionBy(event)
    if (key !== undefined) {
      let partition = partitions.get(key)
      if (partition === undefined) {
        partition = initialState()
        partitions.set(key, partition)
      }
      if (handler !== undefined && (tainted.size === 0 || !tainted.has(key))) {
        try {
          handler(castDraft(partition), event)
        } catch (cause) {
          const halt = handleFailure(context, event, 'partition', key, cause)
          if (halt !== undefined) {
            state.last = last
            throw halt
          }
          tainted.add(key)
        }
      }
    }
    const portfolio = state.portfolio
    if (portfolioHandler !== undefined && portfolio !== undefined && !state.portfolioTainted) {
      try {
        portfolioHandler(castDraft<G>(portfolio), event)
      } catch (cause) {
        const halt = handleFailure(context, event, 'portfolio', undefined, cause)
        if (halt !== undefined) {
          state.last = last
          throw halt
        }
        state.portfolioTainted = true
      }
    }
  }
  state.last = last
  counters.applied += applied
  counters.ignored += ignored
}
