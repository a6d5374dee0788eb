export { memoryEventStore, positionOfIndex } from './memory-store.js'
export type { MemoryEventStore, MemoryEventStoreOptions } from './memory-store.js'
