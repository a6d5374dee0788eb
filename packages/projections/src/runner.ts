import type { EventStore, RecordedEvent, Subscription } from '@journeykit/core'
import { applyBatch } from './apply-batch.js'
import type { ProcessorEngine, ProjectionProcessor } from './processor/types.js'
import { engine } from './processor/types.js'
import type { ProgressOptions } from './progress.js'
import { positiveInteger, progressMeter } from './progress.js'
import { repairAll } from './rebuild.js'

export interface RunnerOptions extends ProgressOptions {
  /** Events per batch, for the catch-up (`readAll`) and live (`subscribe`). Default 4096. */
  readonly batchSize?: number
  /**
   * While live, commit checkpoints once at least this many events were applied since the last commit. Default 1:
   * after every batch. Whatever the value, the runner commits when it catches up and when it stops.
   */
  readonly commitEvery?: number
  /** Called once, when the processors have caught up with the store. */
  readonly onCaughtUp?: () => void
}

export type RunnerStatus = 'starting' | 'catching-up' | 'live' | 'stopping' | 'stopped' | 'failed'

export interface ProjectionRunner {
  /** True once caught up with the store (the processors then follow it live); false if the run ended first. */
  readonly caughtUp: Promise<boolean>
  /**
   * Settles when the run ends: resolves after `stop()`, rejects with what ended it otherwise (a handler under
   * `halt`, a checkpoint conflict, the store).
   */
  readonly done: Promise<void>
  /** Finishes the batch in hand, commits, ends the run; resolves (or rejects) like `done`. */
  readonly stop: () => Promise<void>
  readonly status: () => RunnerStatus
}

const earliestPosition = (engines: readonly ProcessorEngine[]): bigint | undefined => {
  let from: bigint | undefined
  for (const e of engines) {
    const position = e.position()
    if (position === undefined) return undefined
    if (from === undefined || position < from) from = position
  }
  return from
}

/**
 * Runs processors over a store in ONE shared read: from their checkpoints (or from scratch, as a rebuild),
 * catch-up through `readAll` in batches, then live through `subscribe`. Each processor ignores events at or
 * before its own position, so processors at different checkpoints share the read and redeliveries are harmless.
 */
export const runProjections = (
  store: EventStore,
  processors: readonly ProjectionProcessor<unknown, unknown>[],
  options: RunnerOptions = {},
): ProjectionRunner => {
  const batchSize = positiveInteger('batchSize', options.batchSize, 4096)
  const commitEvery = positiveInteger('commitEvery', options.commitEvery, 1)
  const meter = progressMeter(options)
  const engines = processors.map((p) => p[engine])
  let status: RunnerStatus = 'starting'
  let stopping = false
  let subscription: Subscription | undefined
  let sinceCommit = 0
  let reportCaughtUp: (caughtUp: boolean) => void = () => undefined
  const caughtUp = new Promise<boolean>((resolve) => {
    reportCaughtUp = resolve
  })

  const apply = (batch: readonly RecordedEvent[]): void => {
    applyBatch(engines, batch)
    sinceCommit += batch.length
  }
  const commit = async (force: boolean): Promise<void> => {
    if (!force && sinceCommit < commitEvery) return
    sinceCommit = 0
    for (const e of engines) await e.commit()
  }
  const endRebuilds = async (): Promise<void> => {
    await repairAll(engines, () => store.readAll({ batchSize }))
    for (const e of engines) e.seal()
    await commit(true)
  }

  const run = async (): Promise<void> => {
    const opened: ProcessorEngine[] = []
    try {
      for (const e of engines) {
        await e.open('resume')
        opened.push(e)
      }
      status = 'catching-up'
      let read = earliestPosition(engines)
      if (!stopping)
        for await (const batch of store.readAll({ from: read ?? 'start', batchSize })) {
          apply(batch)
          read = batch[batch.length - 1]?.position ?? read
          meter.advance(batch.length, read)
          await commit(false)
          if (stopping) break
        }
      await endRebuilds()
      if (!stopping) {
        subscription = store.subscribe({ from: read ?? 'start', batchSize })
        if (stopping) await subscription.stop()
        for await (const message of subscription) {
          if (message.kind === 'events') {
            apply(message.events)
            await commit(false)
          } else if (message.kind === 'caughtUp' && status === 'catching-up') {
            await commit(true)
            status = 'live'
            meter.finish()
            reportCaughtUp(true)
            options.onCaughtUp?.()
          }
          if (stopping) break
        }
      }
      await endRebuilds()
      status = 'stopped'
    } catch (error) {
      status = 'failed'
      await subscription?.stop().catch(() => undefined) // release it; the run's own error is what matters
      throw error
    } finally {
      for (const e of opened) e.close()
      reportCaughtUp(false)
    }
  }

  const done = run()
  return {
    caughtUp,
    done,
    stop: async () => {
      if (status !== 'stopped' && status !== 'failed') status = 'stopping'
      stopping = true
      await subscription?.stop()
      return done
    },
    status: () => status,
  }
}
