import type { RecordedEvent } from '@journeykit/core'
import type { IncomingEvent } from './boundary/connection.js'
import type { AdapterContext } from './context.js'
import { decodeOrReport } from './context.js'
import type { FilterPlan } from './filter.js'

/** Collects decoded, accepted events into batches of at most `batchSize`, up to `maxCount` in all. */
export const batcher = (ctx: AdapterContext, plan: FilterPlan, batchSize: number, maxCount: number) => {
  let batch: RecordedEvent[] = []
  let delivered = 0
  return {
    /** Adds one event if the filter accepts it; false once `maxCount` is reached. */
    add: (incoming: IncomingEvent): boolean => {
      if (delivered >= maxCount) return false
      if (!plan.accepts(incoming)) return true
      const event = decodeOrReport(ctx, incoming)
      if (event === undefined) return true
      batch.push(event)
      delivered++
      return delivered < maxCount
    },
    full: () => batch.length >= batchSize,
    take: (): RecordedEvent[] => {
      const out = batch
      batch = []
      return out
    },
    done: () => delivered >= maxCount,
  }
}
