import type { Bench } from './harness.js'
import { appendMemoryBench } from './benches/append-memory.js'
import { churnCdnowBench } from './benches/churn-cdnow.js'
import { eventStoreDbBench } from './benches/eventstoredb.js'
import { handlersProfileBench } from './benches/handlers-profile.js'
import { memoryFootprintBench } from './benches/memory-footprint.js'
import { rebuildEngineBench } from './benches/rebuild-engine.js'
import { rebuildMemoryBench } from './benches/rebuild-memory.js'
import { replayNdjsonBench } from './benches/replay-ndjson.js'
import { scalingBench } from './benches/scaling.js'
import { simulateBench } from './benches/simulate.js'

/** Every benchmark `pnpm bench` knows, in the order they run (diagnostics only with `--only NAME`). */
export const benches: readonly Bench[] = [
  rebuildMemoryBench,
  replayNdjsonBench,
  scalingBench,
  appendMemoryBench,
  memoryFootprintBench,
  eventStoreDbBench,
  churnCdnowBench,
  simulateBench,
  rebuildEngineBench,
  handlersProfileBench,
]

/** What `pnpm bench` runs: every benchmark but the diagnostics, or the one named with `--only`. */
export const selectBenches = (only: string | undefined): readonly Bench[] =>
  only === undefined ? benches.filter((b) => b.diagnostic !== true) : benches.filter((b) => b.name === only)
