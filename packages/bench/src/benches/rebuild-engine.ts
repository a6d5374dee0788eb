import type { JourneyEvent, RecordedEvent } from '@journeykit/core'
import { eventTypes } from '@journeykit/core'
import { churnProjection } from '@journeykit/churn'
import { customer360Projection } from '@journeykit/customer-360'
import type { FreezePolicy, Handlers, RebuildSource } from '@journeykit/projections'
import {
  defineProjection,
  inBatches,
  projectionProcessor,
  rebuildProjections,
  runProjections,
} from '@journeykit/projections'
import { simulate } from '@journeykit/simulator'
import type { MemoryEventStore } from '@journeykit/store-memory'
import { memoryEventStore } from '@journeykit/store-memory'
import type { Bench, BenchContext, BenchResult } from '../harness.js'
import { heapUsed, rate, settleHeap, withPeakRss } from '../harness.js'

interface Count {
  events: number
}

/** The engine's own cost: one trivial handler for every event type (count the customer's events). */
const countAll = (draft: Count): void => {
  draft.events++
}
const trivialHandlers: Handlers<Count> = Object.fromEntries(eventTypes.map((type) => [type, countAll]))
const trivial = defineProjection<Count>({
  name: 'bench-trivial',
  version: 1,
  initialState: () => ({ events: 0 }),
  handlers: trivialHandlers,
})

/** What a hand-written rebuild of the same projection does: the same Map, the same state, no engine. */
const plainLoop = (events: readonly RecordedEvent[]): number => {
  const partitions = new Map<string, Count>()
  for (const event of events) {
    let state = partitions.get(event.customerId)
    if (state === undefined) partitions.set(event.customerId, (state = { events: 0 }))
    state.events++
  }
  return partitions.size
}

/**
 * Appends events one by one, each with the revision its stream is at (so the store checks it without scanning
 * the stream for duplicates). The appends are started without waiting, so they land before any reader wakes.
 */
const appendAll = async (
  store: MemoryEventStore,
  events: Iterable<JourneyEvent>,
  limit: number,
): Promise<number> => {
  const revisions = new Map<string, bigint>()
  const appends: Promise<unknown>[] = []
  for (const event of events) {
    if (appends.length >= limit) break
    const expected = revisions.get(event.streamId)
    revisions.set(event.streamId, expected === undefined ? 0n : expected + 1n)
    appends.push(store.appendToStream(event.streamId, [event], { expectedRevision: expected ?? 'no_stream' }))
  }
  await Promise.all(appends)
  return revisions.size
}

const withoutPosition = function* (events: readonly RecordedEvent[]): Generator<JourneyEvent> {
  for (const { position: _position, revision: _revision, ...event } of events) yield event
}

/** Simulated journeys (realistic, decider-valid, in time order) appended one by one to a memory store. */
const loadStore = async (
  target: number,
  log: (line: string) => void,
): Promise<{ store: MemoryEventStore; events: RecordedEvent[] }> => {
  const store = memoryEventStore()
  const started = performance.now()
  const customers = await appendAll(store, simulate({ customers: Math.ceil(target / 90), seed: 7 }), target)
  const events: RecordedEvent[] = []
  for await (const batch of store.readAll({ batchSize: 65_536 })) events.push(...batch)
  log(`rebuild-engine: ${events.length} events of ${customers} customers in ${ms(started)} ms`)
  return { store, events }
}

const ms = (since: number): number => Math.round(performance.now() - since)

interface Timing {
  /** Wall-clock milliseconds. */
  readonly wall: number
  /** CPU milliseconds of this process (user + system): less disturbed by other processes on the machine. */
  readonly cpu: number
}

const timed = async (work: () => unknown): Promise<Timing> => {
  settleHeap()
  const cpu = process.cpuUsage()
  const started = performance.now()
  await work()
  const wall = performance.now() - started
  const used = process.cpuUsage(cpu)
  return { wall, cpu: (used.user + used.system) / 1000 }
}

const fastest = (a: Timing, b: Timing): Timing => ({
  wall: Math.min(a.wall, b.wall),
  cpu: Math.min(a.cpu, b.cpu),
})
const never: Timing = { wall: Infinity, cpu: Infinity }

/** Runs a and b alternately (so that load from elsewhere hits both alike); the best times of each. */
const alternate = async (
  rounds: number,
  a: () => unknown,
  b: () => unknown,
): Promise<{ a: Timing; b: Timing }> => {
  let best = { a: never, b: never }
  for (let r = 0; r < rounds; r++)
    best = { a: fastest(best.a, await timed(a)), b: fastest(best.b, await timed(b)) }
  return best
}

/** Engine vs plain loop: events/s of each (wall clock) and the ratio of their CPU times. */
const comparison = (n: number, { a: plain, b: engine }: { a: Timing; b: Timing }) => ({
  eventsPerSec: rate(n, engine.wall),
  ratio: Number((plain.cpu / engine.cpu).toFixed(3)),
  baseline: 'plain loop over the same array',
  plainEventsPerSec: rate(n, plain.wall),
  engineCpuEventsPerSec: rate(n, engine.cpu),
  plainCpuEventsPerSec: rate(n, plain.cpu),
})

const rebuildTrivial = (
  source: MemoryEventStore | (() => Iterable<readonly RecordedEvent[]>),
  policy: FreezePolicy,
) => rebuildProjections(source, [projectionProcessor(trivial, { freeze: policy })])

/** Every envelope field, in one order: copying an event onto it gives every copy the same hidden class. */
const envelopeSlots = () => ({
  id: '',
  type: '',
  streamId: '',
  customerId: '',
  occurredAt: '',
  recordedAt: '',
  schemaVersion: 0,
  data: {},
  metadata: undefined,
  position: 0n,
  revision: 0n,
})

/** The event as a fixed-shape object (the memory store's spread-built events are much slower to read). */
const reshape = (event: RecordedEvent): RecordedEvent => Object.freeze(Object.assign(envelopeSlots(), event))

/** Deep-freezes a state the way immer's `freeze(state, true)` does: what the `eager` policy pays per state. */
const deepFreeze = (value: unknown): void => {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return
  Object.freeze(value)
  for (const child of Object.values(value)) deepFreeze(child)
}

const engineRows = async (
  context: BenchContext,
  store: MemoryEventStore,
  events: readonly RecordedEvent[],
): Promise<BenchResult[]> => {
  const rounds = context.quick ? 1 : 7
  const n = events.length
  const fromStore = await alternate(
    rounds,
    () => plainLoop(events),
    () => rebuildTrivial(store, 'lazy'),
  )
  const shaped = events.map(reshape)
  const batches = [...inBatches(shaped, 4096)]
  const fixed = await alternate(
    rounds,
    () => plainLoop(shaped),
    () => rebuildTrivial(() => batches, 'lazy'),
  )
  const unfrozen = await timed(() => rebuildTrivial(store, 'never'))
  const eager = await timed(() => rebuildTrivial(store, 'eager'))
  context.log(
    `rebuild-engine: memory store, plain ${Math.round(fromStore.a.cpu)} ms CPU, engine ${Math.round(fromStore.b.cpu)} ms CPU; ` +
      `fixed shape, plain ${Math.round(fixed.a.cpu)} ms CPU, engine ${Math.round(fixed.b.cpu)} ms CPU`,
  )
  return [
    {
      name: 'rebuild engine, trivial handlers, memory store',
      events: n,
      ...comparison(n, fromStore),
      freezeNeverEventsPerSec: rate(n, unfrozen.wall),
      freezeEagerEventsPerSec: rate(n, eager.wall),
      note: `rebuildProjections(store, [trivial]) incl. readAll (batches of 4096) vs a hand-written Map loop; best of ${rounds}, alternated; ratio of CPU times`,
    },
    {
      name: 'rebuild engine, trivial handlers, fixed-shape events',
      events: n,
      ...comparison(n, fixed),
      note: 'the same events copied into fixed-shape objects (the memory store builds its events with a spread, slow to read)',
    },
  ]
}

const rebuild360AndChurn = async (source: RebuildSource) => {
  const view = projectionProcessor(customer360Projection(), { freeze: 'never' })
  const facts = projectionProcessor(churnProjection, { freeze: 'never' })
  const timing = await timed(() => rebuildProjections(source, [view, facts]))
  return { timing, view, facts }
}

/** 360 + churn rebuilt together in one read, as the CLI does: events/s, heap, and the cost of freezing eagerly. */
const realRows = async (
  context: BenchContext,
  store: MemoryEventStore,
  events: readonly RecordedEvent[],
): Promise<BenchResult[]> => {
  const n = events.length
  const before = heapUsed()
  const { result, peakRssMB } = await withPeakRss(() => rebuild360AndChurn(store))
  const heap = heapUsed() - before
  const partitions = result.view.snapshot().partitions
  const customers = partitions.size // `result` keeps both processors alive until here
  const { wall: freezeMs } = await timed(() => {
    for (const state of partitions.values()) deepFreeze(state)
  })
  context.log(
    `rebuild-engine: 360 + churn ${Math.round(result.timing.wall)} ms, eager deep freeze of 360 ${Math.round(freezeMs)} ms`,
  )
  const k = Math.min(n, context.quick ? 50_000 : 300_000)
  const sample = events.slice(0, k)
  const shaped = sample.map(reshape)
  const storeShape = await rebuild360AndChurn(() => inBatches(sample))
  const fixedShape = await rebuild360AndChurn(() => inBatches(shaped))
  return [
    {
      name: 'rebuild customer-360 + churn, one read, memory store',
      events: n,
      eventsPerSec: rate(n, result.timing.wall),
      cpuEventsPerSec: rate(n, result.timing.cpu),
      peakRssMB,
      bytesPerCustomer: customers === 0 ? 0 : Math.round(heap / customers),
      eagerFreeze360Ms: Math.round(freezeMs),
      note: 'freeze never; bytesPerCustomer = heap of both projections; eagerFreeze360Ms = deep-freezing every 360 state afterwards (what eager adds)',
    },
    {
      name: `rebuild customer-360 + churn, first ${k.toLocaleString('en-US')} events, fixed-shape`,
      events: k,
      eventsPerSec: rate(k, fixedShape.timing.wall),
      cpuEventsPerSec: rate(k, fixedShape.timing.cpu),
      storeShapeEventsPerSec: rate(k, storeShape.timing.wall),
      storeShapeCpuEventsPerSec: rate(k, storeShape.timing.cpu),
      note: 'the same events as the memory store hands them out (storeShape) and copied into fixed-shape objects',
    },
  ]
}

/** Live mode: the same trivial projection through immer drafts, batch by batch, behind a live subscription. */
const liveRow = async (context: BenchContext, events: readonly RecordedEvent[]): Promise<BenchResult> => {
  const n = Math.min(events.length, context.quick ? 50_000 : 300_000)
  const store = memoryEventStore()
  const processor = projectionProcessor(trivial)
  const runner = runProjections(store, [processor])
  await runner.caughtUp
  const drained = new Promise<void>((resolve) => {
    processor.subscribe((change) => {
      if (change.snapshot.stats.applied >= n) resolve()
    })
  })
  await appendAll(store, withoutPosition(events), n)
  const started = performance.now()
  await drained
  const millis = performance.now() - started
  await runner.stop()
  return {
    name: 'live mode, trivial handlers (immer per batch)',
    events: n,
    eventsPerSec: rate(n, millis),
    note: 'appended first, then drained by the live subscription: batches of up to 4096, one produce per touched partition, persistent partition map',
  }
}

export const rebuildEngineBench: Bench = {
  name: 'rebuild-engine',
  diagnostic: true,
  description: 'projection engine: rebuild throughput vs a plain loop, 360 + churn in one read, live mode',
  run: async (context) => {
    const { store, events } = await loadStore(context.quick ? 100_000 : 1_000_000, context.log)
    const rows = await engineRows(context, store, events)
    rows.push(...(await realRows(context, store, events)))
    rows.push(await liveRow(context, events))
    return rows
  },
}
