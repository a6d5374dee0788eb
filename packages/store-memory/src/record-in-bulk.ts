import type { JourneyEvent, RecordedEvent } from '@journeykit/core'
import { InvalidAppendError, recordedEvent } from '@journeykit/core'
import type { MemoryEventStore } from './memory-store.js'

export interface RecordInBulkOptions {
  /** Record at most this many events of `events`. Default: all. */
  readonly limit?: number
}

/**
 * Records a history into an empty memory store in its order, as one append per event would (positions from 128
 * in steps of 16, revisions counted per stream), in batches through `importRecorded`: several times faster than
 * appending, for a history known to be consistent (a simulation, a copy). Returns how many events it recorded.
 * A store that already holds events is refused with `InvalidAppendError` before anything is added.
 */
export const recordInBulk = (
  store: MemoryEventStore,
  events: Iterable<JourneyEvent>,
  options: RecordInBulkOptions = {},
): number => {
  const limit = options.limit ?? Infinity
  const revisions = new Map<string, bigint>()
  let position = 128n
  let batch: RecordedEvent[] = []
  let count = 0
  const first = store.size() === 0 ? undefined : store.streamIds().next().value
  if (first !== undefined)
    throw new InvalidAppendError(first, 'recordInBulk records into an empty store; this one holds events')
  for (const event of events) {
    if (count >= limit) break
    const revision = revisions.get(event.streamId) ?? 0n
    revisions.set(event.streamId, revision + 1n)
    batch.push(recordedEvent(event, position, revision))
    position += 16n
    count++
    if (batch.length >= 4096) {
      store.importRecorded(batch)
      batch = []
    }
  }
  store.importRecorded(batch)
  return count
}
