import type { RecordedEvent } from '@journeykit/core'
import { applyBatch } from './apply-batch.js'
import { defaultBatchSizing, growingBatches, nextBatchSize } from './growing-batches.js'
import type { ProcessorEngine, ProjectionProcessor } from './processor/types.js'
import { engine } from './processor/types.js'
import type { ProgressOptions, RebuildProgress } from './progress.js'
import { positiveInteger, progressMeter } from './progress.js'
import type { RebuildSource } from './source.js'
import { readSource } from './source.js'
import type { ProjectionStats } from './stats.js'

export interface RebuildOptions extends ProgressOptions {
  /**
   * Events per batch read from a store. A batch is folded partition by partition, and the more events of one
   * customer it holds, the longer that customer's state stays in the CPU's caches. By default batches grow with
   * the customers: 524,288 events first, then about 64 events per partition the last batch touched, at most
   * 2,097,152. A batch costs memory while it is folded (about 200 bytes per event from the memory store, so up
   * to about 400 MB by default), and progress is reported between batches: set a size where memory is short or
   * reads are slow, at some cost in speed on histories of millions of events (see docs/performance.md).
   */
  readonly batchSize?: number
}

export interface RebuildReport {
  readonly progress: RebuildProgress
  readonly projections: readonly {
    readonly name: string
    readonly version: number
    readonly position: bigint | undefined
    readonly stats: ProjectionStats
  }[]
}

/** Feeds the whole history from the start to the repairs of the processors that need one. */
export const repairAll = async (
  engines: readonly ProcessorEngine[],
  read: () => AsyncIterable<readonly RecordedEvent[]> | Iterable<readonly RecordedEvent[]>,
): Promise<void> => {
  const repairing = engines.filter((e) => e.repairUpTo() !== undefined)
  if (repairing.length === 0) return
  for await (const batch of read()) {
    let more = false
    for (const e of repairing) if (e.repair(batch)) more = true
    if (!more) break
  }
}

const lastPosition = (batch: readonly RecordedEvent[]): bigint | undefined =>
  batch[batch.length - 1]?.position

/**
 * Rebuilds projections from the whole history in ONE read: every batch goes to every processor, whose recipes
 * change plain mutable state (no drafts, no copies), frozen per its freeze policy at the end. A batch is folded
 * partition by partition, the processors' groups of one partition key one after the other, so that a customer's
 * events are read from memory once for all the projections. Processors with a checkpoint store commit the
 * result (replacing their record). Rejects with `ProjectionHandlerError` when a handler throws under `halt`
 * (nothing is committed then).
 *
 * ```ts
 * const view = projectionProcessor(customer360Projection())
 * const facts = projectionProcessor(churnProjection)
 * await rebuildProjections(store, [view, facts], { onProgress: (p) => bar.update(p) })
 * view.snapshot().partitions
 * ```
 */
export const rebuildProjections = async (
  source: RebuildSource,
  processors: readonly ProjectionProcessor<unknown, unknown>[],
  options: RebuildOptions = {},
): Promise<RebuildReport> => {
  const sizing = defaultBatchSizing
  const batchSize = positiveInteger('batchSize', options.batchSize, sizing.read)
  const growing = options.batchSize === undefined && typeof source !== 'function'
  let nextSize = sizing.first
  const meter = progressMeter(options)
  const engines = processors.map((p) => p[engine])
  const opened: ProcessorEngine[] = []
  try {
    for (const e of engines) {
      await e.open('rebuild')
      opened.push(e)
    }
    const reads = readSource(source, batchSize)
    for await (const batch of growing ? growingBatches(reads, () => nextSize) : reads) {
      nextSize = nextBatchSize(sizing, applyBatch(engines, batch))
      meter.advance(batch.length, lastPosition(batch))
    }
    await repairAll(engines, () => readSource(source, batchSize))
    for (const e of engines) e.seal()
    for (const e of engines) await e.commit()
  } finally {
    for (const e of opened) e.close()
  }
  return {
    progress: meter.finish(),
    projections: processors.map((p) => {
      const snapshot = p.snapshot()
      return { name: p.name, version: p.version, position: snapshot.position, stats: snapshot.stats }
    }),
  }
}
