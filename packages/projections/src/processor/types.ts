import type { RecordedEvent } from '@journeykit/core'
import type { CheckpointStore } from '../checkpoint/port.js'
import type { ProjectionState } from '../fold.js'
import type { ProjectionStats } from '../stats.js'
import type { ErrorPolicy, FreezePolicy } from './context.js'

/** What readers get: an immutable state (structurally shared with the previous one) and what produced it. */
export interface ProjectionSnapshot<S, G> extends ProjectionState<S, G> {
  readonly name: string
  readonly version: number
  readonly stats: ProjectionStats
}

/**
 * A change of a processor's snapshot:
 * - `batch`: a live batch was applied; `changed` names the partitions whose state is a new object;
 * - `replaced`: the whole state was replaced (a rebuild completed, or a checkpoint was loaded).
 */
export type ProjectionChange<S, G> =
  | {
      readonly kind: 'batch'
      readonly changed: readonly string[]
      readonly portfolioChanged: boolean
      /** Global position of the last event of the batch. */
      readonly position: bigint
      readonly snapshot: ProjectionSnapshot<S, G>
    }
  | { readonly kind: 'replaced'; readonly snapshot: ProjectionSnapshot<S, G> }

export interface ProcessorOptions<S, G> {
  /** Default `'halt'`. */
  readonly onError?: ErrorPolicy
  /** Default `'lazy'`. */
  readonly freeze?: FreezePolicy
  /** Where state and position are committed; without one, every run starts with a rebuild. */
  readonly checkpoints?: CheckpointStore<S, G>
}

/**
 * A batch sorted for a processor, to fold group by group: `fold` each group (in any order, each once), then
 * `finish`. Several processors' plans of one batch can be interleaved, so that the groups of one partition key
 * are folded one after the other while the events are in the CPU's caches (see `rebuildProjections`).
 */
export interface BatchPlan {
  /** The batch's new events by partition key, each group in global order. */
  readonly groups: ReadonlyMap<string, readonly RecordedEvent[]>
  /** Folds the group of `key` (up to the earliest failure so far under `halt`). */
  readonly fold: (key: string, events: readonly RecordedEvent[]) => void
  /**
   * Folds the portfolio's events and moves the state's position. Throws `ProjectionHandlerError` under `halt`:
   * the failure of the earliest event, as a run in global order would.
   */
  readonly finish: () => void
}

export const engine: unique symbol = Symbol('journeykit.projectionEngine')

/**
 * The runner's side of a processor (no state types, so processors of different projections share a read).
 * Not for application code: use `rebuildProjections`, `runProjections` or a host.
 */
export interface ProcessorEngine {
  /**
   * Starts a run (one at a time per processor). `resume`: on first use, loads the checkpoint (or starts a
   * rebuild when there is none), afterwards continues where the last run stopped. `rebuild`: starts from scratch.
   */
  open(start: 'resume' | 'rebuild'): Promise<void>
  /** Global position of the last event considered, undefined before the first. */
  position(): bigint | undefined
  /** Whether a rebuild (plain mutable state, invisible to readers) is under way. */
  rebuilding(): boolean
  /**
   * Applies a batch in global order, in steps that can be interleaved with other processors' plans of the same
   * batch (see `applyBatch`). Only a rebuild folds group by group; otherwise the plan has no groups and `finish`
   * applies the whole batch. `finish` throws `ProjectionHandlerError` under `halt` (the processor stays halted).
   */
  plan(events: readonly RecordedEvent[]): BatchPlan
  /** When a rebuild under `skip` must replay states from the history first: the last position to replay. */
  repairUpTo(): bigint | undefined
  /** Feeds history from the start to the repair; false once past `repairUpTo()`. */
  repair(events: readonly RecordedEvent[]): boolean
  /** Ends a rebuild (after any repair): the rebuilt state becomes the snapshot, listeners hear `replaced`. */
  seal(): void
  /** Commits state and position when they moved since the last commit (no-op without a checkpoint store). */
  commit(): Promise<void>
  /** Ends the run (the processor keeps its state and can be opened again). */
  close(): void
}

/** One projection version's state, fed by a runner or a rebuild, read through snapshots. */
export interface ProjectionProcessor<S, G> {
  readonly name: string
  readonly version: number
  /** The checkpoint key, `<name>-v<version>`. */
  readonly key: string
  /**
   * The state readers see, immutable. During a rebuild it stays what it was before (empty for a fresh
   * processor) until the rebuild completes.
   */
  snapshot(): ProjectionSnapshot<S, G>
  /** Calls `listener` on every change of the snapshot; returns the function that stops it. */
  subscribe(listener: (change: ProjectionChange<S, G>) => void): () => void
  readonly [engine]: ProcessorEngine
}
