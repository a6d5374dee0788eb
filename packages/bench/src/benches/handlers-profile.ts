import type { EventType, JourneyEvent, RecordedEvent } from '@journeykit/core'
import { churnProjection } from '@journeykit/churn'
import { customer360Projection } from '@journeykit/customer-360'
import type { Handler, Handlers } from '@journeykit/projections'
import { simulate } from '@journeykit/simulator'
import type { Bench, BenchContext, BenchResult } from '../harness.js'
import { rate, settleHeap } from '../harness.js'
import { handWrittenFloor } from './floor-360-churn.js'

/**
 * The cost of the customer-360 and churn handlers alone, without the projection engine: a plain loop looks up
 * each customer's mutable state in a Map and calls the handler for the event's type. Beside it, the same events
 * through a hand-written aggregation of both (the floor of issue 10) and a loop that only reads one field of each
 * event (the cost of walking the events). Events are simulated and held in an array before any timing.
 */

/** The simulated history, stamped with store positions (128 + 16·i, like the memory store) and revisions. */
export const recordedHistory = (customers: number, seed = 1): RecordedEvent[] => {
  const revisions = new Map<string, bigint>()
  const events: RecordedEvent[] = []
  for (const event of simulate({ customers, seed })) {
    const revision = revisions.get(event.streamId) ?? 0n
    revisions.set(event.streamId, revision + 1n)
    events.push({ ...event, position: 128n + 16n * BigInt(events.length), revision })
  }
  return events
}

/** The state a handler is given: immer's draft type, named through the handler (the bench does not use immer). */
type DraftOf<S> = Parameters<Handler<S, EventType>>[0]

/** Calls the handler for the event's type on a plain mutable state (what a rebuild does without the engine). */
const applyTo = <S, K extends EventType>(
  handlers: Handlers<S>,
  state: DraftOf<S>,
  event: RecordedEvent<K>,
): void => {
  const handler: Handler<S, K> | undefined = handlers[event.type]
  if (handler !== undefined) handler(state, event)
}

/** One projection's handlers with a plain mutable state per customer. */
export interface Stepper {
  readonly states: ReadonlyMap<string, unknown>
  readonly apply: (event: RecordedEvent) => void
}

export const stepper = <S>(handlers: Handlers<S>, initialState: () => DraftOf<S>): Stepper => {
  const states = new Map<string, DraftOf<S>>()
  return {
    states,
    apply: (event) => {
      let state = states.get(event.customerId)
      if (state === undefined) {
        state = initialState()
        states.set(event.customerId, state)
      }
      applyTo(handlers, state, event)
    },
  }
}

/** Folds every event through each projection's handlers, one state per customer and projection. */
export const foldHandlers = (steppers: readonly Stepper[], events: readonly RecordedEvent[]): Stepper[] => {
  for (let i = 0; i < events.length; i++) {
    const event = events[i]
    if (event === undefined) continue
    for (let p = 0; p < steppers.length; p++) steppers[p]?.apply(event)
  }
  return [...steppers]
}

/** Reads one field of each event: the cost of walking the array, nothing else. */
export const touchEach = (events: readonly JourneyEvent[]): number => {
  let length = 0
  for (const event of events) length += event.type.length
  return length
}

const c360 = customer360Projection()
const customer360 = (): Stepper => stepper(c360.handlers, c360.initialState)
const churn = (): Stepper => stepper(churnProjection.handlers, churnProjection.initialState)

export const handlerRuns: Record<string, (events: readonly RecordedEvent[]) => unknown> = {
  touch: touchEach,
  '360': (events) => foldHandlers([customer360()], events),
  churn: (events) => foldHandlers([churn()], events),
  both: (events) => foldHandlers([customer360(), churn()], events),
  floor: handWrittenFloor,
}

export interface Timing {
  /** Wall-clock milliseconds. */
  readonly ms: number
  /** CPU milliseconds of the process (user + system): steadier than wall time on a machine shared with others. */
  readonly cpuMs: number
}

const cpuMsSince = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

/** Runs each kind `rounds` times, interleaved (so load from elsewhere hits all alike); the best time counts. */
export const measureHandlers = (
  events: readonly RecordedEvent[],
  kinds: readonly string[],
  rounds: number,
  log: (line: string) => void,
): Map<string, Timing> => {
  const best = new Map<string, Timing>()
  for (let round = 0; round < rounds; round++) {
    for (const kind of kinds) {
      const run = handlerRuns[kind]
      if (run === undefined) throw new Error(`unknown kind ${kind}`)
      settleHeap()
      const cpu = process.cpuUsage()
      const started = performance.now()
      run(events)
      const ms = performance.now() - started
      const cpuMs = cpuMsSince(cpu)
      log(
        `handlers-profile ${kind} round ${round + 1}: ${Math.round(ms)} ms (cpu ${Math.round(cpuMs)} ms), ` +
          `${rate(events.length, ms)} events/s`,
      )
      const previous = best.get(kind)
      best.set(kind, {
        ms: Math.min(previous?.ms ?? Infinity, ms),
        cpuMs: Math.min(previous?.cpuMs ?? Infinity, cpuMs),
      })
    }
  }
  return best
}

const kinds = ['touch', '360', 'churn', 'both', 'floor']

export const handlersProfileBench: Bench = {
  name: 'handlers-profile',
  diagnostic: true,
  description:
    'The customer-360 and churn handlers called directly on plain mutable state (no projection engine), beside the hand-written floor of issue 10 and a loop that only walks the events.',
  run: async (context: BenchContext): Promise<readonly BenchResult[]> => {
    const customers = context.quick ? 300 : 10_000
    const events = recordedHistory(customers)
    context.log(`handlers-profile: ${events.length} events of ${customers} customers`)
    const rounds = context.quick ? 1 : 3
    const best = measureHandlers(events, kinds, rounds, context.log)
    const floor = best.get('floor')
    return kinds.map((kind) => {
      const timing = best.get(kind)
      const ms = timing?.ms ?? NaN
      return {
        name: `handlers ${kind}`,
        events: events.length,
        eventsPerSec: rate(events.length, ms),
        cpuEventsPerSec: rate(events.length, timing?.cpuMs ?? NaN),
        ratio: Math.round(((floor?.ms ?? NaN) / ms) * 100) / 100,
        baseline: 'handlers floor',
        note: context.quick ? 'quick run' : `best of ${rounds} rounds, interleaved`,
      }
    })
  },
}
