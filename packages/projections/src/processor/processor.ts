import type { RecordedEvent } from '@journeykit/core'
import { Immer, freeze } from 'immer'
import type { ExpectedCheckpoint } from '../checkpoint/port.js'
import { checkpointKey } from '../checkpoint/port.js'
import type { ProjectionDefinition } from '../define.js'
import { dispatchTable } from '../define.js'
import { ProjectionHandlerError, ProjectionUsageError } from '../errors.js'
import type { PartitionMap } from '../partition-map.js'
import { emptyPartitionMap, isPartitionMap, partitionMapOf } from '../partition-map.js'
import type { Counters } from '../stats.js'
import { countersOf, emptyStats, statsOf } from '../stats.js'
import type { ApplyContext } from './context.js'
import type { ImmutableState } from './immutable.js'
import { applyImmutable } from './immutable.js'
import type { MutableState } from './mutable.js'
import { emptyMutableState, planMutable } from './mutable.js'
import type { Repair } from './repair.js'
import { repairOf } from './repair.js'
import type {
  BatchPlan,
  ProcessorOptions,
  ProjectionChange,
  ProjectionProcessor,
  ProjectionSnapshot,
} from './types.js'
import { engine } from './types.js'

const deepFreeze = <T>(value: T): T => freeze(value, true)

const merged = (a: Set<string> | 'all', b: Set<string> | 'all'): Set<string> | 'all' =>
  a === 'all' || b === 'all' ? 'all' : new Set([...a, ...b])

/** A loaded checkpoint's partitions as a partition map; states that come from elsewhere are frozen on first read. */
const asPartitionMap = <S>(partitions: ReadonlyMap<string, S>): PartitionMap<S> =>
  isPartitionMap(partitions) ? partitions : partitionMapOf(new Map(partitions), deepFreeze)

/**
 * A processor for one projection version: feed it with `rebuildProjections` or `runProjections`, read it with
 * `snapshot()` and `subscribe()`. Options: the error policy, the freeze policy of rebuilds, a checkpoint store.
 */
export const projectionProcessor = <S, G = undefined>(
  definition: ProjectionDefinition<S, G>,
  options: ProcessorOptions<S, G> = {},
): ProjectionProcessor<S, G> => {
  const { name, version } = definition
  const key = checkpointKey(definition)
  const checkpoints = options.checkpoints
  const freezePolicy = options.freeze ?? 'lazy'
  const immer = new Immer({ autoFreeze: true })
  const listeners = new Set<(change: ProjectionChange<S, G>) => void>()
  const handlers = dispatchTable(definition.handlers)
  const portfolioHandlers =
    definition.portfolio === undefined ? undefined : dispatchTable(definition.portfolio.handlers)
  const contextOf = (counters: Counters): ApplyContext<S, G> => ({
    definition,
    handlers,
    portfolioHandlers,
    policy: options.onError ?? 'halt',
    counters,
    immer,
  })
  let context = contextOf(countersOf(emptyStats))
  let live: ImmutableState<S, G> = {
    partitions: emptyPartitionMap(),
    portfolio:
      definition.portfolio === undefined ? undefined : deepFreeze(definition.portfolio.initialState()),
    last: -1n,
  }
  let rebuild: MutableState<S, G> | undefined
  let repair: Repair | undefined
  let revision: ExpectedCheckpoint = 'none'
  let committed = -1n
  let changedSinceCommit: Set<string> | 'all' = new Set()
  let halted: ProjectionHandlerError | undefined
  let running = false
  let opened = false

  const publish = (): ProjectionSnapshot<S, G> =>
    Object.freeze({
      name,
      version,
      partitions: live.partitions,
      portfolio: live.portfolio,
      position: live.last < 0n ? undefined : live.last,
      stats: statsOf(context.counters),
    })
  let published = publish()

  const notify = (change: ProjectionChange<S, G>): void => {
    const failures: unknown[] = []
    for (const listener of [...listeners]) {
      try {
        listener(change)
      } catch (error) {
        failures.push(error)
      }
    }
    if (failures.length > 0) throw failures[0]
  }

  const replace = (state: ImmutableState<S, G>): void => {
    live = state
    changedSinceCommit = 'all'
    published = publish()
    notify({ kind: 'replaced', snapshot: published })
  }

  const startRebuild = (): void => {
    context = contextOf(countersOf(emptyStats))
    rebuild = emptyMutableState(context)
  }

  const refuseWhenHalted = (): void => {
    if (halted !== undefined)
      throw new ProjectionUsageError(name, `halted on ${halted.message}; create a new processor to retry`)
  }

  const open = async (start: 'resume' | 'rebuild'): Promise<void> => {
    refuseWhenHalted()
    if (running)
      throw new ProjectionUsageError(name, 'is already being run (one run at a time per processor)')
    running = true
    try {
      const stored = opened && start === 'resume' ? undefined : await checkpoints?.load(key)
      revision = stored?.revision ?? revision
      if (start === 'rebuild') startRebuild()
      else if (!opened && stored !== undefined) {
        const { checkpoint } = stored
        context = contextOf(countersOf(checkpoint.stats))
        committed = checkpoint.position
        replace({
          partitions: asPartitionMap(checkpoint.partitions),
          portfolio: checkpoint.portfolio === undefined ? undefined : deepFreeze(checkpoint.portfolio),
          last: checkpoint.position,
        })
        changedSinceCommit = new Set()
      } else if (!opened) startRebuild()
      opened = true
    } catch (error) {
      running = false
      throw error
    }
  }

  /** Runs `step`; a handler's failure under `halt` halts the processor. */
  const haltingOn = (step: () => void): void => {
    try {
      step()
    } catch (error) {
      if (error instanceof ProjectionHandlerError) halted = error
      throw error
    }
  }

  /** Applies a batch to the live (immutable) state and tells the listeners. */
  const applyLive = (events: readonly RecordedEvent[]): void => {
    const outcome = applyImmutable(context, live, events)
    if (outcome === undefined) {
      if (events.length > 0) published = publish() // only `ignored` moved
      return
    }
    live = outcome.state
    if (changedSinceCommit !== 'all') for (const k of outcome.changed) changedSinceCommit.add(k)
    published = publish()
    if (outcome.changed.length > 0 || outcome.portfolioChanged)
      notify({
        kind: 'batch',
        changed: outcome.changed,
        portfolioChanged: outcome.portfolioChanged,
        position: outcome.state.last,
        snapshot: published,
      })
  }

  const plan = (events: readonly RecordedEvent[]): BatchPlan => {
    refuseWhenHalted()
    if (rebuild === undefined)
      return { groups: new Map(), fold: () => undefined, finish: () => haltingOn(() => applyLive(events)) }
    const planned = planMutable(context, rebuild, events)
    return { groups: planned.groups, fold: planned.fold, finish: () => haltingOn(planned.finish) }
  }

  const seal = (): void => {
    if (rebuild === undefined) return
    if (rebuild.tainted.size > 0 || rebuild.portfolioTainted)
      throw new ProjectionUsageError(name, 'cannot seal a rebuild with tainted states before its repair')
    const { partitions, portfolio, last } = rebuild
    rebuild = undefined
    if (freezePolicy === 'eager') for (const state of partitions.values()) deepFreeze(state)
    replace({
      partitions: partitionMapOf(partitions, freezePolicy === 'lazy' ? deepFreeze : undefined),
      portfolio: freezePolicy === 'never' || portfolio === undefined ? portfolio : deepFreeze(portfolio),
      last,
    })
  }

  const commit = async (): Promise<void> => {
    if (checkpoints === undefined || rebuild !== undefined || halted !== undefined) return
    if (live.last === committed) return
    const snapshot = published
    const position = live.last
    const changed = changedSinceCommit
    changedSinceCommit = new Set()
    try {
      revision = await checkpoints.commit({
        key,
        expected: revision,
        checkpoint: {
          position,
          partitions: snapshot.partitions,
          portfolio: snapshot.portfolio,
          stats: snapshot.stats,
        },
        changed,
      })
      committed = position
    } catch (error) {
      changedSinceCommit = merged(changed, changedSinceCommit)
      throw error
    }
  }

  return {
    name,
    version,
    key,
    snapshot: () => published,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    [engine]: {
      open,
      position: () => {
        const last = rebuild?.last ?? live.last
        return last < 0n ? undefined : last
      },
      rebuilding: () => rebuild !== undefined,
      plan,
      repairUpTo: () => {
        repair ??= rebuild === undefined ? undefined : repairOf(context, rebuild)
        return repair?.upTo
      },
      repair: (events) => repair?.apply(events) ?? false,
      seal: () => {
        repair?.finish()
        repair = undefined
        seal()
      },
      commit,
      close: () => {
        running = false
      },
    },
  }
}
