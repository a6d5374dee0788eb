import type { EventStore, RecordedEvent } from '@journeykit/core'

/**
 * Recorded events in batches, in global order (strictly increasing positions), from the beginning each time the
 * function is called: a rebuild under the `skip` policy may read them twice.
 */
export type EventBatches = () => AsyncIterable<readonly RecordedEvent[]> | Iterable<readonly RecordedEvent[]>

/** What a rebuild reads: a store (through `readAll`) or batches of recorded events. */
export type RebuildSource = EventStore | EventBatches

export const readSource = (
  source: RebuildSource,
  batchSize: number,
): AsyncIterable<readonly RecordedEvent[]> | Iterable<readonly RecordedEvent[]> =>
  typeof source === 'function' ? source() : source.readAll({ batchSize })

const isArray = (events: Iterable<RecordedEvent>): events is readonly RecordedEvent[] => Array.isArray(events)

/** Cuts events (an array, a generator, the simulator, ...) into batches of `size`. */
export function* inBatches(
  events: Iterable<RecordedEvent>,
  size = 4096,
): Generator<readonly RecordedEvent[], undefined, unknown> {
  if (isArray(events)) {
    for (let i = 0; i < events.length; i += size) yield events.slice(i, i + size)
    return undefined
  }
  let batch: RecordedEvent[] = []
  for (const event of events) {
    batch.push(event)
    if (batch.length >= size) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
  return undefined
}
