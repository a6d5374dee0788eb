import type { ProjectionStats } from '../stats.js'

/**
 * Everything a projection version has built, as of one global position, committed as ONE unit: the state is
 * exactly the fold of every event up to and including `position` (minus dead letters), never more, never less.
 * Restarting from it ignores every event at or before `position` and applies every event after it, so a crash
 * between two commits replays the events after the last commit onto the state of that commit: no event is
 * applied twice, none is skipped.
 */
export interface ProjectionCheckpoint<S, G> {
  /** Global position of the last event the state accounts for (applied, dead-lettered or unhandled). */
  readonly position: bigint
  readonly partitions: ReadonlyMap<string, S>
  /** The portfolio state; undefined when the projection defines no portfolio. */
  readonly portfolio: G | undefined
  readonly stats: ProjectionStats
}

/** A checkpoint as stored, with the revision to expect when replacing it. */
export interface StoredCheckpoint<S, G> {
  readonly checkpoint: ProjectionCheckpoint<S, G>
  /**
   * The record's revision as the store counts it (memory: 0 for the first commit, +1 per commit; EventStoreDB:
   * the stream revision of the checkpoint event). Opaque to the runner: it passes it back as `expected`.
   */
  readonly revision: bigint
}

/** What a commit expects to replace: no record at all (`'none'`), or the record at exactly this revision. */
export type ExpectedCheckpoint = 'none' | bigint

export interface CheckpointCommit<S, G> {
  /** Which projection version: `checkpointKey(definition)`, e.g. `customer-360-v1`. */
  readonly key: string
  readonly expected: ExpectedCheckpoint
  readonly checkpoint: ProjectionCheckpoint<S, G>
  /**
   * The partitions whose state changed since the record at `expected` (`'all'` after a rebuild or for a first
   * commit). Stores that keep the whole checkpoint in one record may ignore it; stores that write one row per
   * partition write only these (in the same transaction as the position).
   */
  readonly changed: ReadonlySet<string> | 'all'
}

/**
 * The checkpoint-store port: where a projection version keeps its state and position between runs.
 *
 * Contract, for every implementation:
 * - **Atomic.** `commit` replaces the whole record (position, partitions, portfolio, stats) or nothing; a
 *   reader (`load`) sees the old record or the new one, never a mix. A store that cannot hold the state must not
 *   store the position alone (a position without its state would skip events on restart).
 * - **Optimistic concurrency.** `commit` succeeds only when the stored revision is `expected` (`'none'`: no
 *   record); otherwise it rejects with `CheckpointConflictError` and changes nothing. Two runners of the same
 *   projection version both load revision r; the first commit writes r + 1; the second, still expecting r, is
 *   refused and its runner stops. The winner's state is never overwritten by the loser.
 * - **Positions are opaque bigints**, ordered but not contiguous (EventStoreDB: commit·2⁶⁴ + prepare); store
 *   them exactly (as decimal strings in JSON), never as JavaScript numbers.
 * - **Round trip.** `load` gives back what was committed: partitions and portfolio deep-equal, stats and dead
 *   letters equal (a dead letter's `error.cause` may come back as a plain `Error` with the same name and message).
 *   The memory store keeps the immutable objects themselves; a store that serializes uses `checkpointToJson` and
 *   `checkpointFromJson` with the projection's `StateCodec`.
 * - **Out of the event log's reads.** When the records live in the event store itself, `readAll` and
 *   `subscribe` must not deliver them to projections (a runner would see its own commits as new events).
 *
 * An EventStoreDB implementation maps it one to one: stream `journeykit-checkpoint-<key>` (which that adapter
 * already leaves out of `readAll` and subscriptions) with `$maxCount` 1; `commit` appends ONE event whose data is
 * `checkpointToJson(checkpoint)` with expected revision `expected` (`'none'` → `no_stream`), a
 * WrongExpectedVersion becomes `CheckpointConflictError` (with the actual revision); `load` reads the last event
 * of the stream backwards (its stream revision is the record's revision; StreamNotFound → undefined);
 * `remove` deletes the stream (`'any'` or the expected revision). `changed` may be ignored.
 */
export interface CheckpointStore<S, G> {
  /** The record of `key`, or undefined when there is none. */
  load(key: string): Promise<StoredCheckpoint<S, G> | undefined>
  /** Replaces the record atomically when its revision is `commit.expected`; resolves to the new revision. */
  commit(commit: CheckpointCommit<S, G>): Promise<bigint>
  /** Deletes the record of `key` (a retired blue/green version); `'any'` skips the revision check. */
  remove(key: string, expected: bigint | 'any'): Promise<void>
}

/** The checkpoint key of a projection version: `<name>-v<version>`. */
export const checkpointKey = (definition: { readonly name: string; readonly version: number }): string =>
  `${definition.name}-v${definition.version}`
