import { churnProjection } from '@journeykit/churn'
import { customer360Projection } from '@journeykit/customer-360'
import type { ProjectionProcessor } from '@journeykit/projections'
import { projectionProcessor, rebuildProjections } from '@journeykit/projections'
import type { MemoryEventStore } from '@journeykit/store-memory'
import type { Bench, BenchResult } from '../harness.js'
import { simulatedStore } from '../simulated-store.js'
import { heapUsed, settleHeap } from '../harness.js'
import { floorRebuild } from './floor-360-churn.js'

const storeOf = (size: number): MemoryEventStore => simulatedStore(size, 9)

/** Rebuilds one processor alone and measures the heap its state holds, per customer. */
const bytesPerCustomer = async (
  store: MemoryEventStore,
  processor: ProjectionProcessor<unknown, unknown>,
) => {
  const before = heapUsed()
  await rebuildProjections(store, [processor])
  const customers = processor.snapshot().partitions.size
  return { customers, bytes: Math.round((heapUsed() - before) / Math.max(1, customers)) }
}

const rebuildBoth = (store: MemoryEventStore) =>
  rebuildProjections(store, [
    projectionProcessor(customer360Projection(), { freeze: 'never' }),
    projectionProcessor(churnProjection, { freeze: 'never' }),
  ])

/** Events per second of `work` on the store, the best of `rounds`. */
const bestRate = async (store: MemoryEventStore, rounds: number, work: () => Promise<unknown>) => {
  let best = Infinity
  for (let round = 0; round < rounds; round++) {
    settleHeap()
    const started = performance.now()
    await work()
    best = Math.min(best, performance.now() - started)
  }
  return Math.round((store.size() / best) * 1000)
}

/**
 * Rebuilds timed per size: enough that each size is timed over a few seconds (a rebuild of 100k events takes
 * about 0.2 s, and one short run on a shared machine says little), at least two.
 */
const roundsFor = (size: number, quick: boolean): number =>
  quick ? 1 : size <= 100_000 ? 10 : size <= 1_000_000 ? 3 : 2

export const scalingBench: Bench = {
  name: 'scaling',
  description:
    'Rebuild rate (best of 10, 3 and 2 rebuilds, after a warm-up), the hand-written floor on the same store, and memory at 100k, 1M and 5M events: bytes per stored event, per customer per view.',
  run: async ({ quick, log }) => {
    const sizes = quick ? [10_000, 50_000] : [100_000, 1_000_000, 5_000_000]
    const results: BenchResult[] = []
    let first: number | undefined
    let firstFloor: number | undefined
    await rebuildBoth(storeOf(20_000)) // compile the handlers before the first size is timed
    for (const size of sizes) {
      const empty = heapUsed()
      const store = storeOf(size)
      const bytesPerEvent = Math.round((heapUsed() - empty) / store.size())
      const rounds = roundsFor(size, quick)
      const eventsPerSec = await bestRate(store, rounds, () => rebuildBoth(store))
      const floorPerSec = await bestRate(store, rounds, () => floorRebuild(store))
      first ??= eventsPerSec
      firstFloor ??= floorPerSec
      const view = await bytesPerCustomer(
        store,
        projectionProcessor(customer360Projection(), { freeze: 'never' }),
      )
      const facts = await bytesPerCustomer(store, projectionProcessor(churnProjection, { freeze: 'never' }))
      const rss = Math.round(process.memoryUsage.rss() / 1024 / 1024)
      log(
        `scaling ${size}: ${eventsPerSec} events/s (floor ${floorPerSec}), ${bytesPerEvent} B/event, 360 ${view.bytes} B/customer, churn ${facts.bytes} B/customer`,
      )
      results.push({
        name: `scaling/${size}`,
        events: store.size(),
        eventsPerSec,
        bytesPerEvent,
        peakRssMB: rss,
        ratio: Number((eventsPerSec / first).toFixed(3)),
        baseline: `scaling/${sizes[0]}`,
        customers: view.customers,
        bytesPerCustomer360: view.bytes,
        bytesPerCustomerChurn: facts.bytes,
        note: 'rebuild of 360 + churn from the memory store; bytes per stored event and per customer are heap deltas after gc',
      })
      results.push({
        name: `scaling/${size}/floor`,
        events: store.size(),
        eventsPerSec: floorPerSec,
        ratio: Number((floorPerSec / firstFloor).toFixed(3)),
        baseline: `scaling/${sizes[0]}/floor`,
        libraryToFloor: Number((eventsPerSec / floorPerSec).toFixed(3)),
        note: 'the hand-written floor of rebuild-360-churn-memory on the same store: how far the rate of a plain loop falls with size',
      })
    }
    return results
  },
}
