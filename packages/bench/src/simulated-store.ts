import { simulate } from '@journeykit/simulator'
import type { MemoryEventStore } from '@journeykit/store-memory'
import { memoryEventStore, recordInBulk } from '@journeykit/store-memory'

/** A fresh memory store holding the first `size` events of a simulation of `size / 100` customers. */
export const simulatedStore = (size: number, seed: number): MemoryEventStore => {
  const store = memoryEventStore()
  recordInBulk(store, simulate({ customers: Math.max(1, Math.round(size / 100)), seed }), { limit: size })
  return store
}
