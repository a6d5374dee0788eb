import type { RecordedEvent } from '@journeykit/core'
import { simulate } from '@journeykit/simulator'
import type { MemoryEventStore } from '@journeykit/store-memory'
import { memoryEventStore } from '@journeykit/store-memory'

/**
 * A fresh memory store holding the first `size` events of a simulation of `size / 100` customers, recorded in
 * bulk as appends would record them (positions from 128 in steps of 16, revisions counted per stream).
 */
export const simulatedStore = (size: number, seed: number): MemoryEventStore => {
  const store = memoryEventStore()
  const revisions = new Map<string, bigint>()
  let position = 128n
  let batch: RecordedEvent[] = []
  let count = 0
  for (const event of simulate({ customers: Math.max(1, Math.round(size / 100)), seed })) {
    if (count++ >= size) break
    const revision = revisions.get(event.streamId) ?? 0n
    revisions.set(event.streamId, revision + 1n)
    batch.push({ ...event, position, revision })
    position += 16n
    if (batch.length >= 4096) {
      store.importRecorded(batch)
      batch = []
    }
  }
  store.importRecorded(batch)
  return store
}
