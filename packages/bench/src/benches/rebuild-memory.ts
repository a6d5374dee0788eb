import { churnProjection } from '@journeykit/churn'
import { customer360Projection } from '@journeykit/customer-360'
import type { ProjectionProcessor } from '@journeykit/projections'
import { projectionProcessor, rebuildProjections } from '@journeykit/projections'
import type { MemoryEventStore } from '@journeykit/store-memory'
import type { Bench, BenchResult } from '../harness.js'
import { simulatedStore } from '../simulated-store.js'
import { settleHeap, withPeakRss } from '../harness.js'
import { floorRebuild } from './floor-360-churn.js'

const FLOOR = 'hand-written floor: one plain loop over the same store doing both aggregations'

const storeOf = (size: number): MemoryEventStore => simulatedStore(size, 7)

const processors = (which: 'both' | '360' | 'churn'): ProjectionProcessor<unknown, unknown>[] => {
  const view = projectionProcessor(customer360Projection(), { freeze: 'never' })
  const facts = projectionProcessor(churnProjection, { freeze: 'never' })
  return which === 'both' ? [view, facts] : which === '360' ? [view] : [facts]
}

const timeIt = async (work: () => Promise<unknown>): Promise<number> => {
  settleHeap()
  const started = performance.now()
  await work()
  return performance.now() - started
}

export const rebuildMemoryBench: Bench = {
  name: 'rebuild-360-churn-memory',
  description:
    '1M simulated events in the memory store rebuilt through the 360 and churn projections vs a hand-written floor.',
  run: async ({ quick, log }) => {
    const store = storeOf(quick ? 20_000 : 1_000_000)
    const events = store.size()
    log(`rebuild-360-churn-memory: ${events} events in the store`)
    // alternate the contenders round by round (load from elsewhere hits both alike), keep the best of each
    const best = { both: Infinity, floor: Infinity, '360': Infinity, churn: Infinity }
    let peakRssMB = 0
    for (let round = 0; round < (quick ? 1 : 3); round++) {
      const { result, peakRssMB: rss } = await withPeakRss(() =>
        timeIt(() => rebuildProjections(store, processors('both'))),
      )
      best.both = Math.min(best.both, result)
      peakRssMB = Math.max(peakRssMB, rss)
      best.floor = Math.min(best.floor, await timeIt(() => floorRebuild(store)))
      if (!quick) {
        best['360'] = Math.min(best['360'], await timeIt(() => rebuildProjections(store, processors('360'))))
        best.churn = Math.min(best.churn, await timeIt(() => rebuildProjections(store, processors('churn'))))
      }
    }
    const rate = (ms: number): number => Math.round((events / ms) * 1000)
    const results: BenchResult[] = [
      { name: 'rebuild-360-churn-memory/floor', events, eventsPerSec: rate(best.floor), note: FLOOR },
      {
        name: 'rebuild-360-churn-memory',
        events,
        eventsPerSec: rate(best.both),
        peakRssMB,
        ratio: Number((best.floor / best.both).toFixed(3)),
        baseline: 'rebuild-360-churn-memory/floor',
        note: 'one rebuildProjections call, one read, both projections; goal ≥ 1M events/s and ≥ 0.5 of the floor',
      },
    ]
    if (!quick)
      for (const which of ['360', 'churn'] as const)
        results.push({
          name: `rebuild-360-churn-memory/${which}-alone`,
          events,
          eventsPerSec: rate(best[which]),
          ratio: Number((best.floor / best[which]).toFixed(3)),
          baseline: 'rebuild-360-churn-memory/floor',
        })
    return results
  },
}
