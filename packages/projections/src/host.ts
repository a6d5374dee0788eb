import type { EventStore } from '@journeykit/core'
import type { ProjectionDefinition } from './define.js'
import { ProjectionUsageError } from './errors.js'
import { projectionProcessor } from './processor/processor.js'
import type {
  ProcessorOptions,
  ProjectionChange,
  ProjectionProcessor,
  ProjectionSnapshot,
} from './processor/types.js'
import type { ProjectionRunner, RunnerOptions } from './runner.js'
import { runProjections } from './runner.js'

export interface ProjectionHostOptions<S, G> extends ProcessorOptions<S, G> {
  /** Options of each version's runner. */
  readonly runner?: RunnerOptions
  /** Remove a version's checkpoint once another version has taken over from it. Default false. */
  readonly retire?: boolean
}

/** A change the host's readers hear: the active version's changes, and the switch to another version. */
export type HostChange<S, G> =
  | ProjectionChange<S, G>
  | {
      readonly kind: 'switched'
      readonly from: number
      readonly to: number
      readonly snapshot: ProjectionSnapshot<S, G>
    }

export interface Takeover {
  readonly from: number
  readonly to: number
}

/** Serves one projection's queries from its active version, and swaps in new versions blue/green. */
export interface ProjectionHost<S, G> {
  /** The version answering queries. */
  readonly active: () => ProjectionProcessor<S, G>
  /** The version rebuilding beside it, if a deployment is under way. */
  readonly candidate: () => ProjectionProcessor<S, G> | undefined
  /** The active version's snapshot. */
  readonly snapshot: () => ProjectionSnapshot<S, G>
  /** Answers a question from the active version's snapshot. */
  readonly query: <R>(question: (snapshot: ProjectionSnapshot<S, G>) => R) => R
  /** Calls `listener` on every change of the active version and on every switch; returns the unsubscribe. */
  readonly subscribe: (listener: (change: HostChange<S, G>) => void) => () => void
  /** True once the first version has caught up with the store. */
  readonly ready: Promise<boolean>
  /**
   * Rebuilds another version of the projection beside the active one (which keeps answering queries), and
   * makes it active once it has caught up with the store; then stops the old one. Resolves after the switch;
   * rejects (and the old version stays active) when the new one fails or the host stops first.
   */
  readonly deploy: (definition: ProjectionDefinition<S, G>) => Promise<Takeover>
  /** Stops every version. */
  readonly stop: () => Promise<void>
  /** Resolves after `stop()`; rejects when the active version's run fails. */
  readonly done: Promise<void>
}

interface Version<S, G> {
  readonly processor: ProjectionProcessor<S, G>
  readonly runner: ProjectionRunner
}

/** Starts the first version of a projection over `store` and serves it; see `ProjectionHost`. */
export const projectionHost = <S, G = undefined>(
  store: EventStore,
  definition: ProjectionDefinition<S, G>,
  options: ProjectionHostOptions<S, G> = {},
): ProjectionHost<S, G> => {
  const listeners = new Set<(change: HostChange<S, G>) => void>()
  const notify = (change: HostChange<S, G>): void => {
    for (const listener of [...listeners]) listener(change)
  }
  const start = (d: ProjectionDefinition<S, G>): Version<S, G> => {
    const processor = projectionProcessor(d, options)
    return { processor, runner: runProjections(store, [processor], options.runner) }
  }
  let finished: (failure?: unknown) => void = () => undefined
  const done = new Promise<void>((resolve, reject) => {
    finished = (failure) => (failure === undefined ? resolve() : reject(failure))
  })
  let active = start(definition)
  let candidate: Version<S, G> | undefined
  let stopped = false
  const serve = (version: Version<S, G>): (() => void) => {
    version.runner.done.catch((error: unknown) => {
      if (active === version) finished(error)
    })
    return version.processor.subscribe(notify)
  }
  let unsubscribe = serve(active)

  const deploy = async (next: ProjectionDefinition<S, G>): Promise<Takeover> => {
    const current = active.processor
    if (stopped) throw new ProjectionUsageError(next.name, 'the host is stopped')
    if (candidate !== undefined)
      throw new ProjectionUsageError(next.name, `v${candidate.processor.version} is being deployed already`)
    if (next.name !== current.name)
      throw new ProjectionUsageError(next.name, `this host serves ${current.name}, not ${next.name}`)
    if (next.version === current.version)
      throw new ProjectionUsageError(next.name, `v${next.version} is the active version already`)
    const version = start(next)
    candidate = version
    try {
      if (!(await version.runner.caughtUp)) {
        await version.runner.done
        throw new ProjectionUsageError(next.name, `v${next.version} stopped before it caught up`)
      }
    } catch (error) {
      candidate = undefined
      await version.runner.stop().catch(() => undefined)
      throw error
    }
    const previous = active
    candidate = undefined
    active = version
    unsubscribe()
    unsubscribe = serve(version)
    notify({
      kind: 'switched',
      from: current.version,
      to: next.version,
      snapshot: version.processor.snapshot(),
    })
    await previous.runner.stop().catch(() => undefined) // a failure while active already rejected `done`
    if (options.retire === true) await options.checkpoints?.remove(current.key, 'any')
    return { from: current.version, to: next.version }
  }

  return {
    active: () => active.processor,
    candidate: () => candidate?.processor,
    snapshot: () => active.processor.snapshot(),
    query: (question) => question(active.processor.snapshot()),
    subscribe: (listener) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    ready: active.runner.caughtUp,
    deploy,
    stop: async () => {
      stopped = true
      const versions = candidate === undefined ? [active] : [active, candidate]
      const results = await Promise.allSettled(versions.map((v) => v.runner.stop()))
      const failure = results.find((r) => r.status === 'rejected')
      finished(failure?.reason)
      await done
    },
    done,
  }
}
