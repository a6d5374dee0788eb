import type { RecordedEvent } from '@journeykit/core'

/** How a rebuild sizes its batches when the caller does not fix `batchSize`. */
export interface BatchSizing {
  /** Events in the first batch. */
  readonly first: number
  /** Events in a batch at most. */
  readonly max: number
  /** Events per partition a batch should hold: the next batch is this times the partitions the last one had. */
  readonly perPartition: number
  /** Events per read from the store; reads are gathered into batches. */
  readonly read: number
}

/**
 * The default: batches of 524,288 events, then about 64 events for each partition (customer) the last batch
 * touched, at most 2,097,152. A batch is folded partition by partition, and the more events of a customer it
 * holds, the longer that customer's state stays in the CPU's caches: with 50,000 customers, a batch of 524,288
 * holds about 10 events each (see docs/performance.md, "scaling").
 */
export const defaultBatchSizing: BatchSizing = {
  first: 524_288,
  max: 2_097_152,
  perPartition: 64,
  read: 65_536,
}

/** The size of the batch after one that touched `partitions` partitions. */
export const nextBatchSize = (sizing: BatchSizing, partitions: number): number =>
  Math.min(sizing.max, Math.max(sizing.first, partitions * sizing.perPartition))

/**
 * Gathers `reads` (batches in global order) into batches of at least `size()` events each (the last may hold
 * fewer), in order; `size` is asked again for every batch. A read is never split: a batch may overshoot by less
 * than one read.
 */
export async function* growingBatches(
  reads: AsyncIterable<readonly RecordedEvent[]> | Iterable<readonly RecordedEvent[]>,
  size: () => number,
): AsyncGenerator<readonly RecordedEvent[]> {
  let batch: RecordedEvent[] = []
  for await (const read of reads) {
    for (let i = 0; i < read.length; i++) {
      const event = read[i]
      if (event !== undefined) batch.push(event)
    }
    if (batch.length >= size()) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}
