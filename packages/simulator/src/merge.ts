import type { JourneyEvent } from '@journeykit/core'
import { DAY_MS } from '@journeykit/core'
import type { Sim, World } from './sim.js'
import { nextStepAt, runUntil } from './sim.js'

/** The simulation advances one window of simulated time at a time. */
const WINDOW_MS = DAY_MS
/** An event's sort key: its second within the window, times this, plus its place in the window's buffer. */
const SLOTS = 2 ** 32

/**
 * The customers waiting for their next step, as a binary min-heap on (time of next step, customer number). The
 * keys live in typed arrays so that ordering never has to visit the customers themselves (it stays in cache).
 */
interface Queue {
  readonly at: Float64Array
  readonly who: Int32Array
  size: number
}

/** A queue of all customers keyed by when they register (built bottom-up in linear time). */
const queueOf = (registeredMs: Float64Array): Queue => {
  const q: Queue = {
    at: Float64Array.from(registeredMs),
    who: Int32Array.from(registeredMs, (_, i) => i),
    size: 0,
  }
  q.size = registeredMs.length
  for (let i = (q.size >> 1) - 1; i >= 0; i--) siftDown(q, i)
  return q
}

const earlier = (q: Queue, i: number, j: number): boolean => {
  const a = q.at[i] ?? Infinity
  const b = q.at[j] ?? Infinity
  return a < b || (a === b && (q.who[i] ?? 0) < (q.who[j] ?? 0))
}

const swap = (q: Queue, i: number, j: number): void => {
  const at = q.at[i] ?? Infinity
  const who = q.who[i] ?? 0
  q.at[i] = q.at[j] ?? Infinity
  q.who[i] = q.who[j] ?? 0
  q.at[j] = at
  q.who[j] = who
}

const enqueue = (q: Queue, customer: number, at: number): void => {
  let i = q.size++
  q.at[i] = at
  q.who[i] = customer
  while (i > 0) {
    const parent = (i - 1) >> 1
    if (!earlier(q, i, parent)) break
    swap(q, i, parent)
    i = parent
  }
}

const siftDown = (q: Queue, start: number): void => {
  let i = start
  for (;;) {
    const left = 2 * i + 1
    if (left >= q.size) break
    const child = left + 1 < q.size && earlier(q, left + 1, left) ? left + 1 : left
    if (!earlier(q, child, i)) break
    swap(q, i, child)
    i = child
  }
}

/** Removes the first customer (the caller has read it from `who[0]`). */
const dequeue = (q: Queue): void => {
  const last = --q.size
  q.at[0] = q.at[last] ?? Infinity
  q.who[0] = q.who[last] ?? 0
  siftDown(q, 0)
}

/**
 * Merges the customers' lazily generated histories into one stream in global time order.
 *
 * Time advances a day at a time. Within a day each customer due runs all of their steps in one go (which
 * keeps their state hot in the CPU caches), and the day's events are then sorted by the second they occurred
 * in (a native sort of numeric keys); events of the same second keep the order in which they were generated,
 * so each customer's events stay in the order their steps emitted them. Customers are created when they register. Memory is bounded
 * by the customers plus one day of events.
 */
export function* merge(
  world: World,
  registeredMs: Float64Array,
  customerAt: (index: number) => Sim,
): Generator<JourneyEvent, void, undefined> {
  const startMs = world.settings.startMs
  const waiting = queueOf(registeredMs)
  const events: JourneyEvent[] = []
  let keys = new Float64Array(1024)
  let windowStart = startMs
  const sink = (event: JourneyEvent, ms: number): void => {
    const n = events.length
    if (n === keys.length) {
      const grown = new Float64Array(2 * n)
      grown.set(keys)
      keys = grown
    }
    keys[n] = ((ms - windowStart) / 1000) * SLOTS + n
    events.push(event)
  }
  world.sink = sink
  while (waiting.size > 0) {
    const first = waiting.at[0] ?? Infinity
    windowStart = Math.max(windowStart, Math.floor((first - startMs) / WINDOW_MS) * WINDOW_MS + startMs)
    const windowEnd = windowStart + WINDOW_MS
    while (waiting.size > 0 && (waiting.at[0] ?? Infinity) < windowEnd) {
      const customer = waiting.who[0] ?? 0
      dequeue(waiting)
      const c = customerAt(customer)
      runUntil(c, windowEnd)
      const next = nextStepAt(c)
      if (next !== Infinity) enqueue(waiting, customer, next)
    }
    const order = keys.subarray(0, events.length).sort()
    for (const key of order) {
      const event = events[key % SLOTS]
      if (event !== undefined) yield event
    }
    events.length = 0
    windowStart = windowEnd
  }
}
