import type { Bench } from './harness.js'
import { appendMemoryBench } from './benches/append-memory.js'
import { churnCdnowBench } from './benches/churn-cdnow.js'
import { eventStoreDbBench } from './benches/eventstoredb.js'
import { memoryFootprintBench } from './benches/memory-footprint.js'
import { rebuildMemoryBench } from './benches/rebuild-memory.js'
import { replayNdjsonBench } from './benches/replay-ndjson.js'
import { scalingBench } from './benches/scaling.js'
import { simulateBench } from './benches/simulate.js'

/** Every benchmark `pnpm bench` knows, in the order they run. */
export const benches: readonly Bench[] = [
  rebuildMemoryBench,
  replayNdjsonBench,
  scalingBench,
  appendMemoryBench,
  memoryFootprintBench,
  eventStoreDbBench,
  churnCdnowBench,
  simulateBench,
]
