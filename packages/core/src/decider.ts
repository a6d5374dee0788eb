import type { Either } from 'fp-ts/lib/Either.js'
import type { Draft } from 'immer'
import { produce } from 'immer'
import type { EventData, EventType } from './events/catalogue.js'

/**
 * A decider: the whole behaviour of one kind of stream in three plain parts (Emmett's shape).
 * - `decide` answers a command with the events it causes, or a typed error; it is pure.
 * - `evolve` applies one event to the state, written as an immer recipe (mutate the draft).
 * - `initialState` is the state of an empty stream.
 */
export interface Decider<Command, Event, State, Error> {
  readonly decide: (command: Command, state: State) => Either<Error, readonly Event[]>
  readonly evolve: (draft: Draft<State>, event: Event) => void
  readonly initialState: () => State
}

/** What happened, before it is stamped with ids and positions: the part of an event `decide` produces. */
export interface Fact<K extends EventType> {
  readonly type: K
  readonly data: EventData<K>
  readonly occurredAt: string
}

/** A fact of any type (every journey event is one). */
export type EventFact<K extends EventType = EventType> = { [T in K]: Fact<T> }[K]

export const fact = <K extends EventType>(type: K, data: EventData<K>, occurredAt: string): Fact<K> => ({
  type,
  data,
  occurredAt,
})

/** The state after `events`, from the initial state; immutable (structurally shared, frozen). */
export const foldState = <C, E, S, Err>(decider: Decider<C, E, S, Err>, events: Iterable<E>, from?: S): S =>
  produce(from ?? decider.initialState(), (draft) => {
    for (const event of events) decider.evolve(draft, event)
  })
