import type { RecordedEvent } from '@journeykit/core'
import type { ProjectionHandlerError } from '../errors.js'
import { countUnhandled } from '../stats.js'
import type { ApplyContext } from './context.js'

/**
 * A batch sorted for applying: its new events grouped by partition (global order within each group, groups in
 * order of first appearance) and the events the portfolio handles, in global order. Both the live and the
 * rebuild paths apply a batch partition by partition this way.
 */
export interface SortedBatch {
  readonly groups: ReadonlyMap<string, readonly RecordedEvent[]>
  readonly portfolioEvents: readonly RecordedEvent[]
  /** Position of the last new event (the state's position when there is none). */
  readonly last: bigint
  /** New events that run at least one handler. */
  readonly applied: number
  /** Events at or before the state's position. */
  readonly ignored: number
}

/** A batch's new events after `since`, grouped by `partitionBy`. */
interface Grouping {
  readonly since: bigint
  readonly partitionBy: (event: RecordedEvent) => string | undefined
  readonly groups: ReadonlyMap<string, readonly RecordedEvent[]>
}

/**
 * The grouping last made of each batch: processors with the same partition key function (the 360 and the churn
 * facts both partition by customer) at the same position share it instead of grouping the batch again.
 */
const groupings = new WeakMap<readonly RecordedEvent[], Grouping>()

/** The grouping of `events` already made for this position and partition key function, if any. */
const sharedGroups = (
  events: readonly RecordedEvent[],
  since: bigint,
  partitionBy: (event: RecordedEvent) => string | undefined,
): ReadonlyMap<string, readonly RecordedEvent[]> | undefined => {
  const known = groupings.get(events)
  return known !== undefined && known.since === since && known.partitionBy === partitionBy
    ? known.groups
    : undefined
}

/**
 * Sorts a batch for a state at position `since`; counts the types without any handler (`stats.unhandled`).
 * Every new event with a partition key has a group, handler or not, so its partition exists afterwards (as in
 * `foldProjection`).
 */
export const sortBatch = <S, G>(
  context: ApplyContext<S, G>,
  since: bigint,
  events: readonly RecordedEvent[],
): SortedBatch => {
  const { definition, counters, handlers, portfolioHandlers } = context
  const { partitionBy } = definition
  const shared = sharedGroups(events, since, partitionBy)
  // grouped in the same walk unless another processor grouped this batch the same way already
  const groups = new Map<string, RecordedEvent[]>()
  const portfolioEvents: RecordedEvent[] = []
  let last = since
  let applied = 0
  let ignored = 0
  for (let i = 0; i < events.length; i++) {
    const event = events[i]
    if (event === undefined) continue
    if (event.position <= last) {
      ignored++
      continue
    }
    last = event.position
    const handler = handlers.get(event.type)
    const portfolioHandler = portfolioHandlers === undefined ? undefined : portfolioHandlers.get(event.type)
    if (handler === undefined && portfolioHandler === undefined) countUnhandled(counters, event.type)
    else applied++
    if (portfolioHandler !== undefined) portfolioEvents.push(event)
    if (shared !== undefined) continue
    const key = partitionBy(event)
    if (key === undefined) continue
    const group = groups.get(key)
    if (group === undefined) groups.set(key, [event])
    else group.push(event)
  }
  if (shared === undefined) groupings.set(events, { since, partitionBy, groups })
  return { groups: shared ?? groups, portfolioEvents, last, applied, ignored }
}

/** The failure to report: the earlier event's (on one event, the first found: partitions are applied first). */
export const earliest = (
  a: ProjectionHandlerError | undefined,
  b: ProjectionHandlerError,
): ProjectionHandlerError => (a === undefined || b.position < a.position ? b : a)
