import type { CheckpointStore, StateCodec } from '../../src/index.js'
import { CheckpointConflictError, checkpointFromJson, checkpointToJson } from '../../src/index.js'

/**
 * A checkpoint store that keeps each record as JSON text, the way a remote store (EventStoreDB: one stream per
 * key, `$maxCount` 1, appends with an expected revision) does: nothing but text survives a commit.
 */
export const jsonCheckpointStore = <S, G>(
  codec: StateCodec<S, G>,
): CheckpointStore<S, G> & { texts: Map<string, string> } => {
  const texts = new Map<string, string>()
  const revisions = new Map<string, bigint>()
  return {
    texts,
    load: async (key) => {
      const stored = texts.get(key)
      const revision = revisions.get(key)
      if (stored === undefined || revision === undefined) return undefined
      return { checkpoint: checkpointFromJson(JSON.parse(stored), codec), revision }
    },
    commit: async ({ key, expected, checkpoint }) => {
      const actual = revisions.get(key) ?? 'none'
      if (actual !== expected) throw new CheckpointConflictError(key, expected, actual)
      const text = JSON.stringify(checkpointToJson(checkpoint, codec))
      const revision = actual === 'none' ? 0n : actual + 1n
      texts.set(key, text)
      revisions.set(key, revision)
      return revision
    },
    remove: async (key, expected) => {
      const actual = revisions.get(key) ?? 'none'
      if (expected !== 'any' && actual !== expected) throw new CheckpointConflictError(key, expected, actual)
      texts.delete(key)
    },
  }
}
