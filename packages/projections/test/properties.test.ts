import type { JourneyEvent, RecordedEvent } from '@journeykit/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ProjectionDefinition, ProjectionProcessor } from '../src/index.js'
import {
  foldProjection,
  memoryCheckpointStore,
  projectionProcessor,
  rebuildProjections,
  runProjections,
} from '../src/index.js'
import { customer360Projection } from '../../customer-360/src/index.js'
import type { OrderBook, Totals } from './support/orders.js'
import { ordersProjection } from './support/orders.js'
import { chunks, scriptedStore, storeWith, watchedStore } from './support/stores.js'
import { interleavedJourneysArb, interleavingArb, recordEvents } from './support/testing.js'

const orders = ordersProjection()
const portfolioArb = interleavedJourneysArb({ maxCustomers: 4, journey: { maxSteps: 14 } })
const sizesArb = fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 40 })

/** Partitions as a plain object (order-free equality) plus the portfolio and position. */
const comparable = <S, G>(state: {
  readonly partitions: ReadonlyMap<string, S>
  readonly portfolio: G | undefined
  readonly position: bigint | undefined
}) => ({
  partitions: Object.fromEntries(state.partitions),
  portfolio: state.portfolio,
  position: state.position,
})

const rebuilt = <S, G>(definition: ProjectionDefinition<S, G>, events: readonly RecordedEvent[]) =>
  comparable(foldProjection(definition, events))

/** Runs the processors over the store until caught up, then stops. */
const runToEnd = async (
  store: Parameters<typeof runProjections>[0],
  processors: readonly ProjectionProcessor<unknown, unknown>[],
  options: Parameters<typeof runProjections>[2] = {},
): Promise<void> => {
  const runner = runProjections(store, processors, options)
  const caughtUp = await runner.caughtUp
  await runner.stop()
  expect(caughtUp).toBe(true)
}

describe('live in any batch sizes', () => {
  it('gives the same state as a rebuild (orders projection, catch-up then live)', async () => {
    await fc.assert(
      fc.asyncProperty(portfolioArb, sizesArb, fc.nat(), async ({ events }, sizes, split) => {
        const recorded = recordEvents(events)
        const batches = chunks(recorded, sizes)
        const cut = batches.length === 0 ? 0 : split % (batches.length + 1)
        const processor = projectionProcessor(orders)
        await runToEnd(scriptedStore(batches.slice(0, cut), batches.slice(cut)), [processor])
        expect(comparable(processor.snapshot())).toEqual(rebuilt(orders, recorded))
      }),
      { numRuns: 60 },
    )
  })

  it('gives the same state as a rebuild (customer 360)', async () => {
    const view = customer360Projection()
    await fc.assert(
      fc.asyncProperty(
        interleavedJourneysArb({ maxCustomers: 3, journey: { maxSteps: 10 } }),
        sizesArb,
        async ({ events }, sizes) => {
          const recorded = recordEvents(events)
          const processor = projectionProcessor(view)
          await runToEnd(scriptedStore([], chunks(recorded, sizes)), [processor])
          expect(comparable(processor.snapshot())).toEqual(rebuilt(view, recorded))
        },
      ),
      { numRuns: 15 },
    )
  })

  it('follows a memory store live through its subscription', async () => {
    await fc.assert(
      fc.asyncProperty(
        portfolioArb,
        sizesArb,
        fc.integer({ min: 1, max: 9 }),
        async ({ events }, sizes, batchSize) => {
          const store = await storeWith([])
          const processor = projectionProcessor(orders)
          const runner = runProjections(store, [processor], { batchSize })
          expect(await runner.caughtUp).toBe(true)
          for (const chunk of chunks(events, sizes)) {
            for (const event of chunk) void store.appendToStream(event.streamId, [event])
            await new Promise((resolve) => setImmediate(resolve))
          }
          await runner.stop()
          expect(comparable(processor.snapshot())).toEqual(rebuilt(orders, recordEvents(events)))
        },
      ),
      { numRuns: 30 },
    )
  })
})

describe('at-least-once delivery', () => {
  it('redelivering any subset of events changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        portfolioArb,
        sizesArb,
        fc.array(fc.array(fc.nat(), { maxLength: 6 }), { maxLength: 40 }),
        async ({ events }, sizes, repeats) => {
          const recorded = recordEvents(events)
          let redelivered = 0
          const batches = chunks(recorded, sizes).map((batch, i) => {
            const seen = recorded.slice(0, recorded.indexOf(batch[0] ?? recorded[0]!))
            const again = [...new Set((repeats[i] ?? []).map((k) => seen[k % Math.max(1, seen.length)]))]
              .filter((e): e is RecordedEvent => e !== undefined)
              .sort((a, b) => (a.position < b.position ? -1 : 1))
            redelivered += again.length
            return [...again, ...batch]
          })
          const processor = projectionProcessor(orders)
          await runToEnd(scriptedStore([], [...batches, ...batches.slice(0, 2)]), [processor])
          const twice = batches.slice(0, 2).reduce((n, b) => n + b.length, 0)
          expect(comparable(processor.snapshot())).toEqual(rebuilt(orders, recorded))
          expect(processor.snapshot().stats.ignored).toBe(redelivered + twice)
        },
      ),
      { numRuns: 60 },
    )
  })
})

describe('stopping and restarting', () => {
  it('from the checkpoint store at random positions gives the same state as one rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(
        portfolioArb,
        fc.array(fc.record({ after: fc.nat({ max: 60 }), crash: fc.boolean() }), { maxLength: 4 }),
        fc.integer({ min: 1, max: 7 }),
        async ({ events }, interruptions, batchSize) => {
          const store = await storeWith(events)
          const checkpoints = memoryCheckpointStore<OrderBook, Totals>()
          for (const { after, crash } of interruptions) {
            const processor = projectionProcessor(orders, { checkpoints })
            let stop: () => void = () => undefined
            const watched = watchedStore(store, (n) => n >= after && stop(), crash ? after : Infinity)
            const runner = runProjections(watched, [processor], { batchSize, commitEvery: crash ? 5 : 1 })
            stop = () => void runner.stop().catch(() => undefined)
            void runner.caughtUp.then(stop) // stops at the end when `after` lies beyond it
            await runner.done.catch(() => undefined)
          }
          const processor = projectionProcessor(orders, { checkpoints })
          await runToEnd(store, [processor], { batchSize })
          expect(comparable(processor.snapshot())).toEqual(rebuilt(orders, recordEvents(events)))
          const stored = await checkpoints.load(processor.key)
          if (events.length > 0) expect(stored?.checkpoint.position).toBe(processor.snapshot().position)
        },
      ),
      { numRuns: 40 },
    )
  })
})

describe('interleavings', () => {
  const perCustomer = (events: readonly JourneyEvent[]) =>
    fc.tuple(interleavingArb(groupByCustomer(events)), interleavingArb(groupByCustomer(events)))

  it('do not change any customer result (orders and customer 360)', async () => {
    const view = customer360Projection()
    await fc.assert(
      fc.asyncProperty(
        portfolioArb.chain(({ events }) => perCustomer(events)),
        async ([first, second]) => {
          const a = projectionProcessor(orders)
          const b = projectionProcessor(orders)
          const a360 = projectionProcessor(view)
          const b360 = projectionProcessor(view)
          await rebuildProjections(() => [recordEvents(first)], [a, a360])
          await rebuildProjections(() => [recordEvents(second)], [b, b360])
          expect(Object.fromEntries(a.snapshot().partitions)).toEqual(
            Object.fromEntries(b.snapshot().partitions),
          )
          expect(a.snapshot().portfolio).toEqual(b.snapshot().portfolio)
          expect(Object.fromEntries(a360.snapshot().partitions)).toEqual(
            Object.fromEntries(b360.snapshot().partitions),
          )
        },
      ),
      { numRuns: 25 },
    )
  })
})

const groupByCustomer = (events: readonly JourneyEvent[]): JourneyEvent[][] => {
  const streams = new Map<string, JourneyEvent[]>()
  for (const event of events) {
    const stream = streams.get(event.customerId)
    if (stream === undefined) streams.set(event.customerId, [event])
    else stream.push(event)
  }
  return [...streams.values()]
}
