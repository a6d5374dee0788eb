import type { CustomerEvaluation } from '@journeykit/churn'
import { churnProjection, evaluatePortfolio } from '@journeykit/churn'
import type { RebuildProgress } from '@journeykit/projections'
import { customer360Projection } from '@journeykit/customer-360'
import { projectionProcessor, rebuildProjections } from '@journeykit/projections'
import { simulate } from '@journeykit/simulator'
import { exportNdjson, memoryEventStore, ndjsonSource } from '@journeykit/store-memory'

/** Makes an NDJSON history to replay: a simulated portfolio, appended to a store, exported. */
export const exportSimulatedHistory = async (file: string, customers: number): Promise<number> => {
  const store = memoryEventStore()
  for (const event of simulate({ customers, seed: 11 })) await store.appendToStream(event.streamId, [event])
  // #region export
  const { events } = await exportNdjson(store, file, {
    onProgress: (written) => console.error(`exported ${written} events`),
  })
  // #endregion
  return events
}

export interface ReplaySummary {
  readonly events: number
  readonly customers: number
  readonly eventsPerSecond: number
  /** The latest business time in the history: what "now" means for the evaluation. */
  readonly asOf: string
  readonly mostAtRisk: readonly CustomerEvaluation[]
}

/** Rebuilds the customer 360 and the churn facts from an NDJSON file in one read, with progress. */
export const replayHistory = async (
  file: string,
  total: number | undefined,
  onProgress: (progress: RebuildProgress) => void,
): Promise<ReplaySummary> => {
  // #region rebuild
  const view = projectionProcessor(customer360Projection(), { freeze: 'never' })
  const facts = projectionProcessor(churnProjection, { freeze: 'never' })

  const report = await rebuildProjections(ndjsonSource(file), [view, facts], {
    total, // lines in the file, when known: progress then has an ETA
    onProgress,
  })
  // #endregion
  const partitions = view.snapshot().partitions
  let latestMs = -Infinity
  for (const state of partitions.values()) latestMs = Math.max(latestMs, state.latestMs ?? -Infinity)
  const asOf = new Date(latestMs).toISOString()
  const churn = evaluatePortfolio(facts.snapshot().partitions, asOf)
  return {
    events: report.progress.done,
    customers: partitions.size,
    eventsPerSecond: report.progress.eventsPerSecond,
    asOf,
    mostAtRisk: churn.evaluations.slice(0, 5),
  }
}
