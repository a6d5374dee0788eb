import type { RecordedEvent } from '@journeykit/core'
import type { Draft } from 'immer'
import { sortDeadLettersFrom } from '../stats.js'
import type { ApplyContext } from './context.js'
import { foldPortfolio, foldWithProduce } from './immutable.js'
import type { MutableState } from './mutable.js'

/** Replays tainted states from the history; feed it batches from the start, then `finish`. */
export interface Repair {
  /** The last position to replay: stop feeding after it. */
  readonly upTo: bigint
  /** Folds a batch into the replayed states; false once the batch went past `upTo`. */
  readonly apply: (events: readonly RecordedEvent[]) => boolean
  /** Puts the replayed states in place of the tainted ones. */
  readonly finish: () => void
}

/**
 * A rebuild under `skip` cannot undo what a throwing handler half-did to a plain mutable state, so those
 * states (partitions, or the portfolio) are folded again from the history with immer (a throwing handler then
 * leaves no trace), leaving out every dead letter. Undefined when nothing is tainted.
 */
export const repairOf = <S, G>(
  context: ApplyContext<S, G>,
  state: MutableState<S, G>,
): Repair | undefined => {
  if (state.tainted.size === 0 && !state.portfolioTainted) return undefined
  const { definition, handlers } = context
  const { partitionBy, initialState } = definition
  const portfolioHandlers = state.portfolioTainted ? context.portfolioHandlers : undefined
  const upTo = state.last
  const replayed = new Map<string, S>()
  let portfolio = portfolioHandlers === undefined ? undefined : definition.portfolio?.initialState()
  let last = -1n
  const applyPartition = (draft: Draft<S>, event: RecordedEvent): void =>
    handlers.get(event.type)?.(draft, event)

  const apply = (events: readonly RecordedEvent[]): boolean => {
    const groups = new Map<string, RecordedEvent[]>()
    const portfolioEvents: RecordedEvent[] = []
    for (const event of events) {
      if (event.position > upTo) break
      if (event.position <= last) continue
      last = event.position
      const key = handlers.get(event.type) === undefined ? undefined : partitionBy(event)
      if (key !== undefined && state.tainted.has(key)) {
        const group = groups.get(key)
        if (group === undefined) groups.set(key, [event])
        else group.push(event)
      }
      if (portfolioHandlers !== undefined && portfolioHandlers.get(event.type) !== undefined)
        portfolioEvents.push(event)
    }
    for (const [key, group] of groups) {
      const folded = foldWithProduce(
        context,
        replayed.get(key) ?? initialState(),
        group,
        applyPartition,
        'partition',
        key,
      )
      if ('state' in folded) replayed.set(key, folded.state)
    }
    if (portfolioHandlers !== undefined && portfolio !== undefined && portfolioEvents.length > 0) {
      const folded = foldPortfolio(context, portfolioHandlers, portfolio, portfolioEvents)
      if ('state' in folded) portfolio = folded.state
    }
    return last < upTo
  }

  const finish = (): void => {
    for (const key of state.tainted) state.partitions.set(key, replayed.get(key) ?? initialState())
    state.tainted.clear()
    if (state.portfolioTainted) {
      state.portfolio = portfolio
      state.portfolioTainted = false
    }
    sortDeadLettersFrom(context.counters, 0)
  }

  return { upTo, apply, finish }
}
