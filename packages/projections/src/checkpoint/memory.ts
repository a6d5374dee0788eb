import { CheckpointConflictError } from '../errors.js'
import type { CheckpointStore, StoredCheckpoint } from './port.js'

export interface MemoryCheckpointStore<S, G> extends CheckpointStore<S, G> {
  /** The keys that hold a record. */
  readonly keys: () => readonly string[]
  /** How many commits succeeded so far (all keys). */
  readonly commits: () => number
}

/**
 * Checkpoints in memory, for one process: the committed snapshot itself is kept (states are immutable, so
 * keeping them costs nothing and a load returns them as they were). A commit swaps one record in a single
 * synchronous step after its revision check, so it is atomic and two commits never interleave.
 */
export const memoryCheckpointStore = <S, G>(): MemoryCheckpointStore<S, G> => {
  const records = new Map<string, StoredCheckpoint<S, G>>()
  let commits = 0
  const revisionOf = (key: string): bigint | 'none' => records.get(key)?.revision ?? 'none'
  return {
    load: async (key) => records.get(key),
    commit: async ({ key, expected, checkpoint }) => {
      const actual = revisionOf(key)
      if (actual !== expected) throw new CheckpointConflictError(key, expected, actual)
      const revision = actual === 'none' ? 0n : actual + 1n
      records.set(key, Object.freeze({ checkpoint, revision }))
      commits++
      return revision
    },
    remove: async (key, expected) => {
      const actual = revisionOf(key)
      if (expected !== 'any' && actual !== expected) throw new CheckpointConflictError(key, expected, actual)
      records.delete(key)
    },
    keys: () => [...records.keys()],
    commits: () => commits,
  }
}
