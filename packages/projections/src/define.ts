import type { EventType, RecordedEvent } from '@journeykit/core'
import { eventTypes } from '@journeykit/core'
import type { Draft } from 'immer'

/** Applies one event of type K to a draft of the state: an immer recipe (mutate the draft, return nothing). */
export type Handler<S, K extends EventType> = (draft: Draft<S>, event: RecordedEvent<K>) => void

/** Handlers by event type; event types without a handler are skipped (and counted by the runner). */
export type Handlers<S> = { readonly [K in EventType]?: Handler<S, K> }

/** State kept across all partitions (for example portfolio KPIs), with its own handlers. */
export interface PortfolioDefinition<G> {
  readonly initialState: () => G
  readonly handlers: Handlers<G>
}

export interface ProjectionDefinition<S, G = undefined> {
  /** Unique name; checkpoints and blue/green versions are keyed by it. */
  readonly name: string
  /** Bump it when handlers change meaning: a new version rebuilds beside the old one. */
  readonly version: number
  /** The state of one partition (one customer by default) before its first event. */
  readonly initialState: () => S
  readonly handlers: Handlers<S>
  /** The partition an event belongs to; undefined leaves the event out of partition state. Default: customerId. */
  readonly partitionBy: (event: RecordedEvent) => string | undefined
  readonly portfolio: PortfolioDefinition<G> | undefined
}

export interface ProjectionSpec<S, G> {
  readonly name: string
  readonly version: number
  readonly initialState: () => S
  readonly handlers: Handlers<S>
  readonly partitionBy?: (event: RecordedEvent) => string | undefined
  readonly portfolio?: PortfolioDefinition<G>
}

const byCustomer = (event: RecordedEvent): string => event.customerId

/**
 * Defines a projection: per-partition state folded by immer recipes, partitioned by customer id unless
 * `partitionBy` says otherwise, optionally with portfolio-wide state.
 */
export const defineProjection = <S, G = undefined>(
  spec: ProjectionSpec<S, G>,
): ProjectionDefinition<S, G> => {
  if (spec.name.trim() === '') throw new Error('defineProjection: name must not be empty')
  if (!Number.isInteger(spec.version) || spec.version < 1)
    throw new Error(`defineProjection ${spec.name}: version must be a positive integer, got ${spec.version}`)
  return {
    name: spec.name,
    version: spec.version,
    initialState: spec.initialState,
    handlers: spec.handlers,
    partitionBy: spec.partitionBy ?? byCustomer,
    portfolio: spec.portfolio,
  }
}

/** Calls the handler for the event's type, if there is one; returns whether there was. */
export const applyHandler = <S, K extends EventType>(
  handlers: Handlers<S>,
  draft: Draft<S>,
  event: RecordedEvent<K>,
): boolean => {
  const handler: Handler<S, K> | undefined = handlers[event.type]
  if (handler === undefined) return false
  handler(draft, event)
  return true
}

/** A handler of any event type, called with events of its type only (bivariant, so every `Handler` fits). */
export type DispatchHandler<S> = {
  bivarianceHack(draft: Draft<S>, event: RecordedEvent): void
}['bivarianceHack']

/**
 * The handlers as a Map by event type: one hash lookup per event, as fast for type strings decoded from JSON
 * (not internalized) as for literals.
 */
export const dispatchTable = <S>(handlers: Handlers<S>): ReadonlyMap<string, DispatchHandler<S>> => {
  const table = new Map<string, DispatchHandler<S>>()
  for (const type of eventTypes) {
    const handler = handlers[type]
    if (handler !== undefined) table.set(type, handler)
  }
  return table
}
